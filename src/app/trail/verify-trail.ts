import type { TrailVerificationOutput } from '../../contracts/trail.contracts.js';
import { ChainVerifier, type ChainBreak } from '../../domain/trail/trail-chain.js';
import type { Conn } from '../../storage/database.js';
import {
  findTrailHead,
  listTrailHeadOrganizationIds,
  listTrailOrganizationIds,
  readTrailChunk,
} from '../../storage/repositories/trail.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { sha256Hex } from '../shared/secrets.js';
import { trailEventFromRow } from './trail.presenter.js';

const CHUNK = 2000;

/**
 * Verifies every organization's hash chain and reports the first broken event. Reads in pages,
 * so memory stays flat however long the trail. An operator command: it reads all tenants.
 */
export async function verifyTrail(conn: Conn, organizationIds?: string[]): Promise<TrailVerificationOutput> {
  // One read-only snapshot: writes that land during a long verify neither count nor look like tampering.
  return conn.kysely
    .transaction()
    .setAccessMode('read only')
    .setIsolationLevel('repeatable read')
    .execute((trx) => verifyTrailInTransaction({ kysely: trx, dialect: conn.dialect }, organizationIds));
}

/** The same check for a caller already inside a transaction (restore verifies before it commits). */
export async function verifyTrailInTransaction(conn: Conn, organizationIds?: string[]): Promise<TrailVerificationOutput> {
  const withHeads = await listTrailHeadOrganizationIds(conn);
  const withEvents = await listTrailOrganizationIds(conn);
  const all = organizationIds ?? [...new Set([...withHeads, ...withEvents])].sort();
  let eventsChecked = 0;
  for (const organizationId of all) {
    const verifier = new ChainVerifier(organizationId, sha256Hex);
    const found = await walkChain(conn, verifier);
    eventsChecked += verifier.checked;
    if (found) return { ok: false, organizations: all.length, eventsChecked, firstBreak: found };
  }
  return { ok: true, organizations: all.length, eventsChecked, firstBreak: null };
}

/** Verifies the caller's own organization's chain (API). */
export async function verifyOrganizationTrail(deps: AppDeps, actor: Actor): Promise<TrailVerificationOutput> {
  requirePermission(actor, 'trail:read');
  return verifyTrail(deps.db, [actor.organizationId]);
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
