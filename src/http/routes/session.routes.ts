import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { logIn } from '../../app/identity/log-in.js';
import { logOut } from '../../app/identity/log-out.js';
import { LoginInputSchema, SessionSchema } from '../../contracts/identity.contracts.js';
import { SESSION_COOKIE, requireActor } from '../auth.middleware.js';
import { SECURED, createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';

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
      setCookie(c, SESSION_COOKIE, sessionSecret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: options.secureCookies,
        path: '/',
        expires: new Date(session.expiresAt),
      });
      return c.json(session, 200);
    },
  );

  router.use('/auth/logout', requireActor());
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
