import { timingSafeEqual } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { initializeOrganization } from '../../app/identity/initialize-organization.js';
import { getSetupStatus } from '../../app/identity/get-setup-status.js';
import { HealthSchema } from '../../contracts/common.contracts.js';
import { OrganizationSchema, SetupInputSchema, SetupStatusSchema, UserSchema } from '../../contracts/identity.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';

/**
 * Unauthenticated routes: health, and the first-run setup. Setup works only while no organization
 * exists, and only with the one-time code the server printed at start, so whoever reaches a fresh
 * server first over the network cannot claim it.
 */
export function publicRoutes(options: { setupCode: () => string | undefined; onInitialized?: () => void }) {
  const router = createRouter();

  router.openapi(
    createRoute({ method: 'get', path: '/health', tags: ['system'], summary: 'Liveness', responses: { 200: jsonResponse(HealthSchema, 'Up') } }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );

  router.openapi(
    createRoute({ method: 'get', path: '/setup', tags: ['system'], summary: 'Whether first-run setup has been done', responses: { 200: jsonResponse(SetupStatusSchema, 'Setup status') } }),
    async (c) => c.json(await getSetupStatus(c.var.deps), 200),
  );

  router.openapi(
    createRoute({
      method: 'post', path: '/setup', tags: ['system'], summary: 'First run: create the first organization and its admin',
      request: jsonBody(SetupInputSchema),
      responses: { 201: jsonResponse(z.object({ organization: OrganizationSchema, admin: UserSchema }), 'Initialized'), ...errorResponses(400, 403, 409) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const expected = options.setupCode();
      if (!expected || !sameCode(input.setupCode, expected)) {
        throw new AppError('FORBIDDEN', 'setupCode: wrong setup code; use the one the server printed when it started', { fields: [{ field: 'setupCode', reason: 'does not match' }] });
      }
      const result = await initializeOrganization(c.var.deps, {
        organizationName: input.organizationName,
        adminEmail: input.adminEmail,
        adminName: input.adminName,
        adminPassword: input.adminPassword,
      });
      options.onInitialized?.();
      return c.json(result, 201);
    },
  );
  return router;
}

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given.trim());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
