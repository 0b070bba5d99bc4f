import type { SoaDocument } from '../../domain/soa/soa-document.js';

const STATUS_LABELS: Record<string, string> = {
  not_applicable: 'Not applicable',
  not_started: 'Not started',
  planned: 'Planned',
  implemented: 'Implemented',
  needs_review: 'Needs review',
};

export function escapeHtml(text: string | null | undefined): string {
  return (text ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/**
 * The SoA as a self-contained printable page (print it to PDF from any browser): version,
 * approver and dates on top, then one row per control grouped by Annex A objective.
 */
export function renderSoaHtml(doc: SoaDocument): string {
  const v = doc.version;
  const state = v.state === 'issued' ? `Version ${v.number}, issued ${escapeHtml(v.issuedAt?.slice(0, 10))} by ${escapeHtml(v.issuedBy)}` : `Draft of version ${v.number}, not issued`;
  const counts = new Map<string, number>();
  for (const c of doc.controls) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const summary = [...counts].map(([status, n]) => `${STATUS_LABELS[status] ?? status}: ${n}`).join(' · ');
  const groups = [...new Set(doc.controls.map((c) => c.objectiveId))].map((objectiveId) => {
    const controls = doc.controls.filter((c) => c.objectiveId === objectiveId);
    const rows = controls
      .map(
        (c) => `<tr>
  <th scope="row">${escapeHtml(c.controlId)}</th><td>${escapeHtml(c.title)}</td><td>${escapeHtml(c.applicability)}</td>
  <td>${escapeHtml(c.justification)}</td><td>${escapeHtml(c.ownerName)}</td>
  <td>${escapeHtml(STATUS_LABELS[c.status])}${c.statusReasons.length ? `<br><small>${c.statusReasons.map(escapeHtml).join('; ')}</small>` : ''}${c.responsibilities.map((r) => `<br><small>${escapeHtml(r.supplierName)}: ${escapeHtml(r.holder)}${r.contractReference ? ` (${escapeHtml(r.contractReference)})` : ''}</small>`).join('')}</td>
  <td>${c.evidence.map((e) => `${escapeHtml(e.title)} <code>${escapeHtml(e.sha256.slice(0, 12))}</code>${e.current ? ' ✓' : ''}`).join('<br>')}</td>
</tr>`,
      )
      .join('\n');
    return `<h2>${escapeHtml(objectiveId)} ${escapeHtml(controls[0]!.objectiveTitle)}</h2>
<table><thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Applicability</th><th scope="col">Justification</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Evidence (SHA-256)</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Statement of Applicability — ${escapeHtml(doc.organization.name)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
th,td{border:1px solid #999;padding:.3rem .4rem;text-align:left;vertical-align:top}
thead th{background:#eee}
code{font-size:12px}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head>
<body>
<h1>Statement of Applicability</h1>
<p><strong>${escapeHtml(doc.organization.name)}</strong> — ${escapeHtml(doc.catalog.name)} (${escapeHtml(doc.catalog.edition)}) Annex A</p>
<p>${state}${v.issueNote ? ` — ${escapeHtml(v.issueNote)}` : ''}</p>
<p>Generated ${escapeHtml(doc.generatedAt)}. Statuses are derived from accepted, currently valid evidence; ✓ marks evidence that counts on that date.</p>
<p>${escapeHtml(summary)}</p>
${groups.join('\n')}
</body></html>
`;
}
