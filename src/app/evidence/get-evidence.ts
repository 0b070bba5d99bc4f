import type { EvidenceLinkOutput, EvidenceOutput } from '../../contracts/evidence.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findEvidenceItem, listEvidenceLinks } from '../../storage/repositories/evidence.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { presentEvidence, presentEvidenceLink } from './evidence.presenter.js';

/** One evidence item with the entities it is linked to. */
export async function getEvidence(deps: AppDeps, actor: Actor, id: string): Promise<EvidenceOutput & { links: EvidenceLinkOutput[] }> {
  requirePermission(actor, 'evidence:read');
  const row = await findEvidenceItem(deps.db, actor.organizationId, id);
  if (!row) throw AppError.notFound('evidence', id);
  const links = await listEvidenceLinks(deps.db, actor.organizationId, id);
  return { ...presentEvidence(row), links: links.map(presentEvidenceLink) };
}

/** The stored bytes of an evidence item, streamed, with what a download needs to name them. */
export async function readEvidenceContent(deps: AppDeps, actor: Actor, id: string): Promise<{ evidence: EvidenceOutput; bytes: Buffer }> {
  requirePermission(actor, 'evidence:read');
  const row = await findEvidenceItem(deps.db, actor.organizationId, id);
  if (!row) throw AppError.notFound('evidence', id);
  // Re-hashed on every download: an auditor must never be handed bytes other than those recorded.
  const bytes = await deps.blobs.readVerified(row.sha256);
  if (!bytes) {
    const what = (await deps.blobs.has(row.sha256)) ? 'no longer matches the sha256 recorded at upload' : 'is missing from the store';
    throw new AppError('INTEGRITY_FAILED', `the file of evidence ${id} ${what}; run "aims trail verify" and restore it from a backup`, { sha256: row.sha256 });
  }
  return { evidence: presentEvidence(row), bytes };
}
