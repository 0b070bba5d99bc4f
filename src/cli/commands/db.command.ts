import type { Command } from 'commander';
import { migrateDatabase } from '../../app/system/migrate-database.js';
import { withApp } from '../app-session.js';
import { printResult, type CliIo } from '../cli-io.js';

export function registerDb(program: Command, io: CliIo) {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations (forward-only); the server also does this at start')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await withApp(io, migrateDatabase, { migrate: false });
      printResult(io, Boolean(options.json), result, result.applied.length ? `Applied ${result.applied.join(', ')} (${result.dialect}).` : `Database is up to date (${result.dialect}).`);
    });
}
