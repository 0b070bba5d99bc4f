import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

/**
 * A real OpenID provider (oidc-provider) on loopback, behind a small proxy that is the issuer URL.
 * The proxy can alter the ID token in the token response (`tamper`) and can be stopped (`down`).
 * Logging in is automatic: the next authorization logs in as `nextLogin` and grants what is asked.
 */
export async function startTestProvider(options: { clientId: string; clientSecret?: string; redirectUri: string }) {
  const accounts = new Map<string, TestAccount>();
  const state = { nextLogin: '', tamper: false };

  const upstream = createServer();
  await listen(upstream);
  const proxy = createServer();
  await listen(proxy);
  const issuer = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        ...(options.clientSecret ? { client_secret: options.clientSecret } : { token_endpoint_auth_method: 'none' }),
        redirect_uris: [options.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ['test-only-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, ...(accounts.get(id) ?? {}) }) }),
  });
  (provider as unknown as { proxy: boolean }).proxy = true;
  const callback = provider.callback();

  upstream.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: state.nextLogin } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  proxy.on('request', (req, res) => {
    void (async () => {
      const body = await readBody(req);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && k !== 'host' && k !== 'content-length') headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      // The provider builds its endpoint URLs from the forwarded host, so every step comes through here.
      headers.set('x-forwarded-host', new URL(issuer).host);
      headers.set('x-forwarded-proto', 'http');
      const answer = await fetch(`${upstreamUrl}${req.url}`, { method: req.method, headers, body: body.length ? new Uint8Array(body) : undefined, redirect: 'manual' });
      let out = Buffer.from(await answer.arrayBuffer());
      if (state.tamper && req.url?.startsWith('/token') && answer.ok) {
        const tokens = JSON.parse(out.toString()) as { id_token: string };
        const [h, payload, sig] = tokens.id_token.split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
        claims.groups = ['aims-admins'];
        claims.email = 'mallory@example.com';
        tokens.id_token = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), sig].join('.');
        out = Buffer.from(JSON.stringify(tokens));
      }
      const outHeaders: Record<string, string | string[]> = {};
      answer.headers.forEach((v, k) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding', 'set-cookie', 'connection', 'keep-alive'].includes(k)) outHeaders[k] = v;
      });
      const cookies = answer.headers.getSetCookie();
      if (cookies.length) outHeaders['set-cookie'] = cookies;
      res.writeHead(answer.status, outHeaders);
      res.end(out);
    })().catch((error: unknown) => {
      res.statusCode = 502;
      res.end(String(error));
    });
  });

  return {
    issuer,
    upstreamIssuerUrl: upstreamUrl,
    accounts,
    state,
    /** Stops the issuer URL (the proxy): the provider is then down for OpenAIMS. */
    down: () => close(proxy),
    close: async () => {
      await close(proxy).catch(() => {});
      await close(upstream);
    },
  };
}

/**
 * Plays the browser from an OpenAIMS start URL's redirect to the provider and back: follows the
 * provider's redirects with its cookies until it sends the browser to `redirectUri`; returns that URL.
 */
export async function authorizeAtProvider(authorizationUrl: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectUri)) return new URL(url);
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url} with ${response.status}: ${await response.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
