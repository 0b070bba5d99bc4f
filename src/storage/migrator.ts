import { Migrator, type MigrationResultSet } from 'kysely';
import { AppError } from '../domain/shared/app-error.js';
import type { Db } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

/** Applies every pending migration; returns the names applied this time. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('INTERNAL', `migration ${failed} failed: ${String(result.error)}`, { migration: failed });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
