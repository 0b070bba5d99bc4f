import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { addUser } from '../../app/identity/add-user.js';
import { describeActor } from '../../app/identity/authenticate.js';
import { createApiToken } from '../../app/identity/create-api-token.js';
import { createOrganization } from '../../app/identity/create-organization.js';
import { listApiTokens } from '../../app/identity/list-api-tokens.js';
import { listUsers } from '../../app/identity/list-users.js';
import { listMyOrganizations } from '../../app/identity/list-my-organizations.js';
import { revokeApiToken } from '../../app/identity/revoke-api-token.js';
import { changeMemberAccess } from '../../app/identity/change-member-access.js';
import { removeMember } from '../../app/identity/remove-member.js';
import { IdSchema, PageQuerySchema, pageSchema } from '../../contracts/common.contracts.js';
import {
  AddUserInputSchema,
  ApiTokenSchema,
  CreateApiTokenInputSchema,
  CreatedApiTokenSchema,
  CreateOrganizationInputSchema,
  MeSchema,
  MyOrganizationSchema,
  OrganizationSchema,
  UpdateUserInputSchema,
  UserSchema,
} from '../../contracts/identity.contracts.js';
import { SECURED, createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';

const IdParams = z.object({ id: IdSchema });

/** People, organizations and API tokens of the caller's organization. Requires an authenticated caller. */
export function identityRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({ method: 'get', path: '/me', tags: ['identity'], summary: 'Who am I: user, organization, role, permissions', security: SECURED, responses: { 200: jsonResponse(MeSchema, 'The caller'), ...errorResponses(401) } }),
    async (c) => {
      const me = await describeActor(c.var.deps, c.var.actor);
      // Readable only by same-origin script (no CORS), so handing it back does not help another site.
      return c.json(c.var.csrfToken ? { ...me, csrfToken: c.var.csrfToken } : me, 200);
    },
  );

  router.openapi(
    createRoute({ method: 'get', path: '/me/organizations', tags: ['identity'], summary: 'The organizations you can enter, with your role in each', security: SECURED, responses: { 200: jsonResponse(z.array(MyOrganizationSchema), 'Your organizations'), ...errorResponses(401) } }),
    async (c) => c.json(await listMyOrganizations(c.var.deps, c.var.actor), 200),
  );

  router.openapi(
    createRoute({
      method: 'post', path: '/organizations', tags: ['identity'], summary: 'Create a further organization (admin; the caller becomes its admin)', security: SECURED,
      request: jsonBody(CreateOrganizationInputSchema),
      responses: { 201: jsonResponse(OrganizationSchema, 'Created'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await createOrganization(c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({ method: 'get', path: '/users', tags: ['identity'], summary: "List the organization's members", security: SECURED, request: { query: PageQuerySchema }, responses: { 200: jsonResponse(pageSchema(UserSchema), 'A page of members'), ...errorResponses(400, 401, 403) } }),
    async (c) => c.json(await listUsers(c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({ method: 'post', path: '/users', tags: ['identity'], summary: 'Add a user with a role (admin)', security: SECURED, request: jsonBody(AddUserInputSchema), responses: { 201: jsonResponse(UserSchema, 'Added'), ...errorResponses(400, 401, 403, 409) } }),
    async (c) => c.json(await addUser(c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({ method: 'patch', path: '/users/{id}', tags: ['identity'], summary: "Change a member's role or access end (admin)", security: SECURED, request: { params: IdParams, ...jsonBody(UpdateUserInputSchema) }, responses: { 200: jsonResponse(UserSchema, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await changeMemberAccess(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({ method: 'delete', path: '/users/{id}', tags: ['identity'], summary: 'Remove a member: sessions end, tokens are revoked (admin)', security: SECURED, request: { params: IdParams }, responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => {
      await removeMember(c.var.deps, c.var.actor, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({ method: 'get', path: '/tokens', tags: ['identity'], summary: 'List API tokens, without secrets (admin)', security: SECURED, request: { query: PageQuerySchema }, responses: { 200: jsonResponse(pageSchema(ApiTokenSchema), 'A page of tokens'), ...errorResponses(400, 401, 403) } }),
    async (c) => c.json(await listApiTokens(c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({ method: 'post', path: '/tokens', tags: ['identity'], summary: 'Create an API token; the secret is shown once (admin)', security: SECURED, request: jsonBody(CreateApiTokenInputSchema), responses: { 201: jsonResponse(CreatedApiTokenSchema, 'Created, with its secret'), ...errorResponses(400, 401, 403, 409) } }),
    async (c) => c.json(await createApiToken(c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({ method: 'post', path: '/tokens/{id}/revoke', tags: ['identity'], summary: 'Revoke an API token (admin)', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(ApiTokenSchema, 'Revoked'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await revokeApiToken(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );

  return router;
}
