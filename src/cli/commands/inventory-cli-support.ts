import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { z } from 'zod';
import { parseWith } from '../../contracts/parse.js';
import { AppError, isAppError } from '../../domain/shared/app-error.js';
import type { CliIo } from '../cli-io.js';
import { connectRemote, withRemoteFlags, type RemoteOptions } from '../remote-client.js';

export interface RemoteFlags extends RemoteOptions {
  json?: boolean;
}

/** Adds the flags every inventory command shares. */
export function remoteCommand(command: Command): Command {
  return withRemoteFlags(command).option('--json', 'print the result as JSON');
}

/** A JSON request to the server; the body is sent as JSON when given. */
export async function api<T>(io: CliIo, options: RemoteOptions, method: string, path: string, body?: unknown): Promise<T> {
  const server = connectRemote(io, options);
  return body === undefined ? server.request<T>(method, path) : server.request<T>(method, path, JSON.stringify(body), { 'content-type': 'application/json' });
}

/** Reads a file the user named, refusing with the flag's name when it cannot. */
export async function readUserFile(flag: string, file: string): Promise<string> {
  try {
    return await readFile(resolve(file), 'utf8');
  } catch {
    throw AppError.invalidField(flag, `${file} is not a readable file`);
  }
}

export async function readJsonFile(flag: string, file: string): Promise<unknown> {
  const text = await readUserFile(flag, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw AppError.invalidField(flag, `${file} is not JSON: ${(error as Error).message}`);
  }
}

export async function writeUserFile(flag: string, file: string, content: string): Promise<void> {
  try {
    await writeFile(resolve(file), content);
  } catch (error) {
    throw AppError.invalidField(flag, `cannot write ${file}: ${(error as Error).message}`);
  }
}

/** "a,b, c" → ["a", "b", "c"]; undefined stays undefined. */
export function list(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Drops undefined entries, so flags not given do not override a --file body. */
export function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/**
 * parseAsFlags for bodies with list fields: names an offending field by the flag the user typed,
 * also for an entry of a list (`organizationRoles.0` → `--roles`, entry 1).
 */
export function parseFlags<T extends z.ZodType>(schema: T, value: unknown, flags: Record<string, string>): z.infer<T> {
  try {
    return parseWith(schema, value, 'options');
  } catch (error) {
    if (!isAppError(error) || !error.details.fields) throw error;
    const fields = error.details.fields.map((f) => {
      const [head, ...rest] = f.field.split('.');
      const flag = head ? flags[head] : undefined;
      if (!flag) return f;
      return { field: flag, reason: rest.length && /^\d+$/.test(rest[0]!) ? `entry ${Number(rest[0]) + 1} ${f.reason}` : f.reason };
    });
    throw new AppError(error.code, `invalid options: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`, { ...error.details, fields });
  }
}
