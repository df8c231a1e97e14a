// Interviewer sessions: an opaque, short-lived access token in an HttpOnly cookie, looked up by its
// hash on every request (the session cache, read-cache/session-cache.ts, answers most of those). An expired access token answers `expired`, which tells the page to spend its
// refresh token (POST /api/interviewer/refresh) and retry; anything else unknown is `signed_out`.
// Also checks the role for admin-only routes.
import { createMiddleware } from 'hono/factory';
import type { LiveSession, Store, User } from '../../db/store.ts';
import { ApiError } from '../../errors.ts';
import { accessTokenHashOf } from './access-token-hash.ts';

/** `accessHash`: the hash of the access token that passed, for routes that act on that token (sign-out, the live stream's re-checks). */
export type SessionEnv = { Variables: { user: User; session: LiveSession; accessHash: string } };

export function sessionAuth(store: Pick<Store, 'findAccessSession'>, clock: () => Date) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const accessHash = accessTokenHashOf(c.req.header('cookie'));
    if (!accessHash) throw new ApiError(401, 'signed_out', 'You are signed out. Sign in again.');
    const found = await store.findAccessSession(accessHash, clock().toISOString());
    if (!found.ok) {
      if (found.reason === 'expired') throw new ApiError(401, 'expired', 'Your sign-in needs renewing. Reload the page, or sign in again.');
      throw new ApiError(401, 'signed_out', 'You are signed out. Sign in again.');
    }
    c.set('user', found.session.user);
    c.set('session', found.session);
    c.set('accessHash', accessHash);
    await next();
  });
}

export function adminOnly() {
  return createMiddleware<SessionEnv>(async (c, next) => {
    if (c.get('user').role !== 'admin') throw new ApiError(403, 'admin_only', 'Only an admin of your organisation can do this. Ask one of them.');
    await next();
  });
}
