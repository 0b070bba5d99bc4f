import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { configureSso, getSsoSettings } from '../../app/sso/configure-sso.js';
import { completeSsoLogin, startSsoLogin } from '../../app/sso/sso-login.js';
import { ConfigureSsoInputSchema, SsoCallbackQuerySchema, SsoSettingsSchema, SsoStartParamsSchema, SsoStartQuerySchema } from '../../contracts/sso.contracts.js';
import type { HttpEnv } from '../http-env.js';
import { SECURED, createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';
import { setSessionCookie } from './session.routes.js';

/** Where the provider sends the browser back: AIMS_PUBLIC_URL behind a proxy, else this request's own origin. */
function redirectUri(c: Context<HttpEnv>): string {
  return `${c.var.deps.settings.publicUrl ?? new URL(c.req.url).origin}/api/v1/auth/sso/callback`;
}

/** Public: the browser's side of single sign-on (OpenID Connect authorization code + PKCE). */
export function ssoLoginRoutes(options: { secureCookies: boolean }) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get', path: '/auth/sso/{organizationId}/start', tags: ['auth'], summary: "Start a single sign-on login at the organization's identity provider (redirects there)",
      request: { params: SsoStartParamsSchema, query: SsoStartQuerySchema },
      responses: { 302: { description: "Redirect to the identity provider's authorization endpoint" }, ...errorResponses(400, 404), 503: { description: 'The identity provider is not reachable' } },
    }),
    async (c) => {
      const { authorizationUrl } = await startSsoLogin(c.var.deps, c.req.valid('param').organizationId, redirectUri(c), c.req.valid('query').returnTo);
      return c.redirect(authorizationUrl, 302);
    },
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/auth/sso/callback', tags: ['auth'], summary: 'Where the identity provider sends the browser back; sets the session cookie and redirects into the app',
      request: { query: SsoCallbackQuerySchema },
      responses: { 302: { description: 'Logged in; redirect to the page the login started from' }, ...errorResponses(400, 401, 403, 409), 503: { description: 'The identity provider is not reachable' } },
    }),
    async (c) => {
      const { sessionSecret, session, returnTo } = await completeSsoLogin(c.var.deps, new URL(c.req.url), redirectUri(c));
      setSessionCookie(c, sessionSecret, session.expiresAt, options.secureCookies);
      return c.redirect(returnTo, 302);
    },
  );
  return router;
}

/** Admin: the organization's identity provider settings. */
export function ssoAdminRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({ method: 'get', path: '/sso', tags: ['sso'], summary: "The organization's single sign-on settings (never the client secret)", security: SECURED, responses: { 200: jsonResponse(SsoSettingsSchema, 'Settings'), ...errorResponses(401, 403, 404) } }),
    async (c) => c.json(await getSsoSettings(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({
      method: 'put', path: '/sso', tags: ['sso'], summary: "Set the organization's identity provider, role mapping, and whether password login stays on", security: SECURED,
      request: jsonBody(ConfigureSsoInputSchema), responses: { 200: jsonResponse(SsoSettingsSchema, 'Saved'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await configureSso(c.var.deps, c.var.actor, c.req.valid('json')), 200),
  );
  return router;
}
