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
    .option('--force', 'back up even though the installation does not verify')
    .option('--json', 'print the result as JSON')
    .action(async (options: { out: string; force?: boolean; json?: boolean }) => {
      const result = await withApp(io, (deps) => createBackup(deps, resolve(options.out), { force: Boolean(options.force) }), { existing: true });
      printResult(io, Boolean(options.json), result, `Backup written to ${result.file}: ${describe(result.rows, result.blobs)}.`);
    });

  program
    .command('restore')
    .description('load a backup into an empty database; refused, with nothing written, unless its trail verifies')
    .argument('<file>', 'the backup file')
    .option('--accept-broken-trail', 'restore a backup that does not verify; the acceptance is recorded in each trail')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { acceptBrokenTrail?: boolean; json?: boolean }) => {
      const result = await withApp(io, (deps) => restoreBackup(deps, resolve(file), { acceptBrokenTrail: Boolean(options.acceptBrokenTrail) }));
      printResult(io, Boolean(options.json), result, `Restored ${describe(result.rows, result.blobs)}. ${result.acceptedProblem ? `Accepted WITHOUT a clean verification (${result.acceptedProblem}); the acceptance is in each trail.` : 'The trail and the records verified.'}`);
    });
}
