import { SERVER_BUNDLE } from './lib/build.js';
import { procMemMiB, runToEnd, sleep, stopChild } from './lib/processes.js';
import { productEnv, removeDir, startAims, startReference, tempDir, type StartedServer } from './lib/server.js';
import { max, median, min, ratio, round } from './lib/stats.js';

export interface ColdStartOptions {
  runs: number;
  idleSeconds: number;
}

interface Timings {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runsMs: number[];
}

export interface ColdStartResult {
  runs: number;
  emptyDataDir: Timings;
  migratedDataDir: Timings;
  reference: Timings;
  ratioEmptyToReference: number;
  ratioMigratedToReference: number;
  /** RSS of an idle server on a migrated (empty) database, and of the idle reference. */
  idleRssMiB: { aims: number; reference: number; ratio: number };
}

function timings(runsMs: number[]): Timings {
  return { medianMs: round(median(runsMs)), minMs: round(min(runsMs)), maxMs: round(max(runsMs)), runsMs: runsMs.map((v) => round(v)) };
}

/** Starts, times and stops one server; the stop is in a finally so a failed start leaves nothing behind. */
async function timeOnce(start: () => Promise<StartedServer>, onUp?: (s: StartedServer) => Promise<void>): Promise<number> {
  const server = await start();
  try {
    await onUp?.(server);
    return server.startMs;
  } finally {
    await stopChild(server.child);
  }
}

/**
 * Cold start to a healthy server: spawn `node dist/aims.js serve` and poll GET /api/v1/health every
 * 2 ms until 200. Runs are interleaved (reference, empty, migrated) so drift hits all three alike.
 */
export async function benchColdStart(options: ColdStartOptions, log: (line: string) => void): Promise<ColdStartResult> {
  const migratedDir = tempDir('migrated');
  const emptyDirs: string[] = [];
  try {
    const migrate = await runToEnd(process.execPath, [SERVER_BUNDLE, 'db', 'migrate'], { env: productEnv(migratedDir) });
    if (migrate.code !== 0) throw new Error(`aims db migrate failed: ${migrate.stderr}`);

    const reference: number[] = [];
    const empty: number[] = [];
    const migrated: number[] = [];
    // One untimed start of each warms the OS file cache, as a real restart would find it.
    await timeOnce(startReference);
    await timeOnce(() => startAims(migratedDir));
    for (let i = 0; i < options.runs; i++) {
      reference.push(await timeOnce(startReference));
      const dir = tempDir('empty');
      emptyDirs.push(dir);
      empty.push(await timeOnce(() => startAims(dir)));
      migrated.push(await timeOnce(() => startAims(migratedDir)));
      log(`  run ${i + 1}/${options.runs}: reference ${round(reference[i]!)} ms, empty ${round(empty[i]!)} ms, migrated ${round(migrated[i]!)} ms`);
    }

    let aimsRss = Number.NaN;
    let referenceRss = Number.NaN;
    await timeOnce(() => startAims(migratedDir), async (s) => {
      await sleep(options.idleSeconds * 1000);
      aimsRss = procMemMiB(s.child.pid, 'VmRSS');
    });
    await timeOnce(startReference, async (s) => {
      await sleep(options.idleSeconds * 1000);
      referenceRss = procMemMiB(s.child.pid, 'VmRSS');
    });

    return {
      runs: options.runs,
      emptyDataDir: timings(empty),
      migratedDataDir: timings(migrated),
      reference: timings(reference),
      ratioEmptyToReference: ratio(median(empty), median(reference)),
      ratioMigratedToReference: ratio(median(migrated), median(reference)),
      idleRssMiB: { aims: round(aimsRss), reference: round(referenceRss), ratio: ratio(aimsRss, referenceRss) },
    };
  } finally {
    removeDir(migratedDir);
    for (const dir of emptyDirs) removeDir(dir);
  }
}
