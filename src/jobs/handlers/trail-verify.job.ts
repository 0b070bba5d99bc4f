import { z } from 'zod';
import { recordScheduledVerification } from '../../app/trail/record-scheduled-verification.js';
import { defineJob } from '../job-definition.js';

/** Nightly verification of every organization's trail, records and files, recorded in each trail. */
export const trailVerifyJob = defineJob({
  name: 'trail.verify',
  description: "verifies every organization's trail, records and evidence files and records the outcome in each trail",
  payload: z.object({}).strict(),
  retryLimit: 2,
  retryDelaySeconds: 60,
  backoff: true,
  timeoutSeconds: 3600,
  schedule: '0 3 * * *',
  run: async ({ deps }) => recordScheduledVerification(deps),
});
