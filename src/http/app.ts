import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from '../app/shared/context.js';
import { AppError } from '../domain/shared/app-error.js';
import { requireActor } from './auth.middleware.js';
import { errorResponse } from './error-handler.js';
import type { HttpEnv } from './http-env.js';
import { evidenceRoutes } from './routes/evidence.routes.js';
import { monitoringRoutes } from './routes/monitoring.routes.js';
import { identityRoutes } from './routes/identity.routes.js';
import { sessionRoutes } from './routes/session.routes.js';
import { publicRoutes } from './routes/setup.routes.js';
import { trailRoutes } from './routes/trail.routes.js';
import { catalogRoutes } from './routes/catalog.routes.js';
import { soaRoutes } from './routes/soa.routes.js';
import { impactRoutes } from './routes/impact.routes.js';
import { riskRoutes } from './routes/risk.routes.js';
import { systemRoutes } from './routes/systems.routes.js';
import { inventoryAssetRoutes } from './routes/inventory-assets.routes.js';
import { inventoryExchangeRoutes } from './routes/inventory-exchange.routes.js';
import { apiDocsPage } from './api-docs.js';
import { requestLog } from './request-log.middleware.js';
import { metricsHandler } from './metrics.js';
import { jobRoutes, readinessRoutes } from './routes/operations.routes.js';
import { ssoAdminRoutes, ssoLoginRoutes } from './routes/sso.routes.js';

export interface HttpOptions {
  secureCookies: boolean;
  /** The one-time first-run code, while no organization exists. */
  setupCode?: () => string | undefined;
  /** Called once first-run setup has succeeded, so the code can be spent. */
  onInitialized?: () => void;
  /** Where the built web app lives; absent in API-only tests. */
  webRoot?: string | undefined;
  /** True while the process shuts down: /ready answers 503 so load balancers stop sending traffic. */
  isDraining?: () => boolean;
  /** When set, GET /metrics needs `Authorization: Bearer <this>` (AIMS_METRICS_TOKEN). */
  metricsToken?: string | undefined;
}

const JSON_BODY_LIMIT = 1024 * 1024;
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/** Builds the HTTP app: REST API under /api/v1, its OpenAPI document and docs page, and the web app at /. */
export function createHttpApp(deps: AppDeps, options: HttpOptions) {
  const app = new OpenAPIHono<HttpEnv>();
  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) => errorResponse(c, new AppError('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`)));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestLog());
  app.use('*', (c, next) =>
    // The API docs page boots Swagger UI with one inline script; everything else runs under a strict policy.
    secureHeaders({ contentSecurityPolicy: c.req.path === '/api/docs' ? undefined : CONTENT_SECURITY_POLICY })(c, next),
  );

  const api = new OpenAPIHono<HttpEnv>();
  const jsonBodyLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `the request body is larger than ${JSON_BODY_LIMIT} bytes`);
    },
  });
  api.use('*', async (c, next) => {
    // Reads carry no body; checking one would make the adapter build a full Request for nothing.
    if (BODYLESS_METHODS.has(c.req.method) || (c.req.path.endsWith('/evidence') && c.req.method === 'POST')) return next();
    // Prediction logs and labels are streamed with their own limit (settings.maxIngestBytes).
    if (c.req.method === 'POST' && /\/systems\/[^/]+\/(predictions|labels)$/.test(c.req.path)) return next();
    return jsonBodyLimit(c, next);
  });
  api.route('/', readinessRoutes({ isDraining: options.isDraining ?? (() => false) }));
  api.route('/', publicRoutes({ setupCode: options.setupCode ?? (() => undefined), onInitialized: options.onInitialized }));
  api.route('/', sessionRoutes({ secureCookies: options.secureCookies }));
  api.route('/', ssoLoginRoutes({ secureCookies: options.secureCookies }));
  api.use('*', async (c, next) => {
    // Everything after this point needs a caller, except the OpenAPI document.
    if (c.req.path.endsWith('/openapi.json')) return next();
    return requireActor()(c, next);
  });
  api.route('/', identityRoutes());
  api.route('/', trailRoutes());
  api.route('/', evidenceRoutes({ maxUploadBytes: deps.settings.maxUploadBytes }));
  api.route('/', catalogRoutes());
  api.route('/', soaRoutes());
  api.route('/', impactRoutes());
  api.route('/', riskRoutes());
  api.route('/', systemRoutes());
  api.route('/', inventoryAssetRoutes());
  api.route('/', inventoryExchangeRoutes());
  api.route('/', jobRoutes());
  api.route('/', ssoAdminRoutes());
  api.route('/', monitoringRoutes());
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', description: 'An API token from `aims token create`' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', { type: 'apiKey', in: 'cookie', name: 'aims_session', description: 'The web session; writes also need X-CSRF-Token' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'OpenAIMS API', version: '1', description: 'REST API of OpenAIMS, an ISO/IEC 42001 AI management system. Errors are { error: { code, message, details } }; lists use cursor pagination.', license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' } },
    servers: [{ url: '/api/v1' }],
  });
  app.route('/api/v1', api);
  app.get('/metrics', metricsHandler(options.metricsToken));
  app.get('/api/docs', (c) => c.html(apiDocsPage('/api/v1/openapi.json')));
  app.use('/api/docs/assets/*', serveStatic({ root: swaggerUiRoot(), rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, '') }));

  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) mountWeb(app, options.webRoot);
  return app;
}

function mountWeb(app: OpenAPIHono<HttpEnv>, webRoot: string) {
  const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
  app.use('/assets/*', serveStatic({ root: webRoot }));
  app.get('/favicon.svg', serveStatic({ path: join(webRoot, 'favicon.svg') }));
  // Client-side routes all load the same page.
  app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)));
}

function swaggerUiRoot(): string {
  return dirname(fileURLToPath(import.meta.resolve('swagger-ui-dist/package.json')));
}

/** Where `vite build` puts the web app, relative to this module in source and in the bundle. */
export function defaultWebRoot(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [resolve(here, 'web'), resolve(here, '../../dist/web'), resolve(here, '../dist/web')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return undefined;
}
