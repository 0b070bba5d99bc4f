import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { startServer } from '../../http/server.js';
import { composeApp } from '../../main.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { CliIo } from '../cli-io.js';

export function registerServe(program: Command, io: CliIo, onStarted: (stop: () => Promise<void>) => void) {
  program
    .command('serve')
    .description('start the OpenAIMS server (API, web app and docs); migrates the database first')
    .option('--port <port>', 'port to listen on (env PORT, default 8080)')
    .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .option('--json', 'print the start-up result as JSON')
    .action(async (options: { port?: string; host?: string; json?: boolean }) => {
      const config = loadConfig({ ...io.env, ...(options.port ? { PORT: options.port } : {}), ...(options.host ? { HOST: options.host } : {}) });
      const deps = await composeApp(config);
      let running;
      try {
        running = await startServer(deps, { port: config.port, host: config.host, secureCookies: config.secureCookies });
      } catch (error) {
        await deps.db.close();
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE') throw AppError.invalidField('port', `${config.port} is already in use on ${config.host}`);
        throw error;
      }
      const summary = { url: running.url, database: deps.db.dialect, dataDir: config.dataDir, setupCode: running.setupCode ?? null };
      io.out(options.json ? JSON.stringify(summary) : `OpenAIMS is running at ${running.url} (${deps.db.dialect})${running.setupCode ? `\nFirst run: open ${running.url}/setup and enter the setup code ${running.setupCode}, or run "aims init".` : ''}`);
      onStarted(async () => {
        await running.close();
        await deps.db.close();
      });
    });
}
