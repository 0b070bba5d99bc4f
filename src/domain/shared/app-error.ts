/**
 * The one error type of OpenAIMS. Use cases and domain code throw it; each transport maps
 * the code to its own signal (HTTP status in `http/error-status.ts`, exit code in the CLI).
 */
export const ERROR_CODES = [
  /** Input failed validation: a field is missing, malformed, of the wrong type or out of range. */
  'VALIDATION_FAILED',
  /** The request body is not parseable (malformed JSON, broken multipart). */
  'MALFORMED_REQUEST',
  /** No valid credentials: missing, wrong, expired or revoked session or token. */
  'UNAUTHENTICATED',
  /** Authenticated, but the actor's role lacks the permission the operation needs. */
  'FORBIDDEN',
  /** The entity does not exist in the actor's organization (another tenant's ids land here too). */
  'NOT_FOUND',
  /** A unique value is already taken, or the operation conflicts with the current state. */
  'CONFLICT',
  /** The body is sent in a format the route does not take (e.g. JSON where multipart is expected). */
  'UNSUPPORTED_MEDIA_TYPE',
  /** Too many attempts in a short time (failed logins); details.retryAt says when to try again. */
  'RATE_LIMITED',
  /** An upload or body exceeds the configured size limit. */
  'PAYLOAD_TOO_LARGE',
  /** A precondition of the system as a whole is not met (e.g. `init` when an organization exists). */
  'PRECONDITION_FAILED',
  /** An integrity check failed (e.g. a backup whose trail does not verify). */
  'INTEGRITY_FAILED',
  /** A service the request needs (the database, an identity provider) is unreachable now; try again later. */
  'UNAVAILABLE',
  /** Anything unexpected; never carries internal details to the client. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One offending field: a dotted path and the reason it was refused. */
export interface FieldIssue {
  field: string;
  reason: string;
}

export interface ErrorDetails {
  fields?: FieldIssue[];
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** A validation error that names one field and why it was refused. */
  static invalidField(field: string, reason: string): AppError {
    return new AppError('VALIDATION_FAILED', `${field}: ${reason}`, { fields: [{ field, reason }] });
  }

  static notFound(entity: string, id: string): AppError {
    return new AppError('NOT_FOUND', `${entity} ${id} was not found`, { entity, id });
  }

  static conflict(field: string, reason: string): AppError {
    return new AppError('CONFLICT', `${field}: ${reason}`, { fields: [{ field, reason }] });
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
