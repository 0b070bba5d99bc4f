import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../domain/shared/app-error.js';
import { migrateToLatest } from '../../storage/migrator.js';
import { BACKUP_TABLES, countRows, insertRows, listAppliedMigrations, type BackupTable } from '../../storage/repositories/backup.repository.js';
import { listOrganizationIds } from '../../storage/repositories/organization.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { verificationProblem, verifyTrailInTransaction } from '../trail/verify-trail.js';
import type { AppDeps } from '../shared/context.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupLine, type BackupSummary } from './backup-format.js';

const BATCH = 500;
const KNOWN_TABLES = new Set<string>(BACKUP_TABLES.map((t) => t.table));

/**
 * Loads a backup into an empty database, in one transaction. The trail and the records are verified
 * before commit: a backup that does not verify is refused and nothing is written, unless the
 * operator accepts it explicitly (disaster recovery), which the restore event then records. Each
 * organization's chain records the restore itself.
 */
export async function restoreBackup(deps: AppDeps, file: string, options: { acceptBrokenTrail?: boolean } = {}): Promise<BackupSummary> {
  if (!existsSync(file)) throw AppError.invalidField('file', `${file} does not exist`);
  await migrateToLatest(deps.db);
  if ((await countRows(deps.db, 'organizations')) > 0) {
    throw new AppError('PRECONDITION_FAILED', 'restore needs an empty database: this one already holds organizations');
  }
  const applied = new Set(await listAppliedMigrations(deps.db));
  return inTransaction(deps.db, async (tx) => {
    const rows: Record<string, number> = {};
    let blobs = 0;
    let ended: Extract<BackupLine, { kind: 'end' }> | undefined;
    const pending = new Map<BackupTable, Record<string, unknown>[]>();
    const evidenceHashes = new Set<string>();
    const flush = async (table: BackupTable) => {
      const batch = pending.get(table);
      if (!batch?.length) return;
      try {
        await insertRows(tx, table, batch.splice(0));
      } catch (error) {
        // Rows that do not fit the schema (edited or foreign files) are a bad backup, not a crash.
        throw new AppError('INTEGRITY_FAILED', `the backup's ${table} rows could not be loaded (${(error as Error).message}); nothing was restored`, { table });
      }
    };

    let lineNo = 0;
    for await (const line of readLines(file)) {
      lineNo += 1;
      const record = parseLine(line, lineNo);
      if (lineNo === 1) {
        checkManifest(record, applied);
        continue;
      }
      if (record.kind === 'row') {
        if (!KNOWN_TABLES.has(record.table)) throw corrupt(lineNo, `unknown table ${record.table}`);
        const table = record.table as BackupTable;
        // Parents must be in before children: flush every earlier table when a later one starts.
        for (const { table: earlier } of BACKUP_TABLES) {
          if (earlier === table) break;
          await flush(earlier);
        }
        const batch = pending.get(table) ?? [];
        batch.push(record.row);
        if (table === 'evidence_items') evidenceHashes.add(String(record.row.sha256));
        pending.set(table, batch);
        rows[table] = (rows[table] ?? 0) + 1;
        if (batch.length >= BATCH) await flush(table);
      } else if (record.kind === 'blob') {
        const bytes = Buffer.from(record.data, 'base64');
        if (createHash('sha256').update(bytes).digest('hex') !== record.sha256) throw corrupt(lineNo, `blob ${record.sha256} does not match its hash`);
        await deps.blobs.put(bytes);
        blobs += 1;
      } else if (record.kind === 'end') {
        ended = record;
      }
    }
    for (const { table } of BACKUP_TABLES) await flush(table);
    if (!ended) throw new AppError('INTEGRITY_FAILED', 'the backup is truncated: its end record is missing');
    for (const [table, count] of Object.entries(ended.rows)) {
      if ((rows[table] ?? 0) !== count) throw new AppError('INTEGRITY_FAILED', `the backup is incomplete: ${table} has ${rows[table] ?? 0} rows, expected ${count}`);
    }

    if (blobs !== ended.blobs) throw new AppError('INTEGRITY_FAILED', `the backup is incomplete: ${blobs} evidence files, expected ${ended.blobs}`);
    for (const sha256 of evidenceHashes) {
      if (!(await deps.blobs.has(sha256))) throw new AppError('INTEGRITY_FAILED', `the backup lacks the file of evidence with sha256 ${sha256}`, { sha256 });
    }

    const verification = await verifyTrailInTransaction(tx);
    const problem = verificationProblem(verification);
    if (problem && !options.acceptBrokenTrail) {
      throw new AppError('INTEGRITY_FAILED', `the backup's trail does not verify: ${problem}. Nothing was restored; to restore it anyway, with the acceptance recorded, pass --accept-broken-trail`, {
        firstBreak: verification.firstBreak,
        stateMismatch: verification.state.firstMismatch,
      });
    }
    for (const organizationId of await listOrganizationIds(tx)) {
      await appendTrailEvent(
        tx,
        deps,
        { type: 'system', organizationId, userId: null, tokenId: null, role: 'admin', label: 'aims restore' },
        { action: 'backup.restored', entityType: 'organization', entityId: organizationId, before: null, after: { file: basename(file), eventsVerified: verification.eventsChecked, acceptedProblem: problem } },
      );
    }
    return { file, rows, blobs, acceptedProblem: problem };
  });
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

async function* readLines(file: string): AsyncIterable<string> {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  try {
    yield* createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Z_')) throw AppError.invalidField('file', 'is not a gzip-compressed OpenAIMS backup, or it is damaged');
    throw error;
  }
}

function corrupt(lineNo: number, why: string): AppError {
  return new AppError('INTEGRITY_FAILED', `the backup is corrupt at line ${lineNo}: ${why}`, { line: lineNo });
}

function parseLine(line: string, lineNo: number): BackupLine {
  try {
    const parsed = JSON.parse(line) as BackupLine;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.kind !== 'string') throw new Error('no kind');
    return parsed;
  } catch {
    throw corrupt(lineNo, 'not a JSON record');
  }
}

function checkManifest(record: BackupLine, applied: Set<string>): void {
  if (record.kind !== 'manifest' || record.format !== BACKUP_FORMAT) {
    throw new AppError('VALIDATION_FAILED', 'this file is not an OpenAIMS backup', { fields: [{ field: 'file', reason: 'not an OpenAIMS backup' }] });
  }
  if (record.version > BACKUP_VERSION) throw new AppError('VALIDATION_FAILED', `backup format ${record.version} is newer than this OpenAIMS understands (${BACKUP_VERSION})`);
  const unknown = record.migrations.filter((m) => !applied.has(m));
  if (unknown.length) throw new AppError('PRECONDITION_FAILED', `the backup comes from a newer OpenAIMS (migrations ${unknown.join(', ')}); upgrade first`);
}
