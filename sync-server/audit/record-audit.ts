// Writing to the audit log from a route: who (the signed-in user, or the device, taken from the
// request's context), from where (the client IP), when (the app's clock). Routes of every area call
// recordAudit(c, store, clock, { action, target, detail }) after the change they record succeeded.
// Actions in use (dotted, area first; GET /api/interviewer/audit?action=<area> filters by area):
//   sign_in.succeeded, sign_in.failed, sign_in.locked, session.signed_out, session.refresh_reused,
//   user.invited, user.invitation_revoked, user.joined, user.disabled, user.enabled, user.deleted,
//   invite_code.created, device.joined, interview.deleted, interviews.exported,
//   template.created, template.updated, template.deleted, assignment.created, control.sent,
//   comment.added, score.overridden.
// Other areas add theirs (export.*, score.overridden, comment.*, settings.changed …) the same way.
// `detail` holds small facts for a person reading the log; never passwords, tokens or answers.
// Owns: mapping a request to an audit entry. Must not import: a database driver.
import type { Context } from 'hono';
import type { AuditActor, Device, NewAuditEntry, Store, User } from '../db/store.ts';
import { clientIpOf } from '../middleware/client-ip/client-ip.ts';

export interface AuditFact {
  action: string;
  target: string | null;
  detail?: Record<string, unknown>;
  /** Defaults to the signed-in user's or the device's organisation. */
  orgId?: string | null;
  /** Defaults to the signed-in user, else the device, else anonymous. */
  actor?: AuditActor;
}

export const userActor = (user: Pick<User, 'id' | 'email'>): AuditActor => ({ type: 'user', id: user.id, label: user.email });
export const deviceActor = (device: Pick<Device, 'id' | 'candidateName'>): AuditActor => ({ type: 'device', id: device.id, label: device.candidateName });

export async function recordAudit(c: Context, store: Pick<Store, 'appendAudit'>, clock: () => Date, fact: AuditFact): Promise<void> {
  const vars = c.var as Partial<{ user: User; device: Device }>;
  const actor: AuditActor = fact.actor ?? (vars.user ? userActor(vars.user) : vars.device ? deviceActor(vars.device) : { type: 'anonymous' });
  const entry: NewAuditEntry = {
    orgId: fact.orgId !== undefined ? fact.orgId : (vars.user?.orgId ?? vars.device?.orgId ?? null),
    actor,
    action: fact.action,
    target: fact.target,
    ...(fact.detail ? { detail: fact.detail } : {}),
    ip: clientIpOf(c),
    at: clock().toISOString(),
  };
  await store.appendAudit(entry);
}
