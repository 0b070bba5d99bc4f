import { migrateToLatest } from '../../storage/migrator.js';
import type { AppDeps } from '../shared/context.js';

/** Applies pending migrations (operator command `aims db migrate`); returns what was applied. */
export async function migrateDatabase(deps: AppDeps): Promise<{ dialect: string; applied: string[] }> {
  return { dialect: deps.db.dialect, applied: await migrateToLatest(deps.db) };
}
