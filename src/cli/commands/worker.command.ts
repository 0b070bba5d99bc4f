import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { composeApp } from '../../main.js';
import type { CliIo } from '../cli-io.js';

/** `aims worker`: runs background jobs and schedules without serving HTTP; as many as you like beside the servers. */
export function registerWorker(program: Command, io: CliIo, onStarted: (stop: () => Promise<void>) => void) {
  program
    .command('worker')
    .description('run background jobs (scheduled reviews, monitors, notifications, pack building) without serving HTTP; migrates the database first')
    .option('--json', 'print the start-up result as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig(io.env);
      const deps = await composeApp(config);
      try {
        await deps.jobs.work();
      } catch (error) {
        await deps.jobs.stop(1000);
        await deps.db.close();
        throw error;
      }
      const summary = { pid: process.pid, database: deps.db.dialect, jobs: deps.jobs.backend };
      io.out(options.json ? JSON.stringify(summary) : `OpenAIMS worker ${process.pid} is running jobs (${deps.db.dialect}, ${deps.jobs.backend})`);
      onStarted(async () => {
        deps.logger.info({ timeoutMs: config.shutdownTimeoutMs }, 'worker shutting down');
        await deps.jobs.stop(config.shutdownTimeoutMs);
        await deps.db.close();
      });
    });
}
