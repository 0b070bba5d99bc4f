import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-statement-of-applicability.js';
import * as m0006 from './0006-operations.js';

/**
 * Every migration, in order. Forward-only: a landed migration is never edited; a change is a new
 * file added here. Listed statically so the bundled server needs no directory scan.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-statement-of-applicability': m0002,
  '0006-operations': m0006,
};
