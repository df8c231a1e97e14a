import { z } from 'zod';
import { PROTOCOL_VERSION } from './version.ts';

// The organisation's team (admins only) and invitations to join it, under /api/interviewer/users,
// plus the public accept step at /api/interviewer/invitations/*.

export const MIN_PASSWORD_CHARS = 10;
export const MAX_PASSWORD_CHARS = 1024;

export const teamRole = z.enum(['admin', 'interviewer']);
export type TeamRole = z.infer<typeof teamRole>;

export const teamMember = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: teamRole,
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type TeamMember = z.infer<typeof teamMember>;

export const teamInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: teamRole,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type TeamInvitation = z.infer<typeof teamInvitation>;

export const teamResponse = z.object({
  v: z.literal(PROTOCOL_VERSION),
  members: z.array(teamMember),
  invitations: z.array(teamInvitation),
});
export type TeamResponse = z.infer<typeof teamResponse>;

export const inviteUserRequest = z.object({
  v: z.literal(PROTOCOL_VERSION),
  email: z.email().max(254),
  role: teamRole.default('interviewer'),
});
export type InviteUserRequest = z.infer<typeof inviteUserRequest>;

/** The one answer that carries the invitation's secret; the admin passes the link on. */
export const createdUserInvitation = z.object({
  v: z.literal(PROTOCOL_VERSION),
  invitation: teamInvitation,
  token: z.string(),
  /** Path of the accept page with the token, to put after this server's origin. */
  acceptPath: z.string(),
});
export type CreatedUserInvitation = z.infer<typeof createdUserInvitation>;

/** Bodies of the action routes that need nothing but the version (disable, enable, delete, sign-out). */
export const emptyRequest = z.object({ v: z.literal(PROTOCOL_VERSION) });

export const teamMemberResponse = z.object({ v: z.literal(PROTOCOL_VERSION), member: teamMember });

/** Invitation tokens are `inv_` and 43 base64url characters; anything else is refused unread. */
const invitationToken = z.string().regex(/^inv_[A-Za-z0-9_-]{43}$/, 'This is not an invitation link from this server. Open the link exactly as you received it.');

export const inspectInvitationRequest = z.object({ v: z.literal(PROTOCOL_VERSION), token: invitationToken });

export const invitationPreview = z.object({
  v: z.literal(PROTOCOL_VERSION),
  orgName: z.string(),
  email: z.string(),
  role: teamRole,
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreview>;

export const acceptInvitationRequest = z.object({
  v: z.literal(PROTOCOL_VERSION),
  token: invitationToken,
  name: z.string().trim().min(1).max(120),
  password: z
    .string()
    .min(MIN_PASSWORD_CHARS, `Use at least ${MIN_PASSWORD_CHARS} characters.`)
    .max(MAX_PASSWORD_CHARS, `Use at most ${MAX_PASSWORD_CHARS} characters.`),
});
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequest>;
