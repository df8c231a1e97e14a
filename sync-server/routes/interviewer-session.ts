// Starting an interviewer session (sign-in, accepting an invitation) and the `me` answer, shared by
// the routes that sign someone in.
import type { Context } from 'hono';
import { setSessionCookies } from '../auth/session-cookies.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { Store, User } from '../db/store.ts';
import type { InterviewerMe } from '../protocol/index.ts';

/** Starts a session for `user`: a family row, its first tokens and the three cookies. */
export async function startSession(c: Context, deps: { store: Store; clock: () => Date; sessionTtlMs: number; accessTtlMs: number }, user: User) {
  const now = deps.clock();
  const expires = new Date(now.getTime() + deps.sessionTtlMs);
  const access = newToken('acc');
  const refresh = newToken('ref');
  const csrf = newToken('csrf');
  await deps.store.createAuthSession({
    userId: user.id,
    orgId: user.orgId,
    csrfHash: hashToken(csrf),
    accessHash: hashToken(access),
    accessExpiresAt: new Date(Math.min(now.getTime() + deps.accessTtlMs, expires.getTime())).toISOString(),
    refreshHash: hashToken(refresh),
    expiresAt: expires.toISOString(),
    now: now.toISOString(),
  });
  setSessionCookies(c, { access, refresh, csrf }, expires);
}

export async function meOf(store: Store, user: User): Promise<InterviewerMe> {
  const org = (await store.findOrg(user.orgId))!;
  return { v: 1, user: { id: user.id, email: user.email, name: user.name, role: user.role }, org };
}
