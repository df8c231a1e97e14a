// Cross-site request forgery guards for the cookie-authenticated routes (/api/interviewer/*). The
// cookies are SameSite=Strict already; these close what SameSite leaves open (old browsers, a sibling
// subdomain counting as same-site, a future cookie set more loosely by mistake):
// - sameOriginOnly(): a state change must come from this origin: Sec-Fetch-Site (sent by every current
//   browser) must say same-origin, or, without it, Origin must name this host. Also for sign-in and
//   accepting an invitation, which have no session yet (login CSRF).
// - csrfToken(): a state change in a session must carry X-IB-CSRF, the session's own token, which the
//   page reads from the ib_csrf cookie. A cross-site page can neither read that cookie nor send a
//   custom header without a CORS preflight, which this server never grants. Only its hash is stored.
// Device routes use bearer tokens in the Authorization header, never cookies, so a browser never
// attaches them to a forged request: they are not CSRF-able and do not use these guards.
import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { hashToken } from '../../auth/tokens.ts';
import { ApiError } from '../../errors.ts';
import { CSRF_HEADER } from '../../protocol/index.ts';
import type { SessionEnv } from '../session-auth/session-auth.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const CROSS_SITE = 'This request came from another site, so it was refused. Use Interview Buddy from its own address.';

export function sameOriginOnly() {
  return createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      if (site !== undefined) {
        if (site !== 'same-origin') throw new ApiError(403, 'cross_site', CROSS_SITE);
      } else {
        const origin = c.req.header('origin');
        if (origin !== undefined && !originIsOurs(origin, c.req.url, c.req.header('host'), c.req.header('x-forwarded-host'))) {
          throw new ApiError(403, 'cross_site', CROSS_SITE);
        }
      }
    }
    await next();
  });
}

function originIsOurs(origin: string, requestUrl: string, host: string | undefined, forwardedHost: string | undefined): boolean {
  if (!URL.canParse(origin)) return false;
  const originHost = new URL(origin).host;
  return originHost === new URL(requestUrl).host || originHost === host || originHost === forwardedHost;
}

export function csrfToken() {
  return createMiddleware<SessionEnv>(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER);
      if (!sent || !sameHash(hashToken(sent), c.get('session').csrfHash)) {
        throw new ApiError(403, 'csrf_failed', 'The page that sent this request could not prove it is Interview Buddy (the anti-forgery token was missing or wrong). Reload the page and try again.');
      }
    }
    await next();
  });
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
