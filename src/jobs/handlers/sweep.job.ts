import { z } from 'zod';
import { sweepExpired } from '../../app/system/sweep-expired.js';
import { defineJob } from '../job-definition.js';

export const sweepJob = defineJob({
  name: 'system.sweep',
  description: 'deletes ended sessions, old rate-limit hits, expired SSO logins and old finished jobs',
  payload: z.object({}).strict(),
  retryLimit: 3,
  retryDelaySeconds: 30,
  backoff: true,
  timeoutSeconds: 600,
  schedule: '17 * * * *',
  run: async ({ deps }) => sweepExpired(deps),
});
