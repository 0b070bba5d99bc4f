import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from './processes.js';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const SERVER_BUNDLE = join(ROOT, 'dist', 'aims.js');

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/aims.js (npm run build:server) when it is missing or older than any file in src/. */
export async function ensureServerBuilt(log: (line: string) => void): Promise<{ rebuilt: boolean }> {
  if (existsSync(SERVER_BUNDLE) && statSync(SERVER_BUNDLE).mtimeMs >= newestMtimeMs(join(ROOT, 'src'))) return { rebuilt: false };
  log('dist/aims.js is missing or older than src/: running npm run build:server');
  const result = await runToEnd('npm', ['run', 'build:server', '--silent'], { cwd: ROOT });
  if (result.code !== 0) throw new Error(`npm run build:server failed (${result.code}):\n${result.stdout}${result.stderr}`);
  return { rebuilt: true };
}
