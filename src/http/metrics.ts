import { timingSafeEqual } from 'node:crypto';
import type { Handler } from 'hono';
import { AppError } from '../domain/shared/app-error.js';
import type { HttpEnv } from './http-env.js';

/**
 * Prometheus text format of this process's metrics (requests, latencies, jobs, intake, alerts,
 * Node runtime). Counts only, no tenant data; still, set AIMS_METRICS_TOKEN when the port is
 * reachable from outside the monitoring network.
 */
export function metricsHandler(token: string | undefined): Handler<HttpEnv> {
  return async (c) => {
    if (token) {
      const given = Buffer.from(c.req.header('authorization') ?? '');
      const expected = Buffer.from(`Bearer ${token}`);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('UNAUTHENTICATED', 'metrics need Authorization: Bearer <AIMS_METRICS_TOKEN>');
    }
    const registry = c.var.deps.metrics.registry;
    return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
  };
}
