import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../domain/shared/app-error.js';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { BACKUP_TABLES, listAppliedMigrations, readTablePage } from '../../storage/repositories/backup.repository.js';
import { verificationProblem, verifyTrail } from '../trail/verify-trail.js';
import type { AppDeps } from '../shared/context.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupLine, type BackupSummary } from './backup-format.js';

const PAGE = 5000;

/**
 * Writes every tenant's data and evidence files to one backup file (operator command, `aims backup`).
 * Reads inside one repeatable-read transaction, so the file is a consistent snapshot; writes to a
 * temp name and renames, so a failed backup never looks like a good one.
 */
export async function createBackup(deps: AppDeps, outFile: string, options: { force?: boolean } = {}): Promise<BackupSummary> {
  // A backup of damaged data would fail its own restore: say so now, not during a recovery.
  const verification = await verifyTrail(deps.db, { blobs: deps.blobs });
  if (verification.files?.firstMismatch) {
    // No flag helps here: the original bytes are not there to back up.
    throw new AppError('INTEGRITY_FAILED', `${verification.files.firstMismatch.message}; put the original file back (from an earlier backup) before backing up`);
  }
  const problem = verificationProblem(verification);
  if (problem && !options.force) {
    throw new AppError('INTEGRITY_FAILED', `this installation does not verify (${problem}); fix it, or pass --force to back it up as it is (its restore will then need --accept-broken-trail)`);
  }
  if (!existsSync(dirname(outFile))) throw AppError.invalidField('out', `the folder ${dirname(outFile)} does not exist`);
  const temp = `${outFile}.partial`;
  const gzip = createGzip();
  // Backups hold password and token hashes: readable by the owner only.
  const out = createWriteStream(temp, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: BackupLine) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  const rows: Record<string, number> = {};
  const hashes = new Set<string>();
  try {
    await deps.db.kysely
      .transaction()
      .setAccessMode('read only')
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const tx = { kysely: trx, dialect: deps.db.dialect };
        await write({ kind: 'manifest', format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: deps.clock.now().toISOString(), migrations: await listAppliedMigrations(tx) });
        for (const { table, key } of BACKUP_TABLES) {
          rows[table] = 0;
          for (let offset = 0; ; offset += PAGE) {
            const page = await readTablePage(tx, table, key, offset, PAGE);
            for (const row of page) {
              await write({ kind: 'row', table, row });
              if (table === 'evidence_items') hashes.add(String(row.sha256));
            }
            rows[table] += page.length;
            if (page.length < PAGE) break;
          }
        }
      });
    for (const sha256 of hashes) {
      await write({ kind: 'blob', sha256, data: (await readFile(deps.blobs.pathOf(sha256))).toString('base64') });
    }
    await write({ kind: 'end', rows, blobs: hashes.size });
    gzip.end();
    await finished(out);
    await rename(temp, outFile);
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
  return { file: outFile, rows, blobs: hashes.size };
}
