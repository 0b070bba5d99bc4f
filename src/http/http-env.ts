import type { Actor, AppDeps } from '../app/shared/context.js';

/** What middleware puts on the request context for the routes. */
export interface HttpEnv {
  Variables: {
    deps: AppDeps;
    actor: Actor;
    /** Set when the request authenticated with the session cookie (logout needs it). */
    sessionSecret?: string;
    /** The session's CSRF token, which /me hands back to the page that holds the cookie. */
    csrfToken?: string;
    /** Set by the request log; every log line of the request carries it. */
    requestId?: string;
  };
}
