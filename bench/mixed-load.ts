import { randomBytes } from 'node:crypto';
import autocannon, { type Request, type Result } from 'autocannon';
import pg from 'pg';
import { addUser } from '../src/app/identity/add-user.js';
import { createApiToken } from '../src/app/identity/create-api-token.js';
import { uploadEvidence } from '../src/app/evidence/upload-evidence.js';
import { loadConfig } from '../src/config.js';
import { composeApp } from '../src/main.js';
import { ROOT, SERVER_BUNDLE } from './lib/build.js';
import { freePort, procCpuSeconds, startChild, stopChild, waitFor200, type Child } from './lib/processes.js';
import { initOrganization } from './lib/seed.js';
import { HEALTH_PATH, removeDir, tempDir } from './lib/server.js';
import { elapsedMs, round } from './lib/stats.js';

export interface MixedLoadOptions {
  rows: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
}

export interface MixedRun {
  setup: string;
  processes: number;
  requestsPerSecond: number;
  /** Over all processes: the worst p99 of the per-server autocannon runs (each took half the connections). */
  p99Ms: number;
  p50Ms: number;
  writesPerSecond: number;
  non2xx: number;
  errors: number;
  serverCpuCores: number;
}

export interface MixedLoadResult {
  workload: string;
  connections: number;
  durationSeconds: number;
  runs: MixedRun[];
  skipped: string[];
}

const BOUNDARY = 'aimsbenchboundary';
const UPLOAD_BODY = [`--${BOUNDARY}`, 'Content-Disposition: form-data; name="title"', '', 'Mixed load upload', `--${BOUNDARY}`, 'Content-Disposition: form-data; name="kind"', '', 'record', `--${BOUNDARY}`, 'Content-Disposition: form-data; name="file"; filename="load.txt"', 'Content-Type: text/plain', '', 'uploaded under load', `--${BOUNDARY}--`, ''].join('\r\n');

