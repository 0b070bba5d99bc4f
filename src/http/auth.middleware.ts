import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { authenticateSession, authenticateToken } from '../app/identity/authenticate.js';
import { AppError } from '../domain/shared/app-error.js';
import type { HttpEnv } from './http-env.js';

export const SESSION_COOKIE = 'aims_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Requires a caller: an API token (`Authorization: Bearer …`, for pipelines) or the session cookie
 * (for the web app). Cookie-authenticated writes must echo the session's CSRF token in
 * `X-CSRF-Token`; a token in a header cannot be sent by another site, so it needs none.
 */
export function requireActor(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const deps = c.var.deps;
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new AppError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
      c.set('actor', await authenticateToken(deps, match[1]!));
      return next();
    }
    const secret = getCookie(c, SESSION_COOKIE);
    if (!secret) throw new AppError('UNAUTHENTICATED', 'log in, or send an API token as "Authorization: Bearer <token>"');
    const { actor, csrfToken } = await authenticateSession(deps, secret);
    if (!SAFE_METHODS.has(c.req.method) && !sameSecret(c.req.header('x-csrf-token') ?? '', csrfToken)) {
      throw new AppError('FORBIDDEN', 'missing or wrong X-CSRF-Token header for a write made with the session cookie', { reason: 'csrf' });
    }
    c.set('actor', actor);
    c.set('sessionSecret', secret);
    c.set('csrfToken', csrfToken);
    return next();
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
