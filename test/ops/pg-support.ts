import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the ops tests need; they skip, saying so, without one. */
export const PG_URL = process.env.AIMS_TEST_DATABASE_URL;
export const PG_SKIP_REASON = 'skipped: set AIMS_TEST_DATABASE_URL=postgres://… to run against a real PostgreSQL server';
// Said once per file, so a run without PostgreSQL shows why these suites did not run.
if (!PG_URL) console.warn(`PostgreSQL operations tests ${PG_SKIP_REASON}`);

/** A fresh, empty database on the test server; dispose drops it (with force: child processes may still hold connections). */
export async function createPgDatabase(): Promise<{ url: string; name: string; query: (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>; dispose(): Promise<void> }> {
  if (!PG_URL) throw new Error(PG_SKIP_REASON);
  const name = `aims_ops_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  pool.on('error', () => {});
  return {
    url: url.toString(),
    name,
    query: async (text, values = []) => (await pool.query(text, values)).rows as Record<string, unknown>[],
    dispose: async () => {
      await pool.end();
      const dropper = new pg.Client({ connectionString: PG_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Polls until `check` returns a value that is not undefined, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
