import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { appendTrailEvent } from '../src/app/trail/append-trail-event.js';
import { trailEventFromRow } from '../src/app/trail/trail.presenter.js';
import { verifyTrail } from '../src/app/trail/verify-trail.js';
import { sha256Hex } from '../src/app/shared/secrets.js';
import { canonicalJson } from '../src/domain/trail/canonical-json.js';
import { hashTrailEvent } from '../src/domain/trail/trail-chain.js';
import type { TrailEventsTable } from '../src/storage/schema.js';
import { inTransaction } from '../src/storage/transaction.js';
import { SERVER_BUNDLE } from './lib/build.js';
import { countRows } from './lib/counts.js';
import { procMemMiB, resetPeakRss, runToEnd } from './lib/processes.js';
import { initOrganization, openApp } from './lib/seed.js';
import { productEnv, removeDir, tempDir } from './lib/server.js';
import { elapsedMs, median, ratio, round } from './lib/stats.js';

export interface TrailVerifyOptions {
  events: number;
  batchSize: number;
  inProcessRuns: number;
}

export interface TrailVerifyResult {
  events: number;
  build: { seconds: number; eventsPerSecond: number; batchSize: number };
  inProcess: { runsMs: number[]; medianMs: number; eventsPerSecond: number; peakRssMiB: number; rssGrowthMiB: number };
  cli: { ms: number; eventsPerSecond: number; maxRssMiB: number | null; emptyTrailMs: number; emptyTrailMaxRssMiB: number | null };
  floorSha256Only: { ms: number; eventsPerSecond: number };
  floorRawSqliteDecodeHash: { ms: number; eventsPerSecond: number };
  ratioInProcessToSha256Floor: number;
  ratioInProcessToRawSqliteFloor: number;
  ratioCliToSha256Floor: number;
}

const TIME = '/usr/bin/time';

/**
 * A realistic event payload: what an evidence upload records, a few hundred bytes of JSON. It is
 * filed under an entity type the record check does not cover (there are no rows behind it), so
 * this section measures the chain walk; the record check scales with the number of records.
 */
function change(i: number) {
  const id = `0190a1b2-c3d4-7e5f-8a9b-${i.toString(16).padStart(12, '0')}`;
  const after = {
    id, title: `Bench evidence ${i}`, kind: 'report', description: 'Appended by npm run bench', validFrom: null, validUntil: null,
    ownerUserId: null, sha256: sha256Hex(String(i)), sizeBytes: 1024 + i, mediaType: 'text/plain', fileName: `evidence-${i}.txt`,
    createdAt: new Date(1_767_225_600_000 + i * 1000).toISOString(), createdBy: 'admin@bench.example',
  };
  return { action: 'bench.recorded', entityType: 'bench_record', entityId: id, before: null, after };
}

/** Builds the trail through appendTrailEvent, `batchSize` events per transaction, up to `events` in all. */
async function buildTrail(dataDir: string, options: TrailVerifyOptions): Promise<{ seconds: number; events: number }> {
  const deps = await openApp(dataDir);
  try {
    const admin = await initOrganization(deps);
    const started = process.hrtime.bigint();
    let total = (await countRows(deps.db)).trailEvents;
    let i = 0;
    while (total < options.events) {
      const n = Math.min(options.batchSize, options.events - total);
      await inTransaction(deps.db, async (tx) => {
        for (let k = 0; k < n; k++) await appendTrailEvent(tx, deps, admin, change(i++));
      });
      total += n;
    }
    const seconds = elapsedMs(started) / 1000;
    return { seconds, events: (await countRows(deps.db)).trailEvents };
  } finally {
    await deps.db.close();
  }
}

