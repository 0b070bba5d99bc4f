import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from './http-env.js';

/** A request id a proxy may already have set: short and plain, or we make our own. */
const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * One JSON log line per request: writes and failures at info (they matter to operators), plain
 * reads at debug (a busy read path would otherwise drown the log and slow the server). Every line
 * carries a request id, taken from X-Request-Id when a proxy set a plain one, and echoed back in
 * the response, so a user's report can be found in the log. Also feeds the request metrics.
 */
export function requestLog(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    await next();
    const status = c.res.status;
    const seconds = (performance.now() - started) / 1000;
    const deps = c.var.deps;
    // The matched route pattern, not the path: ids would make a label per record.
    deps.metrics.observeRequest(c.req.method, c.req.routePath || 'unmatched', status, seconds);
    const quiet = (c.req.method === 'GET' || c.req.method === 'HEAD') && status < 400;
    const level = status >= 500 ? 'error' : quiet ? 'debug' : 'info';
    if (!deps.logger.isLevelEnabled(level)) return;
    deps.logger[level]({ requestId, method: c.req.method, path: c.req.path, status, ms: Math.round(seconds * 1000), actor: c.var.actor?.label }, 'request');
  };
}
