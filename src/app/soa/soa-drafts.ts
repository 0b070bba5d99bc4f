import type { SoaDocument } from '../../domain/soa/soa-document.js';
import type { Conn } from '../../storage/database.js';
import { findLatestSoaVersion, insertSoaVersion } from '../../storage/repositories/soa.repository.js';
import type { SoaVersionsTable } from '../../storage/schema.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { presentSoaVersion } from './soa.presenter.js';

/** The header of the version a live document belongs to: the open draft, or the next one. */
export function draftHeader(latest: SoaVersionsTable | undefined): SoaDocument['version'] {
  if (latest && latest.state === 'draft') return { number: Number(latest.number), state: 'draft', issuedAt: null, issuedBy: null, issueNote: null };
  return { number: (latest ? Number(latest.number) : 0) + 1, state: 'draft', issuedAt: null, issuedBy: null, issueNote: null };
}

/**
 * Every change to the SoA belongs to a draft: an issued version stays frozen, so the first change
 * after issuing opens the next version's draft (in the caller's transaction, with its event).
 */
export async function ensureDraft(tx: Conn, deps: Pick<AppDeps, 'clock'>, actor: Actor): Promise<SoaVersionsTable> {
  const latest = await findLatestSoaVersion(tx, actor.organizationId);
  if (latest && latest.state === 'draft') return latest;
  const row: SoaVersionsTable = {
    id: newId(),
    organization_id: actor.organizationId,
    number: (latest ? Number(latest.number) : 0) + 1,
    state: 'draft',
    created_at: deps.clock.now().toISOString(),
    created_by: actor.label,
    issued_at: null,
    issued_by: null,
    issued_by_user_id: null,
    issue_note: null,
    document_json: null,
    document_sha256: null,
  };
  await insertSoaVersion(tx, row);
  await appendTrailEvent(tx, deps, actor, { action: 'soa_version.drafted', entityType: 'soa_version', entityId: row.id, before: null, after: presentSoaVersion(row) });
  return row;
}
