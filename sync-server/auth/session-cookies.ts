// Setting and clearing the three interviewer cookies. Access and refresh tokens are HttpOnly so page
// script (or an injected one) cannot read them; the refresh cookie goes only to the refresh route,
// so it is not sent, and cannot leak, with every API call; the CSRF cookie is readable on purpose:
// the page echoes it in a header, which a cross-site form or fetch cannot do. All SameSite=Strict,
// and Secure when the browser came over https.
// Owns: cookie names' attributes. Must not import: the store.
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ACCESS_COOKIE, CSRF_COOKIE, REFRESH_COOKIE, REFRESH_PATH } from '../protocol/index.ts';

const ACCESS_PATH = '/api';
const CSRF_PATH = '/';

function secure(c: Context): boolean {
  // Behind a TLS-terminating proxy the request reaches us as http; the proxy says what the browser used.
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/**
 * The access cookie lives as long as the session so that, once the token inside is past its 15
 * minutes, the server can answer `expired` (refresh) rather than `signed_out`.
 */
export function setSessionCookies(c: Context, tokens: { access: string; refresh: string; csrf?: string }, sessionExpires: Date): void {
  const base = { httpOnly: true, sameSite: 'Strict', secure: secure(c), expires: sessionExpires } as const;
  setCookie(c, ACCESS_COOKIE, tokens.access, { ...base, path: ACCESS_PATH });
  setCookie(c, REFRESH_COOKIE, tokens.refresh, { ...base, path: REFRESH_PATH });
  if (tokens.csrf) setCookie(c, CSRF_COOKIE, tokens.csrf, { ...base, httpOnly: false, path: CSRF_PATH });
}

export function clearSessionCookies(c: Context): void {
  const options = { secure: secure(c), sameSite: 'Strict' } as const;
  deleteCookie(c, ACCESS_COOKIE, { ...options, path: ACCESS_PATH });
  deleteCookie(c, REFRESH_COOKIE, { ...options, path: REFRESH_PATH });
  deleteCookie(c, CSRF_COOKIE, { ...options, path: CSRF_PATH });
}
