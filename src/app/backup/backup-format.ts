/** The backup file: gzip'd JSON lines, one record per line, read and written as a stream. */
export const BACKUP_FORMAT = 'openaims-backup';
export const BACKUP_VERSION = 1;

export interface ManifestLine {
  kind: 'manifest';
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
}
export interface RowLine {
  kind: 'row';
  table: string;
  row: Record<string, unknown>;
}
export interface BlobLine {
  kind: 'blob';
  sha256: string;
  data: string;
}
export interface EndLine {
  kind: 'end';
  rows: Record<string, number>;
  blobs: number;
}
export type BackupLine = ManifestLine | RowLine | BlobLine | EndLine;

export interface BackupSummary {
  file: string;
  rows: Record<string, number>;
  blobs: number;
  /** Set when a restore went ahead over a verification problem the operator accepted. */
  acceptedProblem?: string | null;
}
