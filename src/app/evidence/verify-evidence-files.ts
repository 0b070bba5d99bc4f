import type { BlobStore } from '../../storage/blob-store.js';
import type { Conn } from '../../storage/database.js';
import { listEvidenceItems } from '../../storage/repositories/evidence.repository.js';

export interface FileMismatch {
  organizationId: string;
  evidenceId: string;
  sha256: string;
  message: string;
}

export interface EvidenceFileRef {
  organizationId: string;
  evidenceId: string;
  sha256: string;
}

/** The evidence files an organization's records point at; read inside the snapshot, hashed outside it. */
export async function listEvidenceFiles(conn: Conn, organizationId: string): Promise<EvidenceFileRef[]> {
  return (await listEvidenceItems(conn, organizationId, {}, undefined, 1_000_000_000)).map((item) => ({ organizationId, evidenceId: item.id, sha256: item.sha256 }));
}

/**
 * Re-hashes evidence files against the sha256 recorded at upload. Runs outside any database
 * transaction: on SQLite a long hash inside one would hold the only connection and stall the server.
 */
export async function verifyEvidenceFiles(blobs: BlobStore, files: EvidenceFileRef[]): Promise<{ checked: number; firstMismatch: FileMismatch | null }> {
  let checked = 0;
  const verified = new Map<string, boolean>();
  for (const file of files) {
    checked += 1;
    if (!verified.has(file.sha256)) verified.set(file.sha256, await blobs.matches(file.sha256));
    if (!verified.get(file.sha256)) {
      const message = (await blobs.has(file.sha256))
        ? `the file of evidence ${file.evidenceId} no longer matches the sha256 recorded at upload: it was altered`
        : `the file of evidence ${file.evidenceId} is missing from the store`;
      return { checked, firstMismatch: { ...file, message } };
    }
  }
  return { checked, firstMismatch: null };
}
