import type { Command } from 'commander';
import { listAllFailedJobs } from '../../app/background-jobs/list-failed-jobs.js';
import { sendJob } from '../../app/background-jobs/retry-failed-job.js';
import { EnqueueJobInputSchema } from '../../contracts/operations.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { withApp } from '../app-session.js';
import { parseAsFlags, printResult, type CliIo } from '../cli-io.js';

/** Operator commands for background jobs: send one by name, list the dead letters of the whole installation. */
export function registerJobs(program: Command, io: CliIo) {
  const jobs = program.command('jobs').description('background jobs: send one, list the failed ones');

  jobs
    .command('run <name>')
    .description('send a job by name (e.g. trail.verify, system.sweep, system.echo); a worker or server runs it')
    .option('--payload <json>', 'the job payload as a JSON object', '{}')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, options: { payload: string; json?: boolean }) => {
      let payload: unknown;
      try {
        payload = JSON.parse(options.payload);
      } catch {
        throw AppError.invalidField('--payload', 'is not valid JSON');
      }
      const input = parseAsFlags(EnqueueJobInputSchema, { name, payload }, { name: '<name>', payload: '--payload' });
      const sent = await withApp(io, (deps) => sendJob(deps, input), { existing: true });
      printResult(io, !!options.json, sent, sent.jobId ? `sent ${sent.name} as job ${sent.jobId}` : `${sent.name} is already queued`);
    });

  jobs
    .command('failed')
    .description('list jobs that used up their retries (dead letters), newest first, across all organizations')
    .option('--limit <n>', 'how many (1-1000)', '50')
    .option('--json', 'print the result as JSON')
    .action(async (options: { limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw AppError.invalidField('--limit', 'must be a whole number from 1 to 1000');
      const failed = await withApp(io, (deps) => listAllFailedJobs(deps, limit), { existing: true });
      const text = failed.length ? failed.map((f) => `${f.failedAt}  ${f.name}  ${f.jobId}  after ${f.attempts} attempts: ${f.lastError}${f.retriedAt ? ` (retried as ${f.retriedAsJobId})` : ''}`).join('\n') : 'no failed jobs';
      printResult(io, !!options.json, failed, text);
    });
}
