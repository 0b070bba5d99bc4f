import type { SoaVersionOutput } from '../../contracts/soa.contracts.js';
import { diffSoaDocuments, type SoaControlDiff } from '../../domain/soa/soa-diff.js';
import type { SoaDocument } from '../../domain/soa/soa-document.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findSoaVersion, listSoaVersions } from '../../storage/repositories/soa.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { buildLiveSoaDocument } from './build-soa-document.js';
import { draftHeader } from './soa-drafts.js';
import { presentSoaVersion } from './soa.presenter.js';

/** Every version, newest first: the open draft (if any) and the issued ones. */
export async function listSoaVersionsOf(deps: AppDeps, actor: Actor): Promise<SoaVersionOutput[]> {
  requirePermission(actor, 'soa:read');
  return (await listSoaVersions(deps.db, actor.organizationId)).map(presentSoaVersion);
}

/**
 * The document of a version: an issued version exactly as frozen; the draft as it stands now. A
 * number past the latest is a 404.
 */
export async function getSoaVersionDocument(deps: AppDeps, actor: Actor, number: number): Promise<SoaDocument> {
  requirePermission(actor, 'soa:read');
  const row = await findSoaVersion(deps.db, actor.organizationId, number);
  if (!row) throw AppError.notFound('SoA version', String(number));
  if (row.state === 'issued' && row.document_json) return JSON.parse(row.document_json) as SoaDocument;
  return buildLiveSoaDocument(deps.db, actor.organizationId, deps.clock.now(), draftHeader(row));
}

/** Control by control, what changed from one version to another. */
export async function diffSoaVersions(deps: AppDeps, actor: Actor, from: number, to: number): Promise<{ from: number; to: number; controls: SoaControlDiff[] }> {
  const older = await getSoaVersionDocument(deps, actor, from);
  const newer = await getSoaVersionDocument(deps, actor, to);
  return { from, to, controls: diffSoaDocuments(older, newer) };
}
