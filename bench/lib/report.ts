import { renameSync, writeFileSync } from 'node:fs';
import type { ColdStartResult } from '../cold-start.js';
import type { ListLoadResult, LoadRun } from '../list-load.js';
import type { MonitoringResult } from '../monitoring.js';
import type { TrailVerifyResult } from '../trail-verify.js';
import type { MixedLoadResult } from '../mixed-load.js';
import type { MachineInfo } from './machine.js';
import { fmt } from './stats.js';

export interface BenchResults {
  startedAt: string;
  totalSeconds: number;
  mode: 'full' | 'quick';
  machine: MachineInfo;
  /** Per section: average cores used by other work on the machine meanwhile. */
  otherWorkCores: Partial<Record<'cold' | 'list' | 'trail' | 'mixed' | 'monitoring', number>>;
  coldStart?: ColdStartResult;
  listLoad?: ListLoadResult;
  trailVerify?: TrailVerifyResult;
  mixedLoad?: MixedLoadResult;
  monitoring?: MonitoringResult;
  failures: Array<{ section: string; error: string }>;
}

type Row = [metric: string, value: string, reference: string, ratio: string];

function table(title: string, rows: Row[]): string {
  const header: Row = ['metric', 'OpenAIMS', 'reference (same run)', 'ratio'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: Row) => `  ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`;
  return [`\n${title}`, line(header), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.map(line)].join('\n');
}

const ms = (v: number) => `${fmt(v, 1)} ms`;
const mib = (v: number) => `${fmt(v, 1)} MiB`;
const x = (v: number) => `${fmt(v, 2)}x`;
const rate = (v: number, unit: string) => `${fmt(v)} ${unit}`;

function loadRows(run: LoadRun, health: LoadRun, name: string): Row[] {
  return [
    [`${name}: requests/s`, rate(run.requestsPerSecond, 'req/s'), rate(health.requestsPerSecond, 'req/s (health)'), x(run.requestsPerSecond / health.requestsPerSecond)],
    [`${name}: latency p50 / p99`, `${run.latencyMs.p50} / ${run.latencyMs.p99} ms`, `${health.latencyMs.p50} / ${health.latencyMs.p99} ms`, ''],
    [`${name}: server CPU per request`, `${fmt(run.serverCpuUsPerRequest)} µs`, `${fmt(health.serverCpuUsPerRequest)} µs`, x(run.serverCpuUsPerRequest / health.serverCpuUsPerRequest)],
    [`${name}: server CPU busy`, `${fmt(run.serverCpuCores, 2)} cores`, `${fmt(health.serverCpuCores, 2)} cores`, ''],
    [`${name}: non-2xx / errors`, `${run.non2xx} / ${run.errors + run.timeouts}`, `${health.non2xx} / ${health.errors + health.timeouts}`, ''],
  ];
}

