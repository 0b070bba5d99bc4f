import { AppError } from '../domain/shared/app-error.js';
import { echoJob } from './handlers/echo.job.js';
import { sweepJob } from './handlers/sweep.job.js';
import { trailVerifyJob } from './handlers/trail-verify.job.js';
import type { JobDefinition } from './job-definition.js';

/**
 * Every kind of job, by name. A feature area adds its handler file and one line here (like the
 * migrations, a static list: the bundle cannot scan a folder). Names are `<area>.<verb>`.
 */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [echoJob, sweepJob, trailVerifyJob];

export function findJobDefinition(name: string, definitions: readonly JobDefinition[] = JOB_DEFINITIONS): JobDefinition {
  const found = definitions.find((d) => d.name === name);
  if (!found) throw AppError.invalidField('name', `"${name}" is not a known job; known jobs: ${definitions.map((d) => d.name).join(', ')}`);
  return found;
}
