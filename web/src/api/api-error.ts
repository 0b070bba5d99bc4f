/** One refused field, as the server names it in `details.fields`. */
export interface FieldError {
  field: string;
  reason: string;
}

/** Why the client lost its session: the server no longer knows us, or we lost the CSRF token. */
export type SessionLoss = 'unauthenticated' | 'csrf';

import { withRoleLabels } from '../lib/roles.js';

/** A failed API call, carrying the server's `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.fields = parseFields(details.fields);
  }

  /** The write was refused because the X-CSRF-Token header was missing or stale. */
  get isCsrf(): boolean {
    return this.status === 403 && this.details.reason === 'csrf';
  }
}

function parseFields(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): FieldError[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, reason } = item as Record<string, unknown>;
    return typeof field === 'string' && typeof reason === 'string' ? [{ field, reason }] : [];
  });
}

/** Builds an ApiError from a response body that may or may not be the documented error shape. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as Record<string, unknown>;
      return new ApiError(
        status,
        typeof code === 'string' ? code : 'UNKNOWN',
        typeof message === 'string' ? message : `request failed with status ${status}`,
        typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
      );
    }
  }
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'UNKNOWN', `request failed with status ${status}`);
}

/** A human sentence for an error of any kind (server messages are lower-case clauses, naming roles by id). */
export function errorMessage(error: unknown): string {
  const text = withRoleLabels(error instanceof Error ? error.message : 'something went wrong');
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
