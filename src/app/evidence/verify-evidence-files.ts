import type { Conn } from '../../storage/database.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { listEvidenceItems } from '../../storage/repositories/evidence.repository.js';

export interface FileMismatch {
  organizationId: string;
  evidenceId: string;
  sha256: string;
  message: string;
}

/** Re-hashes every evidence file of the organization against the sha256 recorded at upload. */
export async function verifyEvidenceFiles(conn: Conn, blobs: BlobStore, organizationId: string): Promise<{ checked: number; firstMismatch: FileMismatch | null }> {
  let checked = 0;
  const verified = new Map<string, boolean>();
  for (const item of await listEvidenceItems(conn, organizationId, {}, undefined, 1_000_000_000)) {
    checked += 1;
    if (!verified.has(item.sha256)) verified.set(item.sha256, await blobs.matches(item.sha256));
    if (!verified.get(item.sha256)) {
      const message = (await blobs.has(item.sha256))
        ? `the file of evidence ${item.id} no longer matches the sha256 recorded at upload: it was altered`
        : `the file of evidence ${item.id} is missing from the store`;
      return { checked, firstMismatch: { organizationId, evidenceId: item.id, sha256: item.sha256, message } };
    }
  }
  return { checked, firstMismatch: null };
}
