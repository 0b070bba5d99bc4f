import type { Command } from 'commander';
import { AppError, ERROR_CODES, type ErrorCode } from '../domain/shared/app-error.js';
import type { CliIo } from './cli-io.js';

export interface RemoteOptions {
  url?: string;
  token?: string;
}

/** The server a pipeline command talks to: --url/AIMS_URL and --token/AIMS_TOKEN. */
export interface RemoteServer {
  request<T>(method: string, path: string, body?: BodyInit, headers?: Record<string, string>): Promise<T>;
  /** The response body as text (file exports), errors still decoded from the error body. */
  requestText(method: string, path: string, body?: BodyInit, headers?: Record<string, string>): Promise<string>;
}

/**
 * A client for commands run from another machine (CI jobs, ingestion). It speaks the same API as
 * the web app; the server's error body comes back as the same AppError, so exit codes match.
 */
export function connectRemote(io: CliIo, options: RemoteOptions): RemoteServer {
  const url = options.url ?? io.env.AIMS_URL;
  const token = options.token ?? io.env.AIMS_TOKEN;
  if (!url) throw AppError.invalidField('url', 'give --url or set AIMS_URL to the OpenAIMS server, e.g. https://aims.example.com');
  if (!token) throw AppError.invalidField('token', 'give --token or set AIMS_TOKEN to an API token from "aims token create"');
  let base: URL;
  try {
    base = new URL('/api/v1/', url);
  } catch {
    throw AppError.invalidField('url', `"${url}" is not a URL`);
  }
  async function requestText(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<string> {
    let response: Response;
    try {
      // duplex: a streamed body (monitor ingest) needs it; harmless for the others.
      response = await fetch(new URL(path.replace(/^\//, ''), base), { method, body, headers: { authorization: `Bearer ${token}`, ...headers }, duplex: 'half' } as RequestInit);
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      throw new AppError('INTERNAL', `cannot reach ${base.origin} (${cause?.code ?? cause?.message ?? (error as Error).message}); check --url or AIMS_URL and that the server is running`);
    }
    const text = await response.text();
    if (!response.ok) throw fromErrorBody(response.status, text ? safeJson(text) : undefined);
    return text;
  }
  return {
    requestText,
    async request<T>(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<T> {
      const text = await requestText(method, path, body, headers);
      return (text ? safeJson(text) : undefined) as T;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fromErrorBody(status: number, body: unknown): AppError {
  const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined)?.error;
  const code = (ERROR_CODES as readonly string[]).includes(error?.code ?? '') ? (error!.code as ErrorCode) : 'INTERNAL';
  return new AppError(code, error?.message ?? `the server answered ${status}`, error?.details ?? {});
}

export const REMOTE_HELP = '\nTalks to the server in --url (or AIMS_URL) with the API token in --token (or AIMS_TOKEN), so it also runs from a CI job on another machine; create a token with "aims token create". The token\'s role decides what it may do, and the trail names it.';

/** The flags of a command that talks to a server: --url, --token, and the help line saying so. */
export function withRemoteFlags(command: Command): Command {
  return command.option('--url <url>', 'OpenAIMS server (env AIMS_URL)').option('--token <token>', 'API token (env AIMS_TOKEN)').addHelpText('after', REMOTE_HELP);
}
