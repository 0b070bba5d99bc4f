import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createBackup } from '../../app/backup/create-backup.js';
import { restoreBackup } from '../../app/backup/restore-backup.js';
import { withApp } from '../app-session.js';
import { printResult, type CliIo } from '../cli-io.js';

function describe(rows: Record<string, number>, blobs: number): string {
  return `${Object.entries(rows).map(([table, n]) => `${table}: ${n}`).join(', ')}; evidence files: ${blobs}`;
}

export function registerBackup(program: Command, io: CliIo) {
  program
    .command('backup')
    .description('write all organizations, the trail and evidence files to one file (gzip JSON lines)')
    .requiredOption('--out <file>', 'where to write the backup')
    .option('--json', 'print the result as JSON')
    .action(async (options: { out: string; json?: boolean }) => {
      const result = await withApp(io, (deps) => createBackup(deps, resolve(options.out)), { existing: true });
      printResult(io, Boolean(options.json), result, `Backup written to ${result.file}: ${describe(result.rows, result.blobs)}.`);
    });

  program
    .command('restore')
    .description('load a backup into an empty database; refused, with nothing written, unless its trail verifies')
    .argument('<file>', 'the backup file')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const result = await withApp(io, (deps) => restoreBackup(deps, resolve(file)));
      printResult(io, Boolean(options.json), result, `Restored ${describe(result.rows, result.blobs)}. The trail verified.`);
    });
}
