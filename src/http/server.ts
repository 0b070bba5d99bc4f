import { serve, type ServerType } from '@hono/node-server';
import type { AppDeps } from '../app/shared/context.js';
import { randomSecret } from '../app/shared/secrets.js';
import { getSetupStatus } from '../app/identity/get-setup-status.js';
import { createHttpApp, defaultWebRoot } from './app.js';

export interface ServeOptions {
  port: number;
  host: string;
  secureCookies?: boolean | undefined;
  webRoot?: string | undefined;
  metricsToken?: string | undefined;
}

export interface RunningServer {
  server: ServerType;
  url: string;
  /** Present while the installation has no organization yet. */
  setupCode: string | undefined;
  /** Stops taking requests (/ready turns 503 first) and waits up to `timeoutMs` for those in flight. */
  close(timeoutMs?: number): Promise<void>;
}

const LOOPBACK = /^(127\.|localhost$|::1$|\[::1\]$)/;

/** Starts the HTTP server. On an empty installation it prints a one-time setup code for the first-run page. */
export async function startServer(deps: AppDeps, options: ServeOptions): Promise<RunningServer> {
  let setupCode: string | undefined = (await getSetupStatus(deps)).initialized ? undefined : randomSecret(9);
  let draining = false;
  const app = createHttpApp(deps, {
    isDraining: () => draining,
    metricsToken: options.metricsToken,
    secureCookies: options.secureCookies ?? !LOOPBACK.test(options.host),
    setupCode: () => setupCode,
    onInitialized: () => {
      setupCode = undefined;
    },
    webRoot: options.webRoot ?? defaultWebRoot(),
  });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  deps.logger.info({ url }, 'OpenAIMS is listening');
  if (setupCode) {
    // The code itself goes only to the operator's terminal (aims serve prints it), never into shipped logs.
    deps.logger.warn({ setupUrl: `${url}/setup` }, `no organization yet: open ${url}/setup with the setup code shown at start, or run "aims init"`);
  }
  return {
    server,
    url,
    get setupCode() {
      return setupCode;
    },
    close: async (timeoutMs = 25_000) => {
      draining = true;
      setupCode = undefined;
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      // Idle keep-alive connections would hold close() open; requests in flight are let finish.
      const http = server as ServerType & { closeIdleConnections?: () => void; closeAllConnections?: () => void };
      http.closeIdleConnections?.();
      const sweep = setInterval(() => http.closeIdleConnections?.(), 250);
      const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
      try {
        if ((await Promise.race([closed.then(() => 'closed' as const), deadline])) === 'timeout') {
          deps.logger.warn({ timeoutMs }, 'requests still running at the shutdown deadline were cut off');
          http.closeAllConnections?.();
          await closed;
        }
      } finally {
        clearInterval(sweep);
      }
    },
  };
}
