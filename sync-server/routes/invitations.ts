// /api/interviewer/invitations: the public side of an invitation link. `inspect` says which
// organisation, email and role the link is for (the accept page shows it); `accept` creates the account
// with the name and password the person chose, uses the link up, and signs them in. The token is the
// only credential, so both are rate limited per client IP, and only the token's hash is stored.
import { Hono, type MiddlewareHandler } from 'hono';
import { hashPassword } from '../auth/password.ts';
import { hashToken } from '../auth/tokens.ts';
import { recordAudit, userActor } from '../audit/record-audit.ts';
import type { Store } from '../db/store.ts';
import { ApiError, readJson } from '../errors.ts';
import { acceptInvitationRequest, inspectInvitationRequest, PROTOCOL_VERSION, type InvitationPreview } from '../protocol/index.ts';
import { meOf, startSession } from './interviewer-session.ts';

const REFUSALS = {
  unknown: [404, 'invitation_unknown', 'This invitation link is not valid. Check that you opened the whole link, or ask your admin for a new one.'],
  expired: [410, 'invitation_expired', 'This invitation link has expired. Ask your admin for a new one.'],
  used: [410, 'invitation_used', 'This invitation link has already been used. Sign in with the email and password chosen then.'],
  revoked: [410, 'invitation_revoked', 'This invitation was withdrawn. Ask your admin if you should still join.'],
  email_taken: [409, 'email_taken', 'Someone already has an account with this email. Sign in with it, or ask your admin to invite another email.'],
} as const;

function refuse(reason: keyof typeof REFUSALS): never {
  const [status, code, message] = REFUSALS[reason];
  throw new ApiError(status, code, message);
}

export function invitationRoutes(deps: { store: Store; clock: () => Date; sessionTtlMs: number; accessTtlMs: number; limit: MiddlewareHandler }) {
  const { store, clock } = deps;
  return new Hono()
    .use('*', deps.limit)
    .post('/inspect', async (c) => {
      const request = inspectInvitationRequest.parse(await readJson(c));
      const found = await store.findUserInvitation(hashToken(request.token), clock().toISOString());
      if (!found.ok) refuse(found.reason);
      const preview: InvitationPreview = { v: PROTOCOL_VERSION, orgName: found.org.name, email: found.invitation.email, role: found.invitation.role, expiresAt: found.invitation.expiresAt };
      return c.json(preview);
    })
    .post('/accept', async (c) => {
      const request = acceptInvitationRequest.parse(await readJson(c));
      const tokenHash = hashToken(request.token);
      const now = clock().toISOString();
      // Checked before the (deliberately slow) password hash, so a dead link answers at once.
      const found = await store.findUserInvitation(tokenHash, now);
      if (!found.ok) refuse(found.reason);
      const accepted = await store.acceptUserInvitation({ tokenHash, name: request.name, passwordHash: await hashPassword(request.password), now });
      if (!accepted.ok) refuse(accepted.reason);
      await recordAudit(c, store, clock, {
        orgId: accepted.org.id,
        actor: userActor(accepted.user),
        action: 'user.joined',
        target: `user:${accepted.user.id}`,
        detail: { email: accepted.user.email, role: accepted.user.role, invitation: found.invitation.id },
      });
      await startSession(c, deps, accepted.user);
      c.header('Cache-Control', 'no-store');
      return c.json(await meOf(store, accepted.user), 201);
    });
}
