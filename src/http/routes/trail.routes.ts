import { createRoute } from '@hono/zod-openapi';
import { listTrailEvents } from '../../app/trail/list-trail-events.js';
import { verifyOrganizationTrail } from '../../app/trail/verify-trail.js';
import { pageSchema } from '../../contracts/common.contracts.js';
import { TrailEventSchema, TrailQuerySchema, TrailVerificationSchema } from '../../contracts/trail.contracts.js';
import { SECURED, createRouter, errorResponses, jsonResponse } from '../openapi-router.js';

/** The organization's hash-chained trail. */
export function trailRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get', path: '/trail', tags: ['trail'], summary: 'List trail events, newest first, filtered by entity, actor and time', security: SECURED,
      request: { query: TrailQuerySchema }, responses: { 200: jsonResponse(pageSchema(TrailEventSchema), 'A page of events'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listTrailEvents(c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/trail/verify', tags: ['trail'], summary: "Verify the organization's hash chain and its records against what the trail recorded", security: SECURED, responses: { 200: jsonResponse(TrailVerificationSchema, 'Verification result'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await verifyOrganizationTrail(c.var.deps, c.var.actor), 200),
  );
  return router;
}
