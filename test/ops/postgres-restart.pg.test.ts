import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initializeOrganization } from '../../src/app/identity/initialize-organization.js';
import { loadConfig } from '../../src/config.js';
import { composeApp } from '../../src/main.js';
import { PG_SKIP_REASON, PG_URL } from './pg-support.js';
import { startAims, stopAims, type AimsProcess } from './processes.js';

/** PostgreSQL's server programs: AIMS_TEST_PG_BIN, else Debian's newest, else /usr/local/bin. */
function findPgBin(): string | undefined {
  const candidates = [process.env.AIMS_TEST_PG_BIN, ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`) : []), '/usr/local/bin'];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb')));
}
const PG_BIN = findPgBin();
// As root, PostgreSQL must run as the postgres user.
const AS_ROOT = userInfo().uid === 0;
const SKIP = !PG_URL ? PG_SKIP_REASON : !PG_BIN ? 'skipped: no initdb/pg_ctl found (set AIMS_TEST_PG_BIN)' : undefined;

function pg(args: string[]): void {
  if (AS_ROOT) execFileSync('su', ['postgres', '-c', [join(PG_BIN!, args[0]!), ...args.slice(1)].map((a) => `'${a}'`).join(' ')], { stdio: 'pipe' });
  else execFileSync(join(PG_BIN!, args[0]!), args.slice(1), { stdio: 'pipe' });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * PostgreSQL restarting under load: a throw-away cluster of our own (the shared test server is
 * left alone) is restarted with pg_ctl while requests run against `aims serve`. Requests then fail
 * cleanly (503 UNAVAILABLE with Retry-After, never a 500), and succeed again without restarting OpenAIMS.
 */
describe.skipIf(!!SKIP)(`OpenAIMS across a PostgreSQL restart${SKIP ? ` (${SKIP})` : ''}`, () => {
  let dir: string;
  let dataDir: string;
  let server: AimsProcess | undefined;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aims-pg-restart-'));
    chmodSync(dir, 0o755);
    if (AS_ROOT) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
    const port = await freePort();
    pg(['initdb', '-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust']);
    pg(['pg_ctl', '-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start']);
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    dataDir = mkdtempSync(join(tmpdir(), 'aims-pg-restart-data-'));
    const deps = await composeApp(loadConfig({ DATABASE_URL: url, AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent' }));
    await initializeOrganization(deps, { organizationName: 'Restart Ltd', adminEmail: 'admin@restart.example', adminName: 'Admin', adminPassword: 'a long admin password' });
    await deps.db.close();
    server = await startAims(['serve', '--port', '0'], { DATABASE_URL: url, AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'error', AIMS_JOB_POLL_MS: '500' });
  }, 120_000);

  afterAll(async () => {
    await stopAims(server);
    try {
      pg(['pg_ctl', '-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers 503 while PostgreSQL restarts, then serves again without a restart of its own', async () => {
    const login = await fetch(`${server!.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@restart.example', password: 'a long admin password' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

    const statuses: number[] = [];
    const bodies: Array<{ error?: { code: string }; retryAfter: string | null }> = [];
    let stop = false;
    const load = (async () => {
      // Bounded: at most 2,000 requests or until told to stop.
      for (let i = 0; i < 2000 && !stop; i++) {
        const response = await fetch(`${server!.url}/api/v1/users`, { headers: { cookie } }).catch(() => undefined);
        if (!response) continue;
        statuses.push(response.status);
        if (response.status !== 200) bodies.push({ ...((await response.json()) as { error?: { code: string } }), retryAfter: response.headers.get('retry-after') });
        else await response.arrayBuffer();
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    pg(['pg_ctl', '-D', join(dir, 'data'), '-m', 'fast', 'stop']);
    await new Promise((r) => setTimeout(r, 1500)); // down for a while, under load
    pg(['pg_ctl', '-D', join(dir, 'data'), '-o', `-p ${new URL(url).port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start']);
    // Keep the load on until requests succeed again.
    const until = Date.now() + 20_000;
    while (Date.now() < until && statuses.slice(-5).filter((s) => s === 200).length < 5) await new Promise((r) => setTimeout(r, 100));
    stop = true;
    await load;

    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(new Set(statuses.filter((s) => s !== 200))).toEqual(new Set([503]));
    expect(bodies.every((b) => b.error?.code === 'UNAVAILABLE' && b.retryAfter === '5')).toBe(true);
    expect(statuses.slice(-5)).toEqual([200, 200, 200, 200, 200]);
    expect(server!.child.exitCode).toBeNull();
    const ready = await fetch(`${server!.url}/api/v1/ready`);
    expect(ready.status).toBe(200);
  }, 90_000);
});
