import type { SoaControlEntry, SoaDocument } from './soa-document.js';

export interface SoaFieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface SoaControlDiff {
  controlId: string;
  title: string;
  changes: SoaFieldChange[];
}

const COMPARED: ReadonlyArray<{ field: string; read: (c: SoaControlEntry) => string | null }> = [
  { field: 'applicability', read: (c) => c.applicability },
  { field: 'justification', read: (c) => c.justification },
  { field: 'owner', read: (c) => c.ownerName },
  { field: 'implementationPlan', read: (c) => c.implementationPlan },
  { field: 'status', read: (c) => c.status },
  { field: 'responsibilities', read: (c) => c.responsibilities.map((r) => `${r.supplierName}: ${r.holder}${r.contractReference ? ` (${r.contractReference})` : ''}`).sort().join('; ') || null },
  { field: 'evidence', read: (c) => c.evidence.map((e) => `${e.title} (${e.sha256.slice(0, 12)})${e.acceptedAt ? ' accepted' : ''}`).sort().join('; ') || null },
];

/** Control by control, what differs between two versions of the SoA (older first). */
export function diffSoaDocuments(older: SoaDocument, newer: SoaDocument): SoaControlDiff[] {
  const before = new Map(older.controls.map((c) => [c.controlId, c]));
  const diffs: SoaControlDiff[] = [];
  for (const control of newer.controls) {
    const previous = before.get(control.controlId);
    const changes = COMPARED.flatMap(({ field, read }) => {
      const from = previous ? read(previous) : null;
      const to = read(control);
      return from === to ? [] : [{ field, from, to }];
    });
    if (changes.length > 0) diffs.push({ controlId: control.controlId, title: control.title, changes });
  }
  return diffs;
}
