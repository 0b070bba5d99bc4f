import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { logIn } from '../../app/identity/log-in.js';
import { logOut } from '../../app/identity/log-out.js';
import { LoginInputSchema, SessionSchema, SwitchOrganizationInputSchema } from '../../contracts/identity.contracts.js';
import { switchOrganization } from '../../app/identity/switch-organization.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Context } from 'hono';
import { SESSION_COOKIE, requireActor } from '../auth.middleware.js';
import { SECURED, createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';

export function setSessionCookie(c: Context, secret: string, expiresAt: string, secure: boolean) {
  setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires: new Date(expiresAt) });
}

/** Log in and out with the session cookie (httpOnly, SameSite=Lax, Secure off loopback). */
export function sessionRoutes(options: { secureCookies: boolean }) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post', path: '/auth/login', tags: ['auth'], summary: 'Log in; sets the session cookie and returns the CSRF token',
      request: jsonBody(LoginInputSchema), responses: { 200: jsonResponse(SessionSchema, 'Logged in'), ...errorResponses(400, 401, 429) },
    }),
    async (c) => {
      const { sessionSecret, session } = await logIn(c.var.deps, c.req.valid('json'));
      setSessionCookie(c, sessionSecret, session.expiresAt, options.secureCookies);
      return c.json(session, 200);
    },
  );

  router.use('/auth/logout', requireActor());
  router.use('/auth/switch', requireActor());
  router.openapi(
    createRoute({
      method: 'post', path: '/auth/switch', tags: ['auth'], summary: 'Move the session to another of your organizations', security: SECURED,
      request: jsonBody(SwitchOrganizationInputSchema), responses: { 200: jsonResponse(SessionSchema, 'Now in that organization'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      if (!c.var.sessionSecret) throw new AppError('FORBIDDEN', 'switching organization needs the session cookie; an API token is bound to one organization');
      const { sessionSecret, session } = await switchOrganization(c.var.deps, c.var.actor, c.var.sessionSecret, c.req.valid('json').organizationId);
      setSessionCookie(c, sessionSecret, session.expiresAt, options.secureCookies);
      return c.json(session, 200);
    },
  );
  router.openapi(
    createRoute({ method: 'post', path: '/auth/logout', tags: ['auth'], summary: 'End the session', security: SECURED, responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Logged out'), ...errorResponses(401, 403) } }),
    async (c) => {
      if (c.var.sessionSecret) await logOut(c.var.deps, c.var.actor, c.var.sessionSecret);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    },
  );
  return router;
}
