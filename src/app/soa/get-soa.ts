import type { SoaControlFilter } from '../../contracts/soa.contracts.js';
import type { SoaControlEntry, SoaDocument } from '../../domain/soa/soa-document.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findAnnexAControl } from '../../domain/catalog/index.js';
import { findLatestSoaVersion } from '../../storage/repositories/soa.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { buildLiveSoaDocument } from './build-soa-document.js';
import { draftHeader } from './soa-drafts.js';

/** The working SoA (the open or next draft) with statuses derived as of now; filters narrow the controls. */
export async function getSoa(deps: AppDeps, actor: Actor, filter: SoaControlFilter = {}): Promise<SoaDocument> {
  requirePermission(actor, 'soa:read');
  const latest = await findLatestSoaVersion(deps.db, actor.organizationId);
  const doc = await buildLiveSoaDocument(deps.db, actor.organizationId, deps.clock.now(), draftHeader(latest));
  return { ...doc, controls: doc.controls.filter((c) => matches(c, filter)) };
}

/** One control of the working SoA; an ID that is not an Annex A control is a 404 naming it. */
export async function getSoaControl(deps: AppDeps, actor: Actor, controlId: string): Promise<SoaControlEntry> {
  requirePermission(actor, 'soa:read');
  if (!findAnnexAControl(controlId)) throw unknownControl(controlId);
  const doc = await getSoa(deps, actor);
  return doc.controls.find((c) => c.controlId === controlId)!;
}

export function unknownControl(controlId: string): AppError {
  return new AppError('NOT_FOUND', `controlId: ${controlId} is not an ISO/IEC 42001 Annex A control`, { fields: [{ field: 'controlId', reason: 'is not an Annex A control ID' }] });
}

function matches(control: SoaControlEntry, filter: SoaControlFilter): boolean {
  return (
    (!filter.status || control.status === filter.status) &&
    (!filter.applicability || control.applicability === filter.applicability) &&
    (!filter.ownerUserId || control.ownerUserId === filter.ownerUserId) &&
    (!filter.objectiveId || control.objectiveId === filter.objectiveId)
  );
}
