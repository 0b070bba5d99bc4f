import type { IssueSoaInput, SoaVersionOutput } from '../../contracts/soa.contracts.js';
import { findIssueBlockers } from '../../domain/soa/soa-rules.js';
import { canonicalJson } from '../../domain/trail/canonical-json.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findLatestSoaVersion, findSoaVersion, markSoaVersionIssued } from '../../storage/repositories/soa.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { sha256Hex } from '../shared/secrets.js';
import { buildLiveSoaDocument } from './build-soa-document.js';
import { presentSoaVersion } from './soa.presenter.js';

/**
 * An approver issues the open draft: the document is frozen as it stands, statuses included, with
 * its SHA-256, and later changes open the next draft. Refused while any control is undecided,
 * unjustified, or applicable without an owner.
 */
export async function issueSoaVersion(deps: AppDeps, actor: Actor, input: IssueSoaInput): Promise<SoaVersionOutput> {
  requirePermission(actor, 'soa:approve');
  return inTransaction(deps.db, async (tx) => {
    const draft = await findLatestSoaVersion(tx, actor.organizationId);
    if (!draft) throw new AppError('PRECONDITION_FAILED', 'there is no draft to issue: tailor the controls first');
    if (draft.state !== 'draft') throw AppError.conflict('version', `nothing has changed since version ${draft.number} was issued`);
    const now = deps.clock.now();
    const header = { number: Number(draft.number), state: 'issued' as const, issuedAt: now.toISOString(), issuedBy: actor.label, issueNote: input.note ?? null };
    const document = await buildLiveSoaDocument(tx, actor.organizationId, now, header);
    const blockers = findIssueBlockers(document.controls);
    if (blockers.length > 0) {
      const fields = blockers.map((b) => ({ field: `controls.${b.controlId}.${b.field}`, reason: b.reason }));
      throw new AppError('VALIDATION_FAILED', `version ${draft.number} cannot be issued: ${blockers.length} control(s) need attention, first ${fields[0]!.field} ${fields[0]!.reason}`, { fields });
    }
    const json = canonicalJson(document);
    await markSoaVersionIssued(tx, {
      organization_id: actor.organizationId,
      id: draft.id,
      issued_at: header.issuedAt,
      issued_by: actor.label,
      issued_by_user_id: actor.userId,
      issue_note: header.issueNote,
      document_json: json,
      document_sha256: sha256Hex(json),
    });
    const after = presentSoaVersion((await findSoaVersion(tx, actor.organizationId, Number(draft.number)))!);
    await appendTrailEvent(tx, deps, actor, { action: 'soa_version.issued', entityType: 'soa_version', entityId: draft.id, before: presentSoaVersion(draft), after });
    return after;
  });
}
