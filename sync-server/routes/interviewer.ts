// The interviewer API under /api/interviewer: sign-in, refresh and sign-out (cookies: see
// auth/session-cookies.ts), the organisation's invite codes and synced interviews, and, mounted from
// their own files, the team (users.ts, admins only), invitations to join (invitations.ts, public) and
// the audit log (audit.ts, admins only). Every query is scoped to the signed-in user's organisation:
// ids from the URL are always looked up together with that organisation, so another organisation's
// ids answer 404 exactly like ids that do not exist.
// Every state change passes sameOriginOnly() and, in a session, csrfToken() (middleware/csrf).
import { Hono, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { verifyPassword } from '../auth/password.ts';
import { clearSessionCookies, setSessionCookies } from '../auth/session-cookies.ts';
import { FORGET_FAILURES_AFTER_MS, lockoutMs } from '../auth/sign-in-lockout.ts';
import { hashToken, newInviteCode, newToken } from '../auth/tokens.ts';
import { recordAudit, userActor } from '../audit/record-audit.ts';
import type { Store } from '../db/store.ts';
import { ApiError, readJson } from '../errors.ts';
import { csrfToken, sameOriginOnly } from '../middleware/csrf/csrf.ts';
import { jsonOnly } from '../middleware/json-only/json-only.ts';
import { sessionAuth, type SessionEnv } from '../middleware/session-auth/session-auth.ts';
import { createInviteRequest, CSRF_HEADER, emptyRequest, REFRESH_COOKIE, signInRequest, type CreatedInvite } from '../protocol/index.ts';
import { auditRoutes } from './audit.ts';
import { invitationRoutes } from './invitations.ts';
import { meOf, startSession } from './interviewer-session.ts';
import { teamRoutes } from './users.ts';
import { noStore } from '../middleware/no-store/no-store.ts';
import { encodedFor, type InterviewReadCache } from '../read-cache/interview-read-cache.ts';

// Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
const DECOY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

export interface InterviewerRateLimits {
  /** Sign-in attempts per client IP (the per-email lockout is separate, in the database). */
  signIn: MiddlewareHandler;
  /** Refreshes per client IP. */
  refresh: MiddlewareHandler;
  /** Looking at and accepting invitation links, per client IP. */
  invitation: MiddlewareHandler;
  /** Everything a signed-in user does, per user. */
  perUser: MiddlewareHandler;
}

export interface InterviewerDeps {
  store: Store;
  clock: () => Date;
  /** How long a session family lives, however often it is refreshed. */
  sessionTtlMs: number;
  /** How long one access token lives. */
  accessTtlMs: number;
  limits: InterviewerRateLimits;
  /** An interview's JSON text per organisation, until a push or a shared recording changes the organisation's interviews. */
  readCache: InterviewReadCache;
}

export function interviewerRoutes(deps: InterviewerDeps) {
  const { store, clock, limits } = deps;

  const signedIn = new Hono<SessionEnv>()
    .use('*', sessionAuth(store, clock))
    .use('*', limits.perUser)
    .use('*', csrfToken())
    .use('*', noStore())
    .get('/me', async (c) => c.json(await meOf(store, c.get('user'))))
    .post('/sign-out', async (c) => {
      emptyRequest.parse(await readJson(c));
      await store.revokeSessionByAccessToken(c.get('accessHash'), 'signed_out', clock().toISOString());
      await recordAudit(c, store, clock, { action: 'session.signed_out', target: `user:${c.get('user').id}`, detail: { session: c.get('session').id } });
      clearSessionCookies(c);
      return c.json({ v: 1, ok: true });
    })
    .post('/invites', async (c) => {
      const request = createInviteRequest.parse(await readJson(c));
      const user = c.get('user');
      const expiresAt = new Date(clock().getTime() + request.expiresInDays * 86_400_000).toISOString();
      const code = newInviteCode();
      const invite = await store.createInvite({
        orgId: user.orgId,
        createdBy: user.id,
        codeHash: hashToken(code),
        label: request.label?.trim() || null,
        maxUses: request.maxUses,
        expiresAt,
      });
      await recordAudit(c, store, clock, {
        action: 'invite_code.created',
        target: `invite:${invite.id}`,
        detail: { label: invite.label, maxUses: invite.maxUses, expiresAt: invite.expiresAt },
      });
      // The only time the code is shown: only its hash is stored.
      return c.json({ ...invite, code } satisfies CreatedInvite, 201);
    })
    .get('/invites', async (c) => c.json({ v: 1, invites: await store.listInvites(c.get('user').orgId) }))
    .get('/interviews/:id', async (c) => {
      const orgId = c.get('user').orgId;
      const id = c.req.param('id');
      const json = await deps.readCache.serve(orgId, `detail/${id}`, async () => {
        const detail = await store.getInterview(orgId, id);
        if (!detail) throw new ApiError(404, 'not_found', 'There is no such interview in your organisation.');
        return JSON.stringify(detail);
      });
      const sent = encodedFor(json, c.req.header('accept-encoding'));
      return c.body(sent.body, 200, sent.headers);
    })
    .get('/interviews/:id/recordings/:recordingId', async (c) => {
      const recording = await store.getRecording(c.get('user').orgId, c.req.param('id'), c.req.param('recordingId'));
      if (!recording) throw new ApiError(404, 'not_found', 'There is no such recording: the candidate may have stopped sharing audio.');
      return c.body(recording.audio.slice().buffer, 200, { 'content-type': recording.mimeType, 'cache-control': 'private, no-store' });
    })
    .route('/users', teamRoutes({ store, clock }))
    .route('/audit', auditRoutes({ store }));

  return new Hono()
    .use('/interviewer/*', jsonOnly())
    .use('/interviewer/*', sameOriginOnly())
    .post('/interviewer/sign-in', limits.signIn, async (c) => {
      const request = signInRequest.parse(await readJson(c));
      const email = request.email.toLowerCase();
      const now = clock();
      const lockedUntil = await store.findSignInLock(email, now.toISOString());
      if (lockedUntil) throw lockedOut(c, Date.parse(lockedUntil) - now.getTime());

      const user = await store.findUserByEmail(email);
      const valid = await verifyPassword(request.password, user?.passwordHash ?? DECOY_HASH);
      if (!user || !valid) {
        const failures = await store.addSignInFailure(email, now.toISOString(), new Date(now.getTime() - FORGET_FAILURES_AFTER_MS).toISOString());
        const lockMs = lockoutMs(failures);
        const orgId = user?.orgId ?? null;
        await recordAudit(c, store, clock, { orgId, action: 'sign_in.failed', target: user ? `user:${user.id}` : null, detail: { email, failures } });
        if (lockMs > 0) {
          await store.lockSignIn(email, new Date(now.getTime() + lockMs).toISOString());
          await recordAudit(c, store, clock, { orgId, action: 'sign_in.locked', target: user ? `user:${user.id}` : null, detail: { email, failures, lockedForSeconds: Math.ceil(lockMs / 1000) } });
          throw lockedOut(c, lockMs);
        }
        throw new ApiError(401, 'bad_credentials', 'That email and password do not match. Check them and try again.');
      }
      if (user.disabledAt) {
        await recordAudit(c, store, clock, { orgId: user.orgId, action: 'sign_in.failed', target: `user:${user.id}`, detail: { email, reason: 'disabled' } });
        throw new ApiError(403, 'account_disabled', 'This account is disabled. Ask an admin of your organisation to enable it.');
      }
      await store.clearSignInFailures(email);
      await startSession(c, deps, user);
      await recordAudit(c, store, clock, { orgId: user.orgId, actor: userActor(user), action: 'sign_in.succeeded', target: `user:${user.id}` });
      return c.json(await meOf(store, user));
    })
    .post('/interviewer/refresh', limits.refresh, async (c) => {
      emptyRequest.parse(await readJson(c));
      const token = getCookie(c, REFRESH_COOKIE);
      if (!token) throw new ApiError(401, 'signed_out', 'You are signed out. Sign in again.');
      const now = clock();
      const access = newToken('acc');
      const refresh = newToken('ref');
      const result = await store.rotateRefreshToken({
        refreshHash: hashToken(token),
        csrfHash: hashToken(c.req.header(CSRF_HEADER) ?? ''),
        accessHash: hashToken(access),
        accessExpiresAt: new Date(now.getTime() + deps.accessTtlMs).toISOString(),
        newRefreshHash: hashToken(refresh),
        now: now.toISOString(),
      });
      if (!result.ok) {
        if (result.reason === 'csrf') {
          throw new ApiError(403, 'csrf_failed', 'The page that sent this request could not prove it is Interview Buddy (the anti-forgery token was missing or wrong). Reload the page and try again.');
        }
        clearSessionCookies(c);
        if (result.reason === 'reused') {
          await recordAudit(c, store, clock, {
            orgId: result.user.orgId,
            actor: userActor(result.user),
            action: 'session.refresh_reused',
            target: `user:${result.user.id}`,
            detail: { session: result.sessionId },
          });
          throw new ApiError(
            401,
            'session_revoked',
            'You were signed out everywhere on this session because its sign-in token was used twice, which happens when it has been copied. Sign in again, and change your password if you did not expect this.',
          );
        }
        throw new ApiError(401, 'signed_out', 'You are signed out. Sign in again.');
      }
      const expires = new Date(result.session.expiresAt);
      c.header('Cache-Control', 'no-store');
      setSessionCookies(c, { access, refresh }, expires);
      return c.json(await meOf(store, result.session.user));
    })
    .route('/interviewer/invitations', invitationRoutes({ ...deps, limit: limits.invitation }))
    .route('/interviewer', signedIn);
}

function lockedOut(c: Parameters<MiddlewareHandler>[0], waitMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  c.header('Retry-After', String(seconds));
  const minutes = Math.ceil(seconds / 60);
  return new ApiError(
    429,
    'sign_in_locked',
    `Too many failed sign-ins for this email. Try again in ${seconds < 90 ? `${seconds} seconds` : `${minutes} minutes`}, or ask an admin to check your account.`,
  );
}