/** `node dist/aims.js trail verify --json`, end to end, under /usr/bin/time -v for its peak RSS. */
async function cliVerify(dataDir: string): Promise<{ ms: number; eventsChecked: number; maxRssMiB: number | null }> {
  const withTime = existsSync(TIME);
  const command = withTime ? TIME : process.execPath;
  const args = [...(withTime ? ['-v', process.execPath] : []), SERVER_BUNDLE, 'trail', 'verify', '--json'];
  const started = process.hrtime.bigint();
  const result = await runToEnd(command, args, { env: productEnv(dataDir) });
  const ms = elapsedMs(started);
  if (result.code !== 0) throw new Error(`aims trail verify exited ${result.code}:\n${result.stdout}${result.stderr}`);
  const report = JSON.parse(result.stdout) as { ok: boolean; eventsChecked: number };
  if (!report.ok) throw new Error(`aims trail verify reports a broken trail: ${result.stdout}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { ms, eventsChecked: report.eventsChecked, maxRssMiB: rss ? Number(rss[1]) / 1024 : null };
}

/** The product's verifier, called directly; peak RSS is this process's high-water mark, reset just before. */
async function inProcessVerify(dataDir: string, options: TrailVerifyOptions, expected: number) {
  const deps = await openApp(dataDir);
  try {
    const runsMs: number[] = [];
    let peak = Number.NaN;
    let growth = Number.NaN;
    for (let run = 0; run < options.inProcessRuns; run++) {
      const peakReset = resetPeakRss();
      const before = procMemMiB('self', 'VmRSS');
      const started = process.hrtime.bigint();
      const result = await verifyTrail(deps.db);
      runsMs.push(elapsedMs(started));
      if (!result.ok || result.eventsChecked !== expected) throw new Error(`verifyTrail: ${JSON.stringify(result)}`);
      if (run === 0 && peakReset) {
        peak = procMemMiB('self', 'VmHWM');
        growth = peak - before;
      }
    }
    return { runsMs, peak, growth };
  } finally {
    await deps.db.close();
  }
}

/**
 * The floors, each the median of `runs`: sha256 over the same canonical JSON strings and nothing
 * else; and the per-row work verify does (read, JSON.parse, canonicalize, hash) straight on
 * better-sqlite3, without Kysely or paging.
 */
function floors(dataDir: string, runs: number): { sha256OnlyMs: number; rawSqliteMs: number; rows: number } {
  const sqlite = new BetterSqlite3(join(dataDir, 'aims.db'), { readonly: true });
  try {
    const select = sqlite.prepare('SELECT * FROM trail_events ORDER BY organization_id, seq');
    const rawRuns: number[] = [];
    let rows = 0;
    for (let run = 0; run < runs; run++) {
      const started = process.hrtime.bigint();
      rows = 0;
      for (const row of select.iterate() as Iterable<TrailEventsTable>) {
        const { hash, ...body } = trailEventFromRow(row);
        if (hashTrailEvent(body, sha256Hex) !== hash) throw new Error(`row ${row.seq} does not hash to its stored hash`);
        rows += 1;
      }
      rawRuns.push(elapsedMs(started));
    }

    const strings = (select.all() as TrailEventsTable[]).map((row) => {
      const { hash: _hash, ...body } = trailEventFromRow(row);
      return canonicalJson(body);
    });
    const hashRuns: number[] = [];
    let xor = 0;
    for (let run = 0; run < runs; run++) {
      const started = process.hrtime.bigint();
      for (const s of strings) xor ^= sha256Hex(s).charCodeAt(0);
      hashRuns.push(elapsedMs(started));
    }
    if (xor < 0) throw new Error('unreachable: keeps the loop from being optimized away');
    return { sha256OnlyMs: median(hashRuns), rawSqliteMs: median(rawRuns), rows };
  } finally {
    sqlite.close();
  }
}

/** `trail verify` over 100k events: in-process, through the CLI, and against the hashing floor. */
export async function benchTrailVerify(options: TrailVerifyOptions, log: (line: string) => void): Promise<TrailVerifyResult> {
  const dataDir = tempDir('trail');
  const emptyDir = tempDir('trail-empty');
  try {
    log(`  building a trail of ${options.events} events with appendTrailEvent (${options.batchSize} per transaction)…`);
    const built = await buildTrail(dataDir, options);
    const events = built.events;
    log(`  built in ${round(built.seconds)} s (${round(events / built.seconds)} events/s)`);

    const cli = await cliVerify(dataDir);
    if (cli.eventsChecked !== events) throw new Error(`CLI checked ${cli.eventsChecked} events, expected ${events}`);
    log(`  CLI verify: ${round(cli.ms)} ms`);
    const migrate = await runToEnd(process.execPath, [SERVER_BUNDLE, 'db', 'migrate'], { env: productEnv(emptyDir) });
    if (migrate.code !== 0) throw new Error(`aims db migrate failed: ${migrate.stderr}`);
    const cliEmpty = await cliVerify(emptyDir);

    const inProcess = await inProcessVerify(dataDir, options, events);
    const inProcessMs = median(inProcess.runsMs);
    log(`  in-process verifyTrail: ${inProcess.runsMs.map((v) => round(v)).join(', ')} ms`);

    const floor = floors(dataDir, options.inProcessRuns);
    if (floor.rows !== events) throw new Error(`floor read ${floor.rows} rows, expected ${events}`);
    log(`  floors: sha256 only ${round(floor.sha256OnlyMs)} ms, raw SQLite + decode + hash ${round(floor.rawSqliteMs)} ms`);

    const perSecond = (ms: number) => round(events / (ms / 1000));
    return {
      events,
      build: { seconds: round(built.seconds, 2), eventsPerSecond: perSecond(built.seconds * 1000), batchSize: options.batchSize },
      inProcess: { runsMs: inProcess.runsMs.map((v) => round(v)), medianMs: round(inProcessMs), eventsPerSecond: perSecond(inProcessMs), peakRssMiB: round(inProcess.peak), rssGrowthMiB: round(inProcess.growth) },
      cli: { ms: round(cli.ms), eventsPerSecond: perSecond(cli.ms), maxRssMiB: cli.maxRssMiB === null ? null : round(cli.maxRssMiB), emptyTrailMs: round(cliEmpty.ms), emptyTrailMaxRssMiB: cliEmpty.maxRssMiB === null ? null : round(cliEmpty.maxRssMiB) },
      floorSha256Only: { ms: round(floor.sha256OnlyMs), eventsPerSecond: perSecond(floor.sha256OnlyMs) },
      floorRawSqliteDecodeHash: { ms: round(floor.rawSqliteMs), eventsPerSecond: perSecond(floor.rawSqliteMs) },
      ratioInProcessToSha256Floor: ratio(inProcessMs, floor.sha256OnlyMs),
      ratioInProcessToRawSqliteFloor: ratio(inProcessMs, floor.rawSqliteMs),
      ratioCliToSha256Floor: ratio(cli.ms, floor.sha256OnlyMs),
    };
  } finally {
    removeDir(dataDir);
    removeDir(emptyDir);
  }
}
