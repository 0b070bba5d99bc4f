import type { EvidenceMetadataInput, EvidenceOutput } from '../../contracts/evidence.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { insertEvidenceItem } from '../../storage/repositories/evidence.repository.js';
import { findMember } from '../../storage/repositories/user.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { presentEvidence } from './evidence.presenter.js';

export interface EvidenceFile {
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
}

/**
 * Stores an evidence file by its sha256 and records its metadata. The bytes are written first
 * (idempotent: identical content is kept once); if the record then fails, an unreferenced blob
 * is all that remains, never a record without its file.
 */
/** Throws FORBIDDEN before a transport spends time receiving a file the actor may not store. */
export function assertMayUploadEvidence(actor: Actor): void {
  requirePermission(actor, 'evidence:write');
}

export async function uploadEvidence(deps: AppDeps, actor: Actor, metadata: EvidenceMetadataInput, file: EvidenceFile): Promise<EvidenceOutput> {
  requirePermission(actor, 'evidence:write');
  if (file.bytes.byteLength === 0) throw AppError.invalidField('file', 'is empty');
  if (file.bytes.byteLength > deps.settings.maxUploadBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `file: is ${file.bytes.byteLength} bytes; the limit is ${deps.settings.maxUploadBytes}`, {
      fields: [{ field: 'file', reason: `larger than ${deps.settings.maxUploadBytes} bytes` }],
    });
  }
  const ownerUserId = metadata.ownerUserId ?? actor.userId;
  if (metadata.ownerUserId && !(await findMember(deps.db, actor.organizationId, metadata.ownerUserId))) {
    throw AppError.invalidField('ownerUserId', 'is not a member of this organization');
  }
  const { sha256 } = await deps.blobs.put(file.bytes);
  const now = deps.clock.now();
  const row = {
    id: newId(now),
    organization_id: actor.organizationId,
    title: metadata.title,
    kind: metadata.kind,
    description: metadata.description ?? null,
    valid_from: metadata.validFrom ?? null,
    valid_until: metadata.validUntil ?? null,
    owner_user_id: ownerUserId,
    sha256,
    size_bytes: file.bytes.byteLength,
    media_type: file.mediaType || 'application/octet-stream',
    file_name: file.fileName.slice(0, 255) || 'upload',
    created_at: now.toISOString(),
    created_by: actor.label,
  };
  return inTransaction(deps.db, async (tx) => {
    await insertEvidenceItem(tx, row);
    const evidence = presentEvidence(row);
    await appendTrailEvent(tx, deps, actor, { action: 'evidence.uploaded', entityType: 'evidence', entityId: row.id, before: null, after: evidence });
    return evidence;
  });
}
