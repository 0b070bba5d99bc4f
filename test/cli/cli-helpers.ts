import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliRun } from '../../src/cli/main.js';

export interface CliResult extends CliRun {
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, for --json runs. */
  json: unknown;
}

/** A fresh data directory; the CLI's SQLite file lives in it. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'aims-cli-'));
}

/** Runs `aims` in-process with its own environment and captured output; no terminal, so no prompts. */
export async function aims(args: string[], env: Record<string, string>): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const run = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: { AIMS_LOG_LEVEL: 'silent', ...env } });
  const stdout = out.join('\n');
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    json = undefined;
  }
  return { ...run, stdout, stderr: err.join('\n'), json };
}
