import { ApiError, apiErrorFrom, type SessionLoss } from './api-error.js';
import { getCsrfToken } from './csrf-store.js';

export const API_BASE = '/api/v1';

type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data (the browser sets the boundary). */
  form?: FormData;
  /** Sent as-is with its media type (a CSV file for an import). */
  text?: { contentType: string; body: string };
  /** Do not report a 401 as a lost session (the login and me calls handle it themselves). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

let onSessionLost: (reason: SessionLoss) => void = () => {};

/** The app registers what to do when the session is gone: show the login page. */
export function setSessionLostHandler(handler: (reason: SessionLoss) => void): void {
  onSessionLost = handler;
}

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Calls the API with the session cookie. Writes carry the X-CSRF-Token header the server requires
 * for cookie-authenticated requests. Failures throw an ApiError with the server's code and fields.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.json !== undefined || options.form || options.text ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.text) {
    headers['content-type'] = options.text.contentType;
    body = options.text.body;
  } else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (method !== 'GET') {
    const csrf = getCsrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal ?? null });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');
  }

  const payload = await readBody(response);
  if (response.ok) return payload as T;
  const error = apiErrorFrom(response.status, payload);
  if (error.status === 401 && !options.quiet401) onSessionLost('unauthenticated');
  if (error.isCsrf) onSessionLost('csrf');
  throw error;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
