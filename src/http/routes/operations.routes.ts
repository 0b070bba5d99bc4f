import { createRoute } from '@hono/zod-openapi';
import { listFailedJobs } from '../../app/background-jobs/list-failed-jobs.js';
import { retryFailedJob } from '../../app/background-jobs/retry-failed-job.js';
import { checkReadiness } from '../../app/system/check-readiness.js';
import { pageSchema } from '../../contracts/common.contracts.js';
import { DeadLetterQuerySchema, DeadLetterSchema, JobIdParamSchema, ReadinessSchema } from '../../contracts/operations.contracts.js';
import { SECURED, createRouter, errorResponses, jsonResponse } from '../openapi-router.js';

/** Public: readiness for load balancers (health is in setup.routes.ts). */
export function readinessRoutes(options: { isDraining: () => boolean }) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get', path: '/ready', tags: ['system'], summary: 'Readiness: the database answers, migrations are applied, the process is not shutting down',
      responses: { 200: jsonResponse(ReadinessSchema, 'Ready for traffic'), 503: jsonResponse(ReadinessSchema, 'Not ready; reason says why') },
    }),
    async (c) => {
      const readiness = await checkReadiness(c.var.deps, options.isDraining());
      return readiness.status === 'ready' ? c.json(readiness, 200) : c.json(readiness, 503);
    },
  );
  return router;
}

/** The organization's failed background jobs (dead letters), and retrying one. */
export function jobRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get', path: '/jobs/failed', tags: ['jobs'], summary: "The organization's background jobs that used up their retries, newest first", security: SECURED,
      request: { query: DeadLetterQuerySchema }, responses: { 200: jsonResponse(pageSchema(DeadLetterSchema), 'A page of failed jobs'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listFailedJobs(c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post', path: '/jobs/failed/{jobId}/retry', tags: ['jobs'], summary: 'Send a failed job again as a new job (once per failed job)', security: SECURED,
      request: { params: JobIdParamSchema }, responses: { 200: jsonResponse(DeadLetterSchema, 'The failed job, with the new job id'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await retryFailedJob(c.var.deps, c.var.actor, c.req.valid('param').jobId), 200),
  );
  return router;
}
