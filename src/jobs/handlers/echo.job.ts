import { z } from 'zod';
import { AppError } from '../../domain/shared/app-error.js';
import { defineJob } from '../job-definition.js';

/**
 * A job that returns what it was given, after an optional wait, or fails on request: it exercises
 * the queue (retries, time limits, dead letters, a worker killed mid-job) without touching data.
 */
export const echoJob = defineJob({
  name: 'system.echo',
  description: 'returns its message; waits delayMs first; fails while attempt <= failAttempts',
  payload: z
    .object({
      message: z.string().max(1000).default(''),
      delayMs: z.number().int().min(0).max(600_000).default(0),
      failAttempts: z.number().int().min(0).max(100).default(0),
    })
    .strict(),
  retryLimit: 3,
  retryDelaySeconds: 1,
  backoff: true,
  timeoutSeconds: 60,
  run: async ({ job, signal }, payload) => {
    if (payload.delayMs > 0) await sleep(payload.delayMs, signal);
    if (job.attempt <= payload.failAttempts) throw new AppError('INTERNAL', `echo was told to fail attempt ${job.attempt}`);
    return { message: payload.message, attempt: job.attempt, pid: process.pid };
  },
});

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new AppError('INTERNAL', 'echo was stopped'));
    }, { once: true });
  });
}
