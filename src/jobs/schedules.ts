import cronParser from 'cron-parser';
import { AppError } from '../domain/shared/app-error.js';
import type { JobDefinition } from './job-definition.js';

/**
 * The cron schedule of each job: its own `schedule`, unless AIMS_JOB_SCHEDULES overrides it
 * ("trail.verify=30 2 * * *;system.sweep=off"). Returns name → cron (UTC); jobs without one are absent.
 */
export function resolveSchedules(definitions: readonly JobDefinition[], override: string | undefined): Map<string, string> {
  const schedules = new Map<string, string>();
  for (const d of definitions) if (d.schedule) schedules.set(d.name, d.schedule);
  for (const part of (override ?? '').split(';').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq).trim();
    const cron = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!definitions.some((d) => d.name === name)) {
      throw AppError.invalidField('AIMS_JOB_SCHEDULES', `"${name}" is not a known job; known jobs: ${definitions.map((d) => d.name).join(', ')}`);
    }
    if (cron === 'off') {
      schedules.delete(name);
      continue;
    }
    try {
      cronParser.parseExpression(cron, { tz: 'UTC' });
    } catch {
      throw AppError.invalidField('AIMS_JOB_SCHEDULES', `"${cron}" for ${name} is not a cron expression (5 fields, UTC) or "off"`);
    }
    schedules.set(name, cron);
  }
  return schedules;
}

/** The first time strictly after `after` on which the cron expression fires. */
export function nextCronTime(cron: string, after: Date): Date {
  return cronParser.parseExpression(cron, { tz: 'UTC', currentDate: after }).next().toDate();
}
