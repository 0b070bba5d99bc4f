import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from './http-env.js';

/**
 * The database-backed intake limit (AIMS_INTAKE_RATE_LIMIT per minute), per caller: one API token,
 * or one person in one organization. Shared by every server process. Mount it after requireActor
 * and the permission check, on routes that take data in (evidence upload; monitoring data later).
 */
export function intakeRateLimit(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const actor = c.var.actor;
    const key = actor.tokenId ? `token:${actor.tokenId}` : `user:${actor.organizationId}:${actor.userId ?? actor.label}`;
    await c.var.deps.intakeLimiter.consume(c.var.deps, key);
    return next();
  };
}
