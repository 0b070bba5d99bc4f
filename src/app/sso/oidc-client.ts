import * as oidc from 'openid-client';
import { AppError } from '../../domain/shared/app-error.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;
const DISCOVERY_TIMEOUT_S = 10;

/** https, or http on loopback only (a test or a provider on the same machine). */
export function assertIssuerAllowed(issuer: string): void {
  const url = new URL(issuer);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    throw AppError.invalidField('issuer', 'must be an https URL (http only on loopback)');
  }
}

/**
 * Reads the provider's metadata (OpenID Connect Discovery) at every login: nothing is cached in
 * the process, so any server process can finish a login another began, and a changed provider is
 * picked up at once. openid-client refuses metadata whose issuer differs from the configured one.
 */
export async function discoverProvider(issuer: string, clientId: string, clientSecret: string | undefined): Promise<oidc.Configuration> {
  const url = new URL(issuer);
  // The ID token's signature is checked against the provider's keys (jwks_uri) too, though OIDC Core
  // 3.1.3.7 lets a client trust TLS to the token endpoint instead: a proxy or a bug in between must not pass.
  const options: oidc.DiscoveryRequestOptions = { timeout: DISCOVERY_TIMEOUT_S, execute: [oidc.enableNonRepudiationChecks] };
  if (url.protocol === 'http:') options.execute!.push(oidc.allowInsecureRequests);
  try {
    return await oidc.discovery(url, clientId, clientSecret, clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None(), options);
  } catch (error) {
    throw providerError(error, issuer, 'read its OpenID configuration');
  }
}

/** A provider that cannot be reached is UNAVAILABLE (retry later); one that answers wrongly is refused. */
export function providerError(error: unknown, issuer: string, doing: string): AppError {
  if (error instanceof AppError) return error;
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const unreachable = (error instanceof TypeError && /fetch failed/i.test(message)) || ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET'].includes(cause?.code ?? '') || /timeout|aborted/i.test(message);
  if (unreachable) return new AppError('UNAVAILABLE', `the identity provider ${issuer} is not reachable (could not ${doing}); try again later or use another way to log in`, { issuer, retryAfterSeconds: 30 });
  return new AppError('UNAUTHENTICATED', `single sign-on failed: the identity provider ${issuer} answered in a way OpenAIMS does not accept (${code ?? 'error'}: ${message})`, { issuer, reason: code ?? 'provider_error' });
}

export { oidc };
