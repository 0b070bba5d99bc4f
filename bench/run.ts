/**
 * `npm run bench`: cold start, memory, authenticated list throughput and trail verification, each
 * beside a reference measured in the same run. Reports only; nothing here asserts a timing.
 *
 *   npm run bench                     full run (about 2 minutes on 2 cores)
 *   npm run bench -- --quick          small sizes, to check the bench itself works
 *   npm run bench -- --only=cold,list,trail
 *   npm run bench -- --baseline       also write bench/results/baseline.json
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchColdStart } from './cold-start.js';
import { benchListLoad } from './list-load.js';
import { benchMonitoring } from './monitoring.js';
import { ROOT, ensureServerBuilt } from './lib/build.js';
import { cpuSnapshot, loadAverage1m, machineInfo, otherWorkCores } from './lib/machine.js';
import { killAllChildren } from './lib/processes.js';
import { formatReport, writeJson, type BenchResults } from './lib/report.js';
import { elapsedMs, round } from './lib/stats.js';
import { benchTrailVerify } from './trail-verify.js';
import { benchMixedLoad } from './mixed-load.js';

const SECTIONS = ['cold', 'list', 'trail', 'mixed', 'monitoring'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
// A bare section name (`npm run bench -- monitoring`) is the same as --only=<name>.
const bare = args.filter((a) => (SECTIONS as readonly string[]).includes(a)) as Section[];
const only = new Set<Section>(onlyArg ? (onlyArg.slice('--only='.length).split(',') as Section[]) : bare.length ? bare : SECTIONS);
const unknown = args.filter((a) => !['--quick', '--baseline'].includes(a) && !a.startsWith('--only=') && !(SECTIONS as readonly string[]).includes(a));
if (unknown.length || [...only].some((s) => !SECTIONS.includes(s))) {
  console.error(`usage: npm run bench -- [--quick] [--baseline] [--only=${SECTIONS.join(',')}] [section ...]`);
  process.exit(2);
}

const SIZES = quick
  ? { cold: { runs: 2, idleSeconds: 1 }, list: { rows: 500, durationSeconds: 2, warmupSeconds: 1, connections: 10, idleSeconds: 1 }, trail: { events: 5000, batchSize: 1000, inProcessRuns: 1 }, mixed: { rows: 200, durationSeconds: 2, warmupSeconds: 1, connections: 10 }, monitoring: { values: 100_000, window: 10_000, runs: 1 } }
  : { cold: { runs: 5, idleSeconds: 3 }, list: { rows: 10_000, durationSeconds: 10, warmupSeconds: 3, connections: 10, idleSeconds: 3 }, trail: { events: 100_000, batchSize: 1000, inProcessRuns: 3 }, mixed: { rows: 2000, durationSeconds: 10, warmupSeconds: 3, connections: 10 }, monitoring: { values: 1_000_000, window: 100_000, runs: 3 } };

// No child may outlive the bench: on a normal exit, an uncaught error or Ctrl-C.
process.on('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const results: BenchResults = { startedAt: new Date().toISOString(), totalSeconds: 0, mode: quick ? 'quick' : 'full', machine: machineInfo(), otherWorkCores: {}, failures: [] };
  // The server sections run dist/aims.js; the monitoring section runs in-process and needs no build.
  if (['cold', 'list', 'trail', 'mixed'].some((s) => only.has(s as Section))) await ensureServerBuilt(log);
  const runStart = cpuSnapshot();

  const sections: Array<[Section, string, () => Promise<void>]> = [
    ['cold', '1. cold start and idle memory', async () => void (results.coldStart = await benchColdStart(SIZES.cold, log))],
    ['list', '2-3. authenticated list under load', async () => void (results.listLoad = await benchListLoad(SIZES.list, log))],
    ['trail', '4. trail verify', async () => void (results.trailVerify = await benchTrailVerify(SIZES.trail, log))],
    ['mixed', '5. mixed read/write load: SQLite, PostgreSQL, two processes on PostgreSQL', async () => void (results.mixedLoad = await benchMixedLoad(SIZES.mixed, log))],
    ['monitoring', '6. monitoring statistics vs scipy/numpy', async () => void (results.monitoring = await benchMonitoring(SIZES.monitoring, log))],
  ];
  for (const [key, title, run] of sections) {
    if (!only.has(key)) continue;
    log(`\n== ${title}`);
    const sectionStart = cpuSnapshot();
    try {
      await run();
      results.otherWorkCores[key] = otherWorkCores(sectionStart, cpuSnapshot());
    } catch (error) {
      // One failed section should not hide the others' numbers; it is reported and fails the run.
      results.failures.push({ section: key, error: error instanceof Error ? error.message : String(error) });
      log(`  FAILED: ${String(error)}`);
    }
  }
  results.totalSeconds = round(elapsedMs(started) / 1000);
  results.machine.loadAverage1m.end = loadAverage1m();
  results.machine.otherWorkCores = otherWorkCores(runStart, cpuSnapshot());

  console.log(formatReport(results));
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeJson(join(dir, 'latest.json'), results);
  if (args.includes('--baseline')) writeJson(join(dir, 'baseline.json'), results);
  console.log(`\nwrote bench/results/latest.json${args.includes('--baseline') ? ' and bench/results/baseline.json' : ''}`);
  if (results.failures.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