/** Four reads to one write: lists, the caller, the trail, and an evidence upload (a row, a blob reference, a trail event). */
function workload(token: string): Request[] {
  const auth = { authorization: `Bearer ${token}` };
  return [
    { method: 'GET', path: '/api/v1/evidence?limit=50', headers: auth },
    { method: 'GET', path: '/api/v1/me', headers: auth },
    { method: 'GET', path: '/api/v1/trail?limit=20', headers: auth },
    { method: 'GET', path: '/api/v1/users?limit=50', headers: auth },
    { method: 'POST', path: '/api/v1/evidence', headers: { ...auth, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, body: UPLOAD_BODY },
  ];
}

function serverEnv(dataDir: string, databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AIMS_DATA_DIR: dataDir, AIMS_JOBS: 'off', AIMS_INTAKE_RATE_LIMIT: '1000000', AIMS_LOG_LEVEL: 'warn' };
  for (const name of ['PORT', 'HOST', 'AIMS_URL', 'AIMS_TOKEN']) delete env[name];
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

async function seed(dataDir: string, databaseUrl: string | undefined, rows: number): Promise<string> {
  const deps = await composeApp(loadConfig({ AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }));
  try {
    const admin = await initOrganization(deps);
    for (let i = 0; i < rows; i++) {
      await uploadEvidence(deps, admin, { title: `Seed ${i}`, kind: 'record' }, { bytes: new TextEncoder().encode(`seed ${i}`), fileName: `seed-${i}.txt`, mediaType: 'text/plain' });
    }
    await addUser(deps, admin, { email: 'writer@bench.example', displayName: 'Writer', password: 'bench password, not a secret', role: 'contributor' });
    return (await createApiToken(deps, admin, { email: 'writer@bench.example', name: 'bench-writer', role: 'contributor' })).token;
  } finally {
    await deps.jobs.stop(1000);
    await deps.db.close();
  }
}

async function startServer(dataDir: string, databaseUrl: string | undefined): Promise<{ child: Child; port: number }> {
  const port = await freePort();
  const child = startChild(process.execPath, [SERVER_BUNDLE, 'serve', '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env: serverEnv(dataDir, databaseUrl) });
  await waitFor200(child, port, HEALTH_PATH, 60_000, 20);
  return { child, port };
}

async function run(setup: string, servers: Array<{ child: Child; port: number }>, requests: Request[], options: MixedLoadOptions): Promise<MixedRun> {
  const per = Math.max(1, Math.floor(options.connections / servers.length));
  const fire = (duration: number) => Promise.all(servers.map((s) => autocannon({ url: `http://127.0.0.1:${s.port}`, connections: per, duration, timeout: 10, requests })));
  await fire(options.warmupSeconds);
  const cpuBefore = servers.map((s) => procCpuSeconds(s.child.pid));
  const started = process.hrtime.bigint();
  const results: Result[] = await fire(options.durationSeconds);
  const seconds = elapsedMs(started) / 1000;
  const cpu = servers.reduce((sum, s, i) => sum + procCpuSeconds(s.child.pid) - cpuBefore[i]!, 0);
  const rps = results.reduce((sum, r) => sum + r.requests.average, 0);
  return {
    setup,
    processes: servers.length,
    requestsPerSecond: round(rps),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    p50Ms: Math.max(...results.map((r) => r.latency.p50)),
    writesPerSecond: round(rps / requests.length),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    serverCpuCores: round(cpu / seconds, 2),
  };
}

/** A fresh database on the bench's PostgreSQL server, dropped afterwards. */
async function withPgDatabase<T>(baseUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `aims_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    const dropper = new pg.Client({ connectionString: baseUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  }
}

/**
 * Mixed read/write load (4 reads : 1 upload) through API tokens: one server on SQLite, one on
 * PostgreSQL, two servers on one PostgreSQL database (each given half the connections). PostgreSQL
 * runs need AIMS_BENCH_DATABASE_URL (or AIMS_TEST_DATABASE_URL) and are skipped without it.
 */
export async function benchMixedLoad(options: MixedLoadOptions, log: (line: string) => void): Promise<MixedLoadResult> {
  const result: MixedLoadResult = { workload: 'GET evidence, me, trail, users + POST evidence (4:1), Bearer token', connections: options.connections, durationSeconds: options.durationSeconds, runs: [], skipped: [] };
  const pgUrl = process.env.AIMS_BENCH_DATABASE_URL || process.env.AIMS_TEST_DATABASE_URL;

  const setups: Array<[string, number, boolean]> = [['SQLite, 1 process', 1, false], ['PostgreSQL, 1 process', 1, true], ['PostgreSQL, 2 processes', 2, true]];
  for (const [label, count, usesPg] of setups) {
    if (usesPg && !pgUrl) {
      result.skipped.push(`${label}: set AIMS_BENCH_DATABASE_URL=postgres://… to run it`);
      log(`  ${label}: skipped (no AIMS_BENCH_DATABASE_URL)`);
      continue;
    }
    const dataDir = tempDir('mixed');
    const once = async (databaseUrl: string | undefined) => {
      const token = await seed(dataDir, databaseUrl, options.rows);
      const servers: Array<{ child: Child; port: number }> = [];
      try {
        for (let i = 0; i < count; i++) servers.push(await startServer(dataDir, databaseUrl));
        const measured = await run(label, servers, workload(token), options);
        log(`  ${label}: ${measured.requestsPerSecond} req/s (${measured.writesPerSecond} writes/s), p99 ${measured.p99Ms} ms, non-2xx ${measured.non2xx}, server CPU ${measured.serverCpuCores} cores`);
        result.runs.push(measured);
      } finally {
        for (const s of servers) await stopChild(s.child);
      }
    };
    try {
      if (usesPg) await withPgDatabase(pgUrl!, once);
      else await once(undefined);
    } finally {
      removeDir(dataDir);
    }
  }
  return result;
}