/** The human-readable report printed at the end of the run. */
export function formatReport(r: BenchResults): string {
  const m = r.machine;
  const out = [`\nOpenAIMS bench (${r.mode}) — ${r.startedAt}, ${fmt(r.totalSeconds, 0)} s`, `  ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, node ${m.node}, commit ${m.commit}${m.srcDirty ? ' + uncommitted src changes' : ''}`];

  const sections = Object.entries(r.otherWorkCores).map(([k, v]) => `${k} ${v}`).join(', ');
  out.push(`  CPU used by other work on the machine meanwhile: ${m.otherWorkCores} cores on average (${sections})`);
  if (Math.max(m.otherWorkCores, ...Object.values(r.otherWorkCores)) > 0.25) {
    out.push('  WARNING: other work shared the CPU, so absolute numbers are noisy; compare the same-run ratios and server CPU per request.');
  }

  const c = r.coldStart;
  if (c) {
    out.push(table(`1. Cold start to first 200 on /api/v1/health (median of ${c.runs}; reference: bare node:http server)`, [
      ['empty data dir (migrates)', ms(c.emptyDataDir.medianMs), ms(c.reference.medianMs), x(c.ratioEmptyToReference)],
      ['already-migrated data dir', ms(c.migratedDataDir.medianMs), ms(c.reference.medianMs), x(c.ratioMigratedToReference)],
      ['idle RSS after start', mib(c.idleRssMiB.aims), mib(c.idleRssMiB.reference), x(c.idleRssMiB.ratio)],
    ]));
  }

  const l = r.listLoad;
  if (l) {
    out.push(table(`2-3. Load: ${l.connections} connections x ${l.durationSeconds} s on 127.0.0.1, ${fmt(l.seed.rows)} evidence rows (reference: GET /api/v1/health)`, [
      ['seeding via uploadEvidence', rate(l.seed.rowsPerSecond, 'rows/s'), `${fmt(l.seed.trailEvents)} trail events`, ''],
      ...loadRows(l.listFirstPage, l.health, 'list first page'),
      ...loadRows(l.listAllPages, l.health, `list all ${l.listAllPages.pages} pages`),
      [`server RSS idle (${fmt(l.seed.rows)} rows)`, mib(l.serverRssMiB.idle), '', ''],
      ['server RSS after load (peak)', `${mib(l.serverRssMiB.afterLoad)} (${mib(l.serverRssMiB.peak)})`, '', x(l.serverRssMiB.afterLoad / l.serverRssMiB.idle)],
    ]));
  }

  const t = r.trailVerify;
  if (t) {
    out.push(table(`4. trail verify over ${fmt(t.events)} events (reference: sha256 of the same canonical JSON strings)`, [
      ['build via appendTrailEvent', rate(t.build.eventsPerSecond, 'events/s'), '', ''],
      ['verifyTrail in-process', rate(t.inProcess.eventsPerSecond, 'events/s'), rate(t.floorSha256Only.eventsPerSecond, 'events/s'), x(t.ratioInProcessToSha256Floor)],
      ['  vs raw SQLite read+decode+hash', ms(t.inProcess.medianMs), ms(t.floorRawSqliteDecodeHash.ms), x(t.ratioInProcessToRawSqliteFloor)],
      ['aims trail verify --json (CLI)', rate(t.cli.eventsPerSecond, 'events/s'), rate(t.floorSha256Only.eventsPerSecond, 'events/s'), x(t.ratioCliToSha256Floor)],
      ['  CLI wall time (empty trail)', `${ms(t.cli.ms)} (${ms(t.cli.emptyTrailMs)})`, '', ''],
      ['peak RSS in-process (growth)', `${mib(t.inProcess.peakRssMiB)} (+${fmt(t.inProcess.rssGrowthMiB, 1)})`, '', ''],
      ['peak RSS CLI (empty trail)', `${t.cli.maxRssMiB === null ? 'n/a' : mib(t.cli.maxRssMiB)} (${t.cli.emptyTrailMaxRssMiB === null ? 'n/a' : mib(t.cli.emptyTrailMaxRssMiB)})`, '', ''],
    ]));
  }
  const mixed = r.mixedLoad;
  if (mixed) {
    out.push(table(`5. Mixed load: ${mixed.workload}; ${mixed.connections} connections x ${mixed.durationSeconds} s`, [
      ...mixed.runs.map((run): [string, string, string, string] => [run.setup, rate(run.requestsPerSecond, 'req/s'), `p99 ${ms(run.p99Ms)}`, `${run.non2xx} non-2xx, CPU ${run.serverCpuCores} cores`]),
      ...mixed.skipped.map((s): [string, string, string, string] => [s, '', '', '']),
    ]));
  }
  for (const f of r.failures) out.push(`\nFAILED ${f.section}: ${f.error}`);
  const mon = r.monitoring;
  if (mon) {
    out.push(table(`5. Monitoring statistics, ${mon.valuesPerSide.toLocaleString('en')} values per side (median of ${mon.runs}; reference: scipy/numpy via /usr/bin/python3)`, [
      ['KS two-sample (sorts included)', ms(mon.ksMs), ms(mon.scipyKsMs), x(mon.ksMs / mon.scipyKsMs)],
      ['Wasserstein-1 (sorts included)', ms(mon.wassersteinMs), ms(mon.scipyWassersteinMs), x(mon.wassersteinMs / mon.scipyWassersteinMs)],
      ['PSI + Jensen-Shannon (fit deciles, bin)', ms(mon.psiJsMs), ms(mon.numpyPsiJsMs), x(mon.psiJsMs / mon.numpyPsiJsMs)],
      [`${mon.window.rows.toLocaleString('en')}-row window vs fitted reference, per column`, ms(mon.window.compareMsPerColumn), `fit ${ms(mon.window.fitMs)}`, ''],
    ]));
  }
  return out.join('\n');
}

/** Writes JSON through a .tmp file and a rename, so a reader never sees half a file. */
export function writeJson(path: string, value: unknown): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
