import autocannon, { type Request, type Result } from 'autocannon';
import { uploadEvidence } from '../src/app/evidence/upload-evidence.js';
import { countRows } from './lib/counts.js';
import { httpGet, procCpuSeconds, procMemMiB, sleep, stopChild } from './lib/processes.js';
import { createReaderToken, initOrganization, openApp } from './lib/seed.js';
import { HEALTH_PATH, removeDir, startAims, tempDir, type StartedServer } from './lib/server.js';
import { elapsedMs, ratio, round } from './lib/stats.js';

export interface ListLoadOptions {
  rows: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  idleSeconds: number;
}

export interface LoadRun {
  label: string;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  totalRequests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Share of one core the server used during the run (1.0 = one core busy). */
  serverCpuCores: number;
  /** Server CPU time per request: steadier than req/s when other work shares the machine. */
  serverCpuUsPerRequest: number;
}

export interface ListLoadResult {
  seed: { rows: number; trailEvents: number; seconds: number; rowsPerSecond: number };
  health: LoadRun;
  listFirstPage: LoadRun;
  listAllPages: LoadRun & { pages: number };
  ratioListToHealthRps: number;
  ratioListToHealthP99: number;
  serverRssMiB: { idle: number; afterLoad: number; peak: number };
  connections: number;
  durationSeconds: number;
}

const LIST_PATH = '/api/v1/evidence?limit=50';

/** 10k evidence items through the product's own upload use case: each with its blob and its trail event. */
async function seed(dataDir: string, rows: number): Promise<{ token: string; seconds: number; trailEvents: number }> {
  const deps = await openApp(dataDir);
  try {
    const admin = await initOrganization(deps);
    const token = await createReaderToken(deps, admin);
    const started = process.hrtime.bigint();
    for (let i = 0; i < rows; i++) {
      const bytes = new TextEncoder().encode(`bench evidence #${i}\nsigned off by the bench\n`);
      await uploadEvidence(deps, admin, { title: `Bench evidence ${i}`, kind: i % 2 ? 'record' : 'report', description: 'Seeded by npm run bench' }, { bytes, fileName: `evidence-${i}.txt`, mediaType: 'text/plain' });
    }
    const seconds = elapsedMs(started) / 1000;
    const counts = await countRows(deps.db);
    if (counts.evidence !== rows) throw new Error(`seeded ${counts.evidence} evidence rows, expected ${rows}`);
    return { token, seconds, trailEvents: counts.trailEvents };
  } finally {
    await deps.db.close();
  }
}

/** Walks the list by its cursors once, so the paged run requests every page; checks it sees every row. */
async function allPagePaths(port: number, headers: Record<string, string>, rows: number): Promise<string[]> {
  const paths = [LIST_PATH];
  let seen = 0;
  for (;;) {
    const response = await httpGet(port, paths[paths.length - 1]!, headers);
    if (response.status !== 200) throw new Error(`GET ${paths[paths.length - 1]} answered ${response.status}: ${response.body.slice(0, 300)}`);
    const page = JSON.parse(response.body) as { items: unknown[]; nextCursor: string | null };
    seen += page.items.length;
    if (!page.nextCursor) {
      if (seen !== rows) throw new Error(`the list pages hold ${seen} items, expected ${rows}`);
      return paths;
    }
    paths.push(`${LIST_PATH}&cursor=${encodeURIComponent(page.nextCursor)}`);
  }
}

async function load(server: StartedServer, label: string, options: ListLoadOptions, requests: Request[], duration: number): Promise<LoadRun> {
  const cpuBefore = procCpuSeconds(server.child.pid);
  const started = process.hrtime.bigint();
  const result: Result = await autocannon({ url: `http://127.0.0.1:${server.port}`, connections: options.connections, duration, timeout: 10, requests });
  const cpuSeconds = procCpuSeconds(server.child.pid) - cpuBefore;
  const cpuCores = cpuSeconds / (elapsedMs(started) / 1000);
  return {
    label,
    requestsPerSecond: round(result.requests.average),
    latencyMs: { mean: round(result.latency.mean, 2), p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    totalRequests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuCores: round(cpuCores, 2),
    serverCpuUsPerRequest: round((cpuSeconds * 1e6) / Math.max(result.requests.total, 1)),
  };
}

/**
 * Throughput and p99 of an authenticated list with `rows` evidence items, the server in its own
 * process and autocannon in this one, on loopback. GET /api/v1/health (no auth, no database) is
 * the reference measured in the same run.
 */
export async function benchListLoad(options: ListLoadOptions, log: (line: string) => void): Promise<ListLoadResult> {
  const dataDir = tempDir('list');
  let server: StartedServer | undefined;
  try {
    log(`  seeding ${options.rows} evidence items through uploadEvidence…`);
    const seeded = await seed(dataDir, options.rows);
    log(`  seeded in ${round(seeded.seconds)} s (${round(options.rows / seeded.seconds)} rows/s)`);

    server = await startAims(dataDir);
    await sleep(options.idleSeconds * 1000);
    const idleRss = procMemMiB(server.child.pid, 'VmRSS');

    const auth = { authorization: `Bearer ${seeded.token}` };
    const pages = await allPagePaths(server.port, auth, options.rows);
    const firstPage: Request[] = [{ method: 'GET', path: LIST_PATH, headers: auth }];
    const everyPage: Request[] = pages.map((path) => ({ method: 'GET', path, headers: auth }));
    const health: Request[] = [{ method: 'GET', path: HEALTH_PATH }];

    await load(server, 'warm-up', options, firstPage, options.warmupSeconds);
    const healthRun = await load(server, `GET ${HEALTH_PATH}`, options, health, options.durationSeconds);
    log(`  health: ${healthRun.requestsPerSecond} req/s, p99 ${healthRun.latencyMs.p99} ms`);
    const listRun = await load(server, `GET ${LIST_PATH}`, options, firstPage, options.durationSeconds);
    log(`  list, first page: ${listRun.requestsPerSecond} req/s, p99 ${listRun.latencyMs.p99} ms`);
    const pagedRun = await load(server, `GET ${LIST_PATH}&cursor=… (all ${pages.length} pages in turn)`, options, everyPage, options.durationSeconds);
    log(`  list, every page: ${pagedRun.requestsPerSecond} req/s, p99 ${pagedRun.latencyMs.p99} ms`);
    const afterRss = procMemMiB(server.child.pid, 'VmRSS');
    const peakRss = procMemMiB(server.child.pid, 'VmHWM');

    return {
      seed: { rows: options.rows, trailEvents: seeded.trailEvents, seconds: round(seeded.seconds, 2), rowsPerSecond: round(options.rows / seeded.seconds) },
      health: healthRun,
      listFirstPage: listRun,
      listAllPages: { ...pagedRun, pages: pages.length },
      ratioListToHealthRps: ratio(listRun.requestsPerSecond, healthRun.requestsPerSecond),
      ratioListToHealthP99: ratio(listRun.latencyMs.p99, Math.max(healthRun.latencyMs.p99, 1)),
      serverRssMiB: { idle: round(idleRss), afterLoad: round(afterRss), peak: round(peakRss) },
      connections: options.connections,
      durationSeconds: options.durationSeconds,
    };
  } finally {
    if (server) await stopChild(server.child);
    removeDir(dataDir);
  }
}
