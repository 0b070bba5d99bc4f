import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SERVER_BUNDLE } from './build.js';
import { freePort, startChild, stopChild, waitFor200, type Child } from './processes.js';

export const HEALTH_PATH = '/api/v1/health';

/** A fresh, empty directory under the OS temp dir; the caller removes it with `removeDir`. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `aims-bench-${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The environment of a product process: SQLite in `dataDir`, nothing inherited that would point elsewhere. */
export function productEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AIMS_DATA_DIR: dataDir };
  for (const name of ['DATABASE_URL', 'PORT', 'HOST', 'AIMS_URL', 'AIMS_TOKEN', 'AIMS_LOG_LEVEL']) delete env[name];
  return env;
}

export interface StartedServer {
  child: Child;
  port: number;
  /** From spawn to the first 200 on the health path. */
  startMs: number;
}

/** Spawns the built server (`node dist/aims.js serve`) and waits until /api/v1/health answers 200. */
export async function startAims(dataDir: string): Promise<StartedServer> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = startChild(process.execPath, [SERVER_BUNDLE, 'serve', '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env: productEnv(dataDir) });
  await untilHealthy(child, port, HEALTH_PATH);
  return { child, port, startMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** The floor for "start and answer HTTP": a bare node:http server that says ok. */
export async function startReference(): Promise<StartedServer> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const script = `require('http').createServer((q,s)=>s.end('ok')).listen(${port}, '127.0.0.1')`;
  const child = startChild(process.execPath, ['-e', script], { cwd: ROOT });
  await untilHealthy(child, port, '/');
  return { child, port, startMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** Waits for the first 200; a child that never gets there is stopped before the error goes up. */
async function untilHealthy(child: Child, port: number, path: string): Promise<void> {
  try {
    await waitFor200(child, port, path);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
