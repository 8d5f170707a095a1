import { AUTH_COOKIES, CSRF_HEADER } from '#shared/auth-cookies.js';

/** Reads one cookie visible to scripts; the refresh cookie itself is httpOnly and never visible here. */
export function readCookie(name: string, cookieHeader = document.cookie): string | undefined {
  for (const pair of cookieHeader.split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The CSRF cookie is set beside the refresh cookie, so its absence means there is no session to restore. */
export function hasRefreshableSession(): boolean {
  return readCookie(AUTH_COOKIES.csrf) !== undefined;
}

/** Double-submit header for the cookie-authenticated endpoints (refresh, logout). */
export function csrfHeaders(): Record<string, string> {
  const token = readCookie(AUTH_COOKIES.csrf);
  return token ? { [CSRF_HEADER]: token } : {};
}
