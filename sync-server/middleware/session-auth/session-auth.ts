// Interviewer sessions: an opaque, short-lived access token in an HttpOnly cookie, looked up by its
// hash on every request. An expired access token answers `expired`, which tells the page to spend its
// refresh token (POST /api/interviewer/refresh) and retry; anything else unknown is `signed_out`.
// Also checks the role for admin-only routes.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { hashToken } from '../../auth/tokens.ts';
import type { LiveSession, Store, User } from '../../db/store.ts';
import { ApiError } from '../../errors.ts';
import { ACCESS_COOKIE } from '../../protocol/index.ts';

export type SessionEnv = { Variables: { user: User; session: LiveSession } };

export function sessionAuth(store: Pick<Store, 'findAccessSession'>, clock: () => Date) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const token = getCookie(c, ACCESS_COOKIE);
    const found = token ? await store.findAccessSession(hashToken(token), clock().toISOString()) : null;
    if (!found?.ok) {
      if (found?.reason === 'expired') throw new ApiError(401, 'expired', 'Your sign-in needs renewing. Reload the page, or sign in again.');
      throw new ApiError(401, 'signed_out', 'You are signed out. Sign in again.');
    }
    c.set('user', found.session.user);
    c.set('session', found.session);
    await next();
  });
}

export function adminOnly() {
  return createMiddleware<SessionEnv>(async (c, next) => {
    if (c.get('user').role !== 'admin') throw new ApiError(403, 'admin_only', 'Only an admin of your organisation can do this. Ask one of them.');
    await next();
  });
}
