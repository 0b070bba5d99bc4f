import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from './http-env.js';

/**
 * One JSON log line per request: writes and failures at info (they matter to operators), plain
 * reads at debug (a busy read path would otherwise drown the log and slow the server).
 */
export function requestLog(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const quiet = (c.req.method === 'GET' || c.req.method === 'HEAD') && status < 400;
    const level = status >= 500 ? 'error' : quiet ? 'debug' : 'info';
    const logger = c.var.deps.logger;
    if (!logger.isLevelEnabled(level)) return;
    logger[level]({ method: c.req.method, path: c.req.path, status, ms: Math.round(performance.now() - started), actor: c.var.actor?.label }, 'request');
  };
}
