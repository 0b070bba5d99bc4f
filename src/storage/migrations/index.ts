import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-statement-of-applicability.js';
import * as m0003 from './0003-inventory.js';
import * as m0004 from './0004-soa-shared-responsibility.js';
import * as m0005 from './0005-impact-assessments-and-risks.js';
import * as m0006 from './0006-operations.js';
import * as m0007 from './0007-monitoring.js';

/**
 * Every migration, in order. Forward-only: a landed migration is never edited; a change is a new
 * file added here. Listed statically so the bundled server needs no directory scan.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-statement-of-applicability': m0002,
  '0003-inventory': m0003,
  '0004-soa-shared-responsibility': m0004,
  '0005-impact-assessments-and-risks': m0005,
  '0006-operations': m0006,
  '0007-monitoring': m0007,
};
