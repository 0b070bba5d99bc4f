import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { asUnavailable } from '../app/shared/unavailable.js';
import { AppError, isAppError } from '../domain/shared/app-error.js';
import { HTTP_STATUS } from './error-status.js';
import type { HttpEnv } from './http-env.js';

/** Every error leaves as `{ error: { code, message, details } }` with the status from the one table. */
export function errorResponse(c: Context<HttpEnv>, error: unknown): Response {
  const appError = toAppError(c, error);
  if (appError.code === 'INTERNAL' || appError.code === 'INTEGRITY_FAILED') {
    c.var.deps?.logger.error({ err: error, path: c.req.path, requestId: c.var.requestId }, 'request failed');
  }
  const body = { error: { code: appError.code, message: appError.message, details: appError.details } };
  if (appError.code === 'UNAVAILABLE') c.var.deps?.logger.warn({ err: error, path: c.req.path, requestId: c.var.requestId }, 'request failed: a service is unavailable');
  if ((appError.code === 'RATE_LIMITED' || appError.code === 'UNAVAILABLE') && typeof appError.details.retryAfterSeconds === 'number') {
    c.header('Retry-After', String(appError.details.retryAfterSeconds));
  }
  return c.json(body, HTTP_STATUS[appError.code]);
}

function toAppError(c: Context<HttpEnv>, error: unknown): AppError {
  if (isAppError(error)) return error;
  const unavailable = asUnavailable(error);
  if (unavailable) return unavailable;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than the limit');
    if (error.status === 400) return new AppError('MALFORMED_REQUEST', `the request body could not be parsed: ${error.message}`, { fields: [{ field: '(body)', reason: error.message }] });
    if (error.status === 415) {
      return new AppError('UNSUPPORTED_MEDIA_TYPE', `this route does not take a ${c.req.header('content-type') ?? 'missing'} body`, { fields: [{ field: '(body)', reason: 'wrong content type' }] });
    }
    if (error.status === 401) return new AppError('UNAUTHENTICATED', error.message);
  }
  return new AppError('INTERNAL', 'an unexpected error occurred; it has been logged');
}
