// /api/interviewer/users: the organisation's team, for its admins only. List members and pending
// invitations, invite someone (a one-time link, shown once), revoke an invitation, disable, enable or
// delete a member. Disabling or deleting revokes the member's sessions at once (in the store's
// transaction); an admin cannot do either to themselves, and the organisation always keeps an
// enabled admin. Mounted inside the interviewer router, behind its session, CSRF and rate-limit guards.
import { Hono } from 'hono';
import { hashToken, newToken } from '../auth/tokens.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Store, UserChange } from '../db/store.ts';
import { ApiError, readJson } from '../errors.ts';
import { adminOnly, type SessionEnv } from '../middleware/session-auth/session-auth.ts';
import { emptyRequest, inviteUserRequest, PROTOCOL_VERSION, type CreatedUserInvitation, type TeamMember, type TeamResponse } from '../protocol/index.ts';

/** How long an invitation link can be used. */
export const INVITATION_TTL_MS = 7 * 86_400_000;

const NO_SUCH_MEMBER = 'There is no such member in your organisation.';

export function teamRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;

  const change = async (result: Promise<UserChange>): Promise<TeamMember> => {
    const outcome = await result;
    if (!outcome.ok) {
      if (outcome.reason === 'last_admin') {
        throw new ApiError(409, 'last_admin', 'This is the only enabled admin of your organisation. Make someone else an admin first, so the organisation keeps one.');
      }
      throw new ApiError(404, 'not_found', NO_SUCH_MEMBER);
    }
    const members = await store.listUsers(outcome.user.orgId);
    return members.find((member) => member.id === outcome.user.id) ?? { ...toGoneMember(outcome.user) };
  };

  const notSelf = (actorId: string, targetId: string, what: string) => {
    if (actorId === targetId) throw new ApiError(409, 'cannot_change_self', `You cannot ${what} your own account. Ask another admin.`);
  };

  return new Hono<SessionEnv>()
    .use('*', adminOnly())
    .get('/', async (c) => {
      const orgId = c.get('user').orgId;
      const body: TeamResponse = {
        v: PROTOCOL_VERSION,
        members: await store.listUsers(orgId),
        invitations: await store.listUserInvitations(orgId, clock().toISOString()),
      };
      return c.json(body);
    })
    .post('/invitations', async (c) => {
      const request = inviteUserRequest.parse(await readJson(c));
      const admin = c.get('user');
      if (await store.findUserByEmail(request.email)) {
        throw new ApiError(409, 'email_taken', 'Someone already has an account with that email. Each email can belong to one account.');
      }
      const token = newToken('inv');
      const now = clock();
      const invitation = await store.createUserInvitation({
        orgId: admin.orgId,
        invitedBy: admin.id,
        email: request.email,
        role: request.role,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
        now: now.toISOString(),
      });
      await recordAudit(c, store, clock, { action: 'user.invited', target: `invitation:${invitation.id}`, detail: { email: invitation.email, role: invitation.role } });
      const body: CreatedUserInvitation = {
        v: PROTOCOL_VERSION,
        invitation,
        token,
        acceptPath: `/interviewer/accept?token=${encodeURIComponent(token)}`,
      };
      return c.json(body, 201);
    })
    .delete('/invitations/:id', async (c) => {
      emptyRequest.parse(await readJson(c));
      const revoked = await store.revokeUserInvitation({ orgId: c.get('user').orgId, id: c.req.param('id'), now: clock().toISOString() });
      if (!revoked) throw new ApiError(404, 'not_found', 'There is no such pending invitation in your organisation.');
      await recordAudit(c, store, clock, { action: 'user.invitation_revoked', target: `invitation:${revoked.id}`, detail: { email: revoked.email } });
      return c.json({ v: PROTOCOL_VERSION, ok: true });
    })
    .post('/:id/disable', async (c) => {
      emptyRequest.parse(await readJson(c));
      const admin = c.get('user');
      const id = c.req.param('id');
      notSelf(admin.id, id, 'disable');
      const member = await change(store.setUserDisabled({ orgId: admin.orgId, userId: id, disabled: true, now: clock().toISOString() }));
      await recordAudit(c, store, clock, { action: 'user.disabled', target: `user:${id}`, detail: { email: member.email } });
      return c.json({ v: PROTOCOL_VERSION, member });
    })
    .post('/:id/enable', async (c) => {
      emptyRequest.parse(await readJson(c));
      const admin = c.get('user');
      const id = c.req.param('id');
      const member = await change(store.setUserDisabled({ orgId: admin.orgId, userId: id, disabled: false, now: clock().toISOString() }));
      await recordAudit(c, store, clock, { action: 'user.enabled', target: `user:${id}`, detail: { email: member.email } });
      return c.json({ v: PROTOCOL_VERSION, member });
    })
    .delete('/:id', async (c) => {
      emptyRequest.parse(await readJson(c));
      const admin = c.get('user');
      const id = c.req.param('id');
      notSelf(admin.id, id, 'delete');
      const member = await change(store.deleteUser({ orgId: admin.orgId, userId: id, now: clock().toISOString() }));
      await recordAudit(c, store, clock, { action: 'user.deleted', target: `user:${id}`, detail: { email: member.email, name: member.name } });
      return c.json({ v: PROTOCOL_VERSION, ok: true });
    });
}

/** A deleted member is no longer listed; the answer still names who it was. */
function toGoneMember(user: { id: string; email: string; name: string; role: TeamMember['role'] }): TeamMember {
  return { id: user.id, email: user.email, name: user.name, role: user.role, status: 'disabled', createdAt: '', lastSignInAt: null };
}
