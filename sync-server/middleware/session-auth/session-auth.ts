// Interviewer sessions: an opaque token in an HttpOnly cookie, looked up by its hash on every request.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { hashToken } from '../../auth/tokens.ts';
import type { Store, User } from '../../db/store.ts';
import { ApiError } from '../../errors.ts';

export const SESSION_COOKIE = 'ib_session';

export type SessionEnv = { Variables: { user: User } };

export function sessionAuth(store: Pick<Store, 'findSessionUser'>, clock: () => Date) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? await store.findSessionUser(hashToken(token), clock().toISOString()) : null;
    if (!user) throw new ApiError(401, 'signed_out', 'You are signed out. Sign in again.');
    c.set('user', user);
    await next();
  });
}
