import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { startServer } from '../../http/server.js';
import { composeApp } from '../../main.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { CliIo } from '../cli-io.js';

export function registerServe(program: Command, io: CliIo, onStarted: (stop: () => Promise<void>) => void) {
  program
    .command('serve')
    .description('start the OpenAIMS server (API, web app and docs), and run background jobs unless --no-jobs or AIMS_JOBS=off; migrates the database first')
    .option('--port <port>', 'port to listen on (env PORT, default 8080)')
    .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .option('--no-jobs', 'serve HTTP only; leave background jobs to `aims worker` (env AIMS_JOBS=off)')
    .option('--json', 'print the start-up result as JSON')
    .action(async (options: { port?: string; host?: string; jobs: boolean; json?: boolean }) => {
      const config = loadConfig({ ...io.env, ...(options.port ? { PORT: options.port } : {}), ...(options.host ? { HOST: options.host } : {}) });
      const deps = await composeApp(config);
      const runJobs = options.jobs && config.jobs.runInServe;
      let running;
      try {
        running = await startServer(deps, { port: config.port, host: config.host, secureCookies: config.secureCookies, metricsToken: io.env.AIMS_METRICS_TOKEN || undefined });
        if (runJobs) await deps.jobs.work();
      } catch (error) {
        await running?.close(1000);
        await deps.jobs.stop(1000);
        await deps.db.close();
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE') throw AppError.invalidField('port', `${config.port} is already in use on ${config.host}`);
        throw error;
      }
      const summary = { url: running.url, database: deps.db.dialect, dataDir: config.dataDir, setupCode: running.setupCode ?? null, jobs: runJobs ? deps.jobs.backend : 'off', pid: process.pid };
      io.out(
        options.json
          ? JSON.stringify(summary)
          : `OpenAIMS is running at ${running.url} (${deps.db.dialect}; jobs: ${summary.jobs})${running.setupCode ? `\nFirst run: open ${running.url}/setup and enter the setup code ${running.setupCode}, or run "aims init".` : ''}`,
      );
      onStarted(async () => {
        // Graceful: /ready turns 503, no new connections, in-flight requests and jobs finish (up to the timeout).
        deps.logger.info({ timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
        await Promise.all([running.close(config.shutdownTimeoutMs), deps.jobs.stop(config.shutdownTimeoutMs)]);
        await deps.db.close();
        deps.logger.info('stopped');
      });
    });
}
