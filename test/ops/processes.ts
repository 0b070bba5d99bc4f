import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A real `aims` child process (TypeScript through tsx, so it is the code under test, not a stale build). */
export interface AimsProcess {
  child: ChildProcess;
  pid: number;
  /** The server's URL; absent for a worker. */
  url?: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `aims <command>` with --json and waits for its start-up line. */
export async function startAims(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<AimsProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/aims.ts', ...args, '--json'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const summary = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`aims ${args.join(' ')} did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = () => {
      // The start-up summary, not one of the JSON log lines (those carry a level).
      const line = out.split('\n').find((l) => l.startsWith('{"') && !l.includes('"level":') && l.includes('"pid":'));
      if (!line) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(JSON.parse(line) as Record<string, unknown>);
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`aims ${args.join(' ')} exited with ${code} before starting:\n${out}`)));
  });
  return { child, pid: child.pid!, ...(typeof summary.url === 'string' ? { url: summary.url } : {}), output: () => out, exited };
}

/** Stops a child (SIGTERM) and waits for it, killing it if it does not stop in time. */
export async function stopAims(p: AimsProcess | undefined, timeoutMs = 30_000): Promise<number | null> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return p?.child.exitCode ?? null;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
  try {
    return await p.exited;
  } finally {
    clearTimeout(timer);
  }
}
