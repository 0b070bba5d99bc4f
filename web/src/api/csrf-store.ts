// The session's CSRF token lives in memory and in sessionStorage, so a reload of the same tab can
// still write. It is not a secret from this page's own scripts; it only proves a write came from it.
const KEY = 'aims.csrfToken';
let current: string | null = readStored();

function readStored(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function getCsrfToken(): string | null {
  return current;
}

export function setCsrfToken(token: string | null): void {
  current = token;
  try {
    if (token) window.sessionStorage.setItem(KEY, token);
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage can be disabled; the in-memory copy still serves this page.
  }
}
