import type { EvidenceLinkOutput, EvidenceOutput } from '../../contracts/evidence.contracts.js';
import type { EvidenceItemsTable, EvidenceLinksTable } from '../../storage/schema.js';

export function presentEvidence(row: EvidenceItemsTable): EvidenceOutput {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as EvidenceOutput['kind'],
    description: row.description,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    ownerUserId: row.owner_user_id,
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    mediaType: row.media_type,
    fileName: row.file_name,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function presentEvidenceLink(row: EvidenceLinksTable): EvidenceLinkOutput {
  return { evidenceId: row.evidence_id, entityType: row.entity_type, entityId: row.entity_id, createdAt: row.created_at, createdBy: row.created_by };
}
