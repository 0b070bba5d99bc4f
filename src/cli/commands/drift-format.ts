import type { OfflineDriftReport } from '../../app/monitoring/offline-drift-report.js';
import type { NotEnoughData } from '../../domain/monitoring/column-data.js';
import type { ColumnDecision } from '../../domain/monitoring/drift-decision.js';

const num = (v: number) => (v === 0 ? '0' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? v.toFixed(4) : v.toExponential(3));
const metric = (v: number | NotEnoughData) => (typeof v === 'number' ? num(v) : `not enough data (${v.reason})`);

/** Typed arrays as plain arrays, so the JSON report is readable by any tool. */
export function reportJson(report: OfflineDriftReport): string {
  return JSON.stringify(report, (_k, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v), 2);
}

interface Line {
  test: string;
  text: string;
}

function testLines(report: OfflineDriftReport): Array<{ column: string; type: string; decision: ColumnDecision; lines: Line[]; note: string }> {
  return report.results.map((r, i) => {
    const decision = report.decision.columns[i] as ColumnDecision;
    if (r.status !== 'ok') return { column: r.column, type: r.kind, decision, lines: [], note: `not enough data: ${r.reason}` };
    const lines: Line[] =
      r.kind === 'numeric'
        ? [
            { test: 'ks', text: `KS D=${num(r.ks.statistic)} p=${num(r.ks.pValue)} (${r.ks.method})` },
            { test: 'wasserstein_normalised', text: `Wasserstein ${num(r.wasserstein)}, normalised ${num(r.wassersteinNormalised)}` },
            { test: 'psi', text: `PSI ${num(r.psi)}` },
            { test: 'jensen_shannon', text: `Jensen-Shannon ${num(r.jensenShannon)}` },
            { test: 'kl', text: `KL ${num(r.kl)}` },
            { test: 'hellinger', text: `Hellinger ${num(r.hellinger)}` },
          ]
        : [
            { test: 'chi_square', text: `chi-square ${num(r.chiSquare.statistic)} dof=${r.chiSquare.dof} p=${num(r.chiSquare.pValue)}${r.chiSquare.corrected ? ' (Yates)' : ''}` },
            { test: 'z_test', text: `z-test z=${num(r.zTest.statistic)} p=${num(r.zTest.pValue)}${r.zTest.adjustedFor > 1 ? ` (Bonferroni x${r.zTest.adjustedFor})` : ''}` },
            { test: 'jensen_shannon', text: `Jensen-Shannon ${num(r.jensenShannon)}` },
            { test: 'psi', text: `PSI ${num(r.psi)}` },
          ];
    const note = r.kind === 'categorical' && r.unseenCategories.length ? `unseen categories: ${r.unseenCategories.join(', ')}` : r.kind === 'numeric' && r.approximate ? 'reference sketched: KS and Wasserstein approximate' : '';
    return { column: r.column, type: r.kind, decision, lines, note };
  });
}

function verdict(d: ColumnDecision): string {
  if (d.status !== 'ok') return 'not enough data';
  const adjusted = d.adjustedValue !== null ? ` (adjusted ${num(d.adjustedValue)})` : '';
  const value = d.adjustedValue ?? d.value;
  const meets = d.measure === 'p_value' ? (d.drifted ? '<=' : '>') : d.drifted ? '>=' : '<';
  return `${d.drifted ? 'DRIFT' : 'no drift'}: ${d.test} ${d.measure === 'p_value' ? 'p = ' : ''}${num(d.value)}${adjusted} (${num(value)} ${meets} ${d.threshold})`;
}

export function reportText(report: OfflineDriftReport): string {
  const out: string[] = [];
  out.push(`Reference ${report.referenceRows} rows, current ${report.currentRows} rows; preset ${report.decision.preset}, correction ${report.decision.correction}.`);
  out.push(`Column types: ${Object.entries(report.columnTypes).map(([c, t]) => `${c}=${t}`).join(', ')}`);
  for (const col of testLines(report)) {
    out.push(`\n${col.column} (${col.type}): ${verdict(col.decision)}`);
    for (const l of col.lines) out.push(`  ${col.decision.status === 'ok' && col.decision.test === l.test ? '*' : ' '} ${l.text}`);
    if (col.note) out.push(`    ${col.note}`);
  }
  const d = report.decision;
  out.push(`\nDataset: ${d.driftedColumns} of ${d.decidedColumns} columns drifted (${num(d.share)}); ${d.drifted ? 'DRIFT DETECTED' : 'no dataset drift'} (drift when at least half drift). * marks the deciding test.`);
  if (report.fairness) {
    const f = report.fairness;
    out.push(`\nFairness by ${f.attributes.join(' x ')} (minimum group size ${f.minGroupSize}, reference ${f.referenceGroup}):`);
    for (const g of f.groups) {
      out.push(`  ${g.group}: n=${g.size}, selection ${metric(g.selectionRate)}, TPR ${metric(g.tpr)}, FPR ${metric(g.fpr)}, FNR ${metric(g.fnr)}, PPV ${metric(g.ppv)}, disparate impact ${metric(g.disparateImpact)}`);
    }
    out.push(`  demographic parity difference ${metric(f.demographicParityDifference)}, ratio ${metric(f.demographicParityRatio)}${f.fourFifthsRule.adverseImpact ? ' (ADVERSE IMPACT: below four-fifths)' : ''}`);
    out.push(`  equal opportunity difference ${metric(f.equalOpportunityDifference)}, equalized odds difference ${metric(f.equalizedOddsDifference)}, predictive parity difference ${metric(f.predictiveParityDifference)}`);
  }
  if (report.performance) {
    const p = report.performance;
    if (p.kind === 'classification') out.push(`\nPerformance: accuracy ${num(p.metrics.accuracy)}, precision ${metric(p.metrics.precision)}, recall ${metric(p.metrics.recall)}, F1 ${metric(p.metrics.f1)}`);
    else out.push(`\nPerformance: MAE ${num(p.metrics.mae)}, RMSE ${num(p.metrics.rmse)}, MAPE ${num(p.metrics.mape)}`);
  }
  return out.join('\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained HTML page (no scripts, no external assets). */
export function reportHtml(report: OfflineDriftReport): string {
  const rows = testLines(report)
    .map((col) => {
      const tests = col.lines.map((l) => `<li${col.decision.status === 'ok' && col.decision.test === l.test ? ' class="decides"' : ''}>${escapeHtml(l.text)}</li>`).join('');
      const drifted = col.decision.status === 'ok' && col.decision.drifted;
      return `<tr class="${drifted ? 'drift' : ''}"><th scope="row">${escapeHtml(col.column)}</th><td>${col.type}</td><td>${escapeHtml(verdict(col.decision))}</td><td><ul>${tests}</ul>${escapeHtml(col.note)}</td></tr>`;
    })
    .join('\n');
  const text = escapeHtml(reportText(report));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Drift report</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.4rem;vertical-align:top;text-align:left}tr.drift th{color:#a00}li.decides{font-weight:bold}pre{background:#f4f4f4;padding:1rem}</style></head>
<body><h1>Drift report</h1>
<p>${report.decision.drifted ? '<strong>Dataset drift detected.</strong>' : 'No dataset drift.'} ${report.decision.driftedColumns} of ${report.decision.decidedColumns} columns drifted; preset ${report.decision.preset}. The deciding test is in bold.</p>
<table><thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Decision</th><th scope="col">Tests</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Full text</h2><pre>${text}</pre></body></html>`;
}
