// The interviewer API: sign-in with an HttpOnly session cookie, invite codes, and the organisation's
// synced interviews. Every query is scoped to the signed-in user's organisation.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { verifyPassword } from '../auth/password.ts';
import { hashToken, newInviteCode, newToken } from '../auth/tokens.ts';
import type { Store, User } from '../db/store.ts';
import { ApiError, readJson } from '../errors.ts';
import { jsonOnly } from '../middleware/json-only/json-only.ts';
import { SESSION_COOKIE, sessionAuth, type SessionEnv } from '../middleware/session-auth/session-auth.ts';
import { createInviteRequest, signInRequest, type InterviewerMe } from '../protocol/index.ts';

// Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
const DECOY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

export function interviewerRoutes(store: Store, clock: () => Date, sessionTtlMs: number) {
  const me = async (user: User): Promise<InterviewerMe> => {
    const org = (await store.findOrg(user.orgId))!;
    return { v: 1, user: { id: user.id, email: user.email, name: user.name, role: user.role }, org };
  };

  const signedIn = new Hono<SessionEnv>()
    .use('*', sessionAuth(store, clock))
    .get('/me', async (c) => c.json(await me(c.get('user'))))
    .post('/invites', async (c) => {
      const request = createInviteRequest.parse(await readJson(c));
      const user = c.get('user');
      const expiresAt = new Date(clock().getTime() + request.expiresInDays * 86_400_000).toISOString();
      const invite = await store.createInvite({
        orgId: user.orgId,
        createdBy: user.id,
        code: newInviteCode(),
        label: request.label?.trim() || null,
        maxUses: request.maxUses,
        expiresAt,
      });
      return c.json(invite, 201);
    })
    .get('/invites', async (c) => c.json({ v: 1, invites: await store.listInvites(c.get('user').orgId) }))
    .get('/interviews', async (c) => c.json({ v: 1, interviews: await store.listInterviews(c.get('user').orgId) }))
    .get('/interviews/:id', async (c) => {
      const detail = await store.getInterview(c.get('user').orgId, c.req.param('id'));
      if (!detail) throw new ApiError(404, 'not_found', 'There is no such interview in your organisation.');
      return c.json(detail);
    })
    .get('/interviews/:id/recordings/:recordingId', async (c) => {
      const recording = await store.getRecording(c.get('user').orgId, c.req.param('id'), c.req.param('recordingId'));
      if (!recording) throw new ApiError(404, 'not_found', 'There is no such recording: the candidate may have stopped sharing audio.');
      return c.body(recording.audio.slice().buffer, 200, { 'content-type': recording.mimeType, 'cache-control': 'private, no-store' });
    });

  return new Hono()
    .use('/interviewer/*', jsonOnly())
    .post('/interviewer/sign-in', async (c) => {
      const request = signInRequest.parse(await readJson(c));
      const user = await store.findUserByEmail(request.email);
      const valid = await verifyPassword(request.password, user?.passwordHash ?? DECOY_HASH);
      if (!user || !valid) throw new ApiError(401, 'bad_credentials', 'That email and password do not match. Check them and try again.');
      const token = newToken('ses');
      const expires = new Date(clock().getTime() + sessionTtlMs);
      await store.createSession({ tokenHash: hashToken(token), userId: user.id, expiresAt: expires.toISOString() });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        // Behind a TLS-terminating proxy the request reaches us as http; the proxy says what the browser used.
        secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
        path: '/api',
        expires,
      });
      return c.json(await me(user));
    })
    .post('/interviewer/sign-out', async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await store.deleteSession(hashToken(token));
      deleteCookie(c, SESSION_COOKIE, { path: '/api' });
      return c.json({ v: 1, ok: true });
    })
    .route('/interviewer', signedIn);
}
