import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { parseWith } from '../contracts/parse.js';
import type { ErrorCode } from '../domain/shared/app-error.js';
import { AppError, isAppError } from '../domain/shared/app-error.js';

/** Where a command reads and writes; tests pass buffers, the binary passes the process's streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Asks for a secret on a terminal; undefined when there is no terminal to ask on. */
  promptSecret?: (question: string) => Promise<string>;
}

/** 0 ok, 1 a check failed (or a gate blocked), 2 usage or input error, 3 an internal error (a bug or an outage, not a verdict). */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, internal: 3 } as const;

/** The CLI's one table from error code to exit code: 1 when a check failed, 2 for usage or input. */
const EXIT_FOR: Record<ErrorCode, number> = {
  VALIDATION_FAILED: EXIT.usage,
  MALFORMED_REQUEST: EXIT.usage,
  UNAUTHENTICATED: EXIT.usage,
  FORBIDDEN: EXIT.usage,
  NOT_FOUND: EXIT.usage,
  CONFLICT: EXIT.usage,
  UNSUPPORTED_MEDIA_TYPE: EXIT.usage,
  PAYLOAD_TOO_LARGE: EXIT.usage,
  RATE_LIMITED: EXIT.usage,
  PRECONDITION_FAILED: EXIT.usage,
  INTEGRITY_FAILED: EXIT.checkFailed,
  UNAVAILABLE: EXIT.internal,
  INTERNAL: EXIT.internal,
};

/** Thrown by a command to stop with an exit code after it has printed its result. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function printResult(io: CliIo, json: boolean, value: unknown, text: string): void {
  io.out(json ? JSON.stringify(value, null, 2) : text);
}

/** Prints an error in the form asked for and returns its exit code. */
export function reportError(io: CliIo, json: boolean, error: unknown): number {
  const appError = isAppError(error) ? error : new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
  if (json) {
    io.out(JSON.stringify({ error: { code: appError.code, message: appError.message, details: appError.details } }, null, 2));
  } else {
    io.err(`error: ${appError.message}`);
    const fields = appError.details.fields ?? [];
    if (fields.length > 1) for (const field of fields) io.err(`  ${field.field}: ${field.reason}`);
  }
  return EXIT_FOR[appError.code];
}

/** A secret from an environment variable, else from a prompt, else a clear error naming both. */
export async function readSecret(io: CliIo, envName: string, question: string): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  if (io.promptSecret) return io.promptSecret(question);
  throw AppError.invalidField(envName, `is not set, and there is no terminal to ask on`);
}

/** Reads a line from the terminal without echoing it. */
export function terminalPrompt(): ((question: string) => Promise<string>) | undefined {
  if (!process.stdin.isTTY) return undefined;
  return (question) =>
    new Promise((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(question)) write.call(rl, question);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
}

/**
 * Parses a command's input with an API contract, but names the offending fields as the user typed
 * them (`--access-expires-at`, `AIMS_USER_PASSWORD`) rather than as the contract calls them.
 */
export function parseAsFlags<T extends z.ZodType>(schema: T, value: unknown, flags: Record<string, string>): z.infer<T> {
  try {
    return parseWith(schema, value, 'options');
  } catch (error) {
    if (!isAppError(error) || !error.details.fields) throw error;
    const fields = error.details.fields.map((f) => ({ field: flags[f.field] ?? f.field, reason: f.reason }));
    throw new AppError(error.code, `invalid options: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`, { ...error.details, fields });
  }
}
