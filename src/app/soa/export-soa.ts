import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { SOA_CSV_COLUMNS } from '../../contracts/soa.contracts.js';
import { buildOscalSoaExport } from '../../domain/soa/oscal-export.js';
import type { SoaDocument } from '../../domain/soa/soa-document.js';
import { listMembers } from '../../storage/repositories/user.repository.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { getSoa } from './get-soa.js';
import { getSoaVersionDocument } from './soa-versions.js';
import { renderSoaHtml } from './render-soa-html.js';

export type SoaExportFormat = 'csv' | 'html' | 'json' | 'oscal' | 'oscal-catalog' | 'oscal-profile' | 'oscal-component-definition';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: string;
}

/** The SoA (a version, or the working draft) as a file a person or another tool can read. */
export async function exportSoa(deps: AppDeps, actor: Actor, format: SoaExportFormat, version?: number): Promise<ExportedFile> {
  const doc = version === undefined ? await getSoa(deps, actor) : await getSoaVersionDocument(deps, actor, version);
  const base = `soa-v${doc.version.number}${doc.version.state === 'draft' ? '-draft' : ''}`;
  switch (format) {
    case 'csv':
      return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: await soaCsv(deps, actor, doc) };
    case 'html':
      return { fileName: `${base}.html`, contentType: 'text/html; charset=utf-8', body: renderSoaHtml(doc) };
    case 'json':
      return { fileName: `${base}.json`, contentType: 'application/json', body: JSON.stringify(doc, null, 2) };
    default: {
      // With format=oscal the three documents are saved side by side (the CLI writes them as files).
      const oscal = buildOscalSoaExport(doc, { newUuid: randomUUID, lastModified: doc.version.issuedAt ?? doc.generatedAt, catalogHref: 'oscal-catalog.json' });
      const parts = { 'oscal-catalog': oscal.catalog, 'oscal-profile': oscal.profile, 'oscal-component-definition': oscal.componentDefinition };
      const body = format === 'oscal' ? parts : parts[format];
      // Parts are named as the profile's import expects its sibling catalog file.
      return { fileName: format === 'oscal' ? `${base}-oscal.json` : `${format}.json`, contentType: 'application/json', body: JSON.stringify(body, null, 2) };
    }
  }
}

async function soaCsv(deps: AppDeps, actor: Actor, doc: SoaDocument): Promise<string> {
  const emailOf = new Map((await listMembers(deps.db, actor.organizationId, undefined, 1_000_000)).map((m) => [m.id, m.email]));
  const rows = doc.controls.map((c) => [
    c.controlId,
    c.title,
    c.applicability,
    c.justification ?? '',
    c.ownerUserId ? (emailOf.get(c.ownerUserId) ?? '') : '',
    c.implementationPlan ?? '',
    c.status,
    c.statusReasons.join('; '),
    c.evidence.map((e) => `${e.title} sha256:${e.sha256}`).join('; '),
  ]);
  // A leading =, +, - or @ would run as a formula in a spreadsheet; prefix it with a quote.
  const safe = rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  return stringify([[...SOA_CSV_COLUMNS], ...safe]);
}
