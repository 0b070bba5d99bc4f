import type { TrailVerificationOutput } from '../../contracts/trail.contracts.js';
import { ChainVerifier, type ChainBreak } from '../../domain/trail/trail-chain.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { Conn } from '../../storage/database.js';
import {
  findTrailHead,
  listTrailHeadOrganizationIds,
  listTrailOrganizationIds,
  readTrailChunk,
} from '../../storage/repositories/trail.repository.js';
import { listEvidenceFiles, verifyEvidenceFiles, type EvidenceFileRef } from '../evidence/verify-evidence-files.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { sha256Hex } from '../shared/secrets.js';
import { trailEventFromRow } from './trail.presenter.js';
import { verifyRecordedState } from './verify-state.js';

const CHUNK = 2000;

export interface VerifyOptions {
  /** Only these organizations (the API checks the caller's own); all by default. */
  organizationIds?: string[] | undefined;
  /** Re-hash evidence files too; skipped when absent. */
  blobs?: BlobStore | undefined;
}

/**
 * The integrity check an auditor relies on, for every organization: the hash chain is unbroken,
 * the records match the last state the trail recorded for them, and every evidence file still
 * matches the hash recorded at upload. Stops at the first problem and names it.
 */
export async function verifyTrail(conn: Conn, options: VerifyOptions = {}): Promise<TrailVerificationOutput> {
  // One read-only snapshot: writes that land during a long verify neither count nor look like tampering.
  const files: EvidenceFileRef[] = [];
  const result = await conn.kysely
    .transaction()
    .setAccessMode('read only')
    .setIsolationLevel('repeatable read')
    .execute((trx) => verifyTrailInTransaction({ kysely: trx, dialect: conn.dialect }, options, files));
  if (!result.ok || !options.blobs) return result;
  const checked = await verifyEvidenceFiles(options.blobs, files);
  return { ...result, ok: checked.firstMismatch === null, files: checked };
}

/**
 * The chain and record checks for a caller already inside a transaction (restore verifies before
 * it commits). Collects the evidence files to hash into `filesToHash`; hashing is the caller's.
 */
export async function verifyTrailInTransaction(conn: Conn, options: VerifyOptions = {}, filesToHash: EvidenceFileRef[] = []): Promise<TrailVerificationOutput> {
  const withHeads = await listTrailHeadOrganizationIds(conn);
  const withEvents = await listTrailOrganizationIds(conn);
  const all = options.organizationIds ?? [...new Set([...withHeads, ...withEvents])].sort();
  const result: TrailVerificationOutput = {
    ok: true,
    organizations: all.length,
    eventsChecked: 0,
    firstBreak: null,
    state: { recordsChecked: 0, firstMismatch: null },
    files: options.blobs ? { checked: 0, firstMismatch: null } : null,
  };
  for (const organizationId of all) {
    const verifier = new ChainVerifier(organizationId, sha256Hex);
    result.firstBreak = (await walkChain(conn, verifier)) ?? null;
    result.eventsChecked += verifier.checked;
    if (result.firstBreak) return { ...result, ok: false };

    const state = await verifyRecordedState(conn, organizationId);
    result.state = { recordsChecked: result.state.recordsChecked + state.recordsChecked, firstMismatch: state.firstMismatch };
    if (state.firstMismatch) return { ...result, ok: false };

    if (options.blobs) filesToHash.push(...(await listEvidenceFiles(conn, organizationId)));
  }
  return result;
}

/** The first problem a verification found, in words; null when everything held. */
export function verificationProblem(result: TrailVerificationOutput): string | null {
  if (result.firstBreak) return `event #${result.firstBreak.seq} of organization ${result.firstBreak.organizationId}: ${result.firstBreak.message}`;
  if (result.state.firstMismatch) return result.state.firstMismatch.message;
  if (result.files?.firstMismatch) return result.files.firstMismatch.message;
  return null;
}

/**
 * Verifies the caller's own organization (API): chain and records. Files are left to `aims trail
 * verify` and to each download, which re-hashes what it serves; the web app calls this often.
 */
export async function verifyOrganizationTrail(deps: AppDeps, actor: Actor): Promise<TrailVerificationOutput> {
  requirePermission(actor, 'trail:read');
  return verifyTrail(deps.db, { organizationIds: [actor.organizationId] });
}

async function walkChain(conn: Conn, verifier: ChainVerifier): Promise<ChainBreak | undefined> {
  let afterSeq = 0;
  for (;;) {
    const rows = await readTrailChunk(conn, verifier.organizationId, afterSeq, CHUNK);
    for (const row of rows) {
      const broken = verifier.next(trailEventFromRow(row));
      if (broken) return broken;
    }
    if (rows.length < CHUNK) break;
    afterSeq = Number(rows[rows.length - 1]!.seq);
  }
  return verifier.finish(await findTrailHead(conn, verifier.organizationId));
}
