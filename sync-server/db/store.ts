// The narrow data-access interface the routes use. SQLite (sqlite-store.ts) and PostgreSQL
// (postgres-store.ts) implement the same methods with the same results, so nothing above this line
// knows which database it has. Every method is async because PostgreSQL is a network round trip away;
// each method that writes more than one row is one transaction in both implementations.
import type { NewSharedRecording, PutRecordingOutcome, SharedRecording } from './sharing-consent.ts';
import type { AuditEntry, DeviceChange, InterviewDetail, Invite, SyncEvent, TeamInvitation, TeamMember } from '../protocol/index.ts';
import type { PlannedQuestion, QuestionCacheKey } from '../protocol/index.ts';
import type { OperatorFigures, OperatorFiguresQuery } from './operator-figures.ts';
import type { WorkspaceStore } from './workspace-store.ts';
import type { InterviewListQuery, InterviewListRow } from './interview-list-sql.ts';

export interface Org {
  id: string;
  name: string;
}

export interface User {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: 'admin' | 'interviewer';
  passwordHash: string;
  /** Set while an admin has disabled the account: it cannot sign in, and its sessions were revoked. */
  disabledAt: string | null;
}

/** What creating a user needs; the rest starts empty. */
export type NewUser = Pick<User, 'orgId' | 'email' | 'name' | 'role' | 'passwordHash'>;

export interface Device {
  id: string;
  orgId: string;
  clientId: string;
  candidateName: string;
  /** When it last pushed or pulled (at minute resolution for pulls: Store.noteDeviceSeen). */
  lastSeenAt: string | null;
}

export interface NewInvite {
  orgId: string;
  createdBy: string;
  /** hashToken(code): the code itself is shown once and never stored. */
  codeHash: string;
  label: string | null;
  maxUses: number;
  expiresAt: string;
}

export type RedeemResult =
  | { ok: true; org: Org; device: Device }
  | { ok: false; reason: 'unknown' | 'expired' | 'used-up' };

/** One event of a push, after the route validated it; `invalid` carries the validation reason. */
/** A new sign-in: one session family with its first access and refresh tokens (hashes only). */
export interface NewAuthSession {
  userId: string;
  orgId: string;
  csrfHash: string;
  accessHash: string;
  accessExpiresAt: string;
  refreshHash: string;
  /** When the whole family ends, however often it is refreshed. */
  expiresAt: string;
  now: string;
}

export interface LiveSession {
  id: string;
  user: User;
  csrfHash: string;
  expiresAt: string;
}

/** `accessExpiresAt`: when this access token stops passing (the session may end sooner: `session.expiresAt`). */
export type AccessLookup = { ok: true; session: LiveSession; accessExpiresAt: string } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

export type RefreshResult =
  | { ok: true; session: LiveSession }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' }
  /** The CSRF token sent with it is not the session's: nothing changed. */
  | { ok: false; reason: 'csrf' }
  /** The token had been used already: the family is now revoked. */
  | { ok: false; reason: 'reused'; sessionId: string; user: User };

export type UserChange = { ok: true; user: User } | { ok: false; reason: 'not_found' | 'last_admin' };

export interface NewUserInvitation {
  orgId: string;
  invitedBy: string;
  email: string;
  role: User['role'];
  tokenHash: string;
  expiresAt: string;
  now: string;
}

export type InvitationLookup =
  | { ok: true; invitation: TeamInvitation; org: Org }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'revoked' };

export type AcceptResult = { ok: true; user: User; org: Org } | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'revoked' | 'email_taken' };

/** Who did something: a signed-in user, a device, the server itself, or someone not signed in. */
export type AuditActor =
  | { type: 'user'; id: string; label: string }
  | { type: 'device'; id: string; label: string }
  | { type: 'system' }
  | { type: 'anonymous' };

export interface NewAuditEntry {
  /** Null only for events that belong to no organisation (a failed sign-in with an unknown email). */
  orgId: string | null;
  actor: AuditActor;
  /** Dotted, area first: sign_in.succeeded, user.disabled, interview.deleted, export.csv … */
  action: string;
  /** What it was done to, as `kind:id` (user:01H…, interview:…), or null. */
  target: string | null;
  /** Small, JSON-serialisable facts; never passwords, tokens or answers. */
  detail?: Record<string, unknown>;
  ip: string | null;
  at: string;
}

export interface AuditQuery {
  /** An exact action, or an area (`sign_in` matches sign_in.*). */
  action?: string;
  /** Entries strictly older than this position (from the previous page). */
  before?: { at: string; id: string };
  limit: number;
}

export type PushItem = { index: number; event: SyncEvent } | { index: number; id: string; seq: number | null; invalid: string };

export type CachedPlanOutcome = 'stored' | 'duplicate';

/** Since the database was created: lookups answered and not, and what the cache holds now. */
export interface QuestionCacheStats {
  hits: number;
  misses: number;
  plans: number;
  keys: number;
}

export interface PushOutcome {
  accepted: string[];
  duplicates: string[];
  rejected: { id: string; reason: string }[];
  acked: number;
}

export interface Store {
  /** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
  ping(): Promise<void>;
  /** The interviewer workspace: templates, assignments, controls, comments, score overrides. */
  readonly workspace: WorkspaceStore;

  /** Closes the connection(s); afterwards every method rejects. Closing twice is harmless. */
  close(): Promise<void>;

  createOrg(input: { name: string; admin: Omit<NewUser, 'orgId' | 'role'> }): Promise<{ org: Org; admin: User }>;
  createUser(input: NewUser): Promise<User>;
  findOrgByName(name: string): Promise<Org | null>;
  /** Deleted users are never found. */
  findUserByEmail(email: string): Promise<User | null>;
  findUser(id: string): Promise<User | null>;
  findOrg(id: string): Promise<Org | null>;

  /** The organisation's users that are not deleted, admins first. */
  listUsers(orgId: string): Promise<TeamMember[]>;
  /**
   * Disables or enables a user of `orgId`; disabling revokes every session of theirs in the same
   * transaction. Refuses to leave the organisation without an enabled admin, also when two admins
   * disable each other at once.
   */
  setUserDisabled(input: { orgId: string; userId: string; disabled: boolean; now: string }): Promise<UserChange>;
  /** Marks the user deleted (their email freed, password cleared, sessions revoked); the row stays for the audit log. Same last-admin rule. */
  deleteUser(input: { orgId: string; userId: string; now: string }): Promise<UserChange>;

  /** Starts a session family and records the sign-in time on the user. */
  createAuthSession(input: NewAuthSession): Promise<LiveSession>;
  /** The live session of an access token: not expired, not revoked, its user neither disabled nor deleted. */
  findAccessSession(accessHash: string, now: string): Promise<AccessLookup>;
  /**
   * Spends a refresh token once, in one transaction: marks it used and adds the new access and refresh
   * tokens. A token that was already used revokes its whole family (reuse means it was copied), whatever
   * CSRF token came with it; an unused one is spent only with the session's CSRF token.
   */
  rotateRefreshToken(input: { refreshHash: string; csrfHash: string; accessHash: string; accessExpiresAt: string; newRefreshHash: string; now: string }): Promise<RefreshResult>;
  /** Revokes the family of an access token, expired or not (sign-out); returns its user, or null when unknown. */
  revokeSessionByAccessToken(accessHash: string, reason: string, now: string): Promise<User | null>;
  /**
   * Deletes what has expired: session families past their end (with their tokens), access tokens past
   * theirs, sign-in failures not repeated for a day, invitations a week past expiry. Returns the count.
   */
  purgeExpired(now: string): Promise<number>;

  /** Counts a failed sign-in for `email`; the count restarts when the last failure is before `forgetBefore`. Returns the count. */
  addSignInFailure(email: string, now: string, forgetBefore: string): Promise<number>;
  lockSignIn(email: string, until: string): Promise<void>;
  /** When `email` may try again, if it is locked out at `now`. */
  findSignInLock(email: string, now: string): Promise<string | null>;
  clearSignInFailures(email: string): Promise<void>;

  createUserInvitation(input: NewUserInvitation): Promise<TeamInvitation>;
  /** Invitations neither accepted nor revoked nor expired at `now`. */
  listUserInvitations(orgId: string, now: string): Promise<TeamInvitation[]>;
  revokeUserInvitation(input: { orgId: string; id: string; now: string }): Promise<TeamInvitation | null>;
  findUserInvitation(tokenHash: string, now: string): Promise<InvitationLookup>;
  /** Creates the user and marks the invitation used, in one transaction; a second accept finds it used. */
  acceptUserInvitation(input: { tokenHash: string; name: string; passwordHash: string; now: string }): Promise<AcceptResult>;

  appendAudit(entry: NewAuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(orgId: string, query: AuditQuery): Promise<AuditEntry[]>;

  createInvite(invite: NewInvite): Promise<Invite>;
  listInvites(orgId: string): Promise<Invite[]>;
  /** Atomic: however many devices redeem one code at once, no more than its maxUses are admitted. */
  redeemInvite(input: { codeHash: string; clientId: string; candidateName: string; tokenHash: string; now: string }): Promise<RedeemResult>;
  findDeviceByTokenHash(tokenHash: string): Promise<Device | null>;

  /**
   * Applies a push in one transaction: all of it is stored, or none of it. Idempotent by event id, also
   * when two pushes of the same events run at once: each event is stored and applied once.
   */
  ingest(device: Device, items: PushItem[], now: string): Promise<PushOutcome>;
  listDeviceChanges(deviceId: string, afterCursor: number, limit: number): Promise<{ cursor: number; change: DeviceChange }[]>;
  /**
   * Marks the device as seen (devices.last_seen_at, the dashboard's active devices) when it pulls:
   * at most once a minute, so that a device pulling every few seconds costs no write per pull.
   * A push marks it in its own transaction.
   */
  noteDeviceSeen(deviceId: string, now: string): Promise<void>;

  /** One page of the organisation's interviews, filtered and sorted in the database (db/interview-list-sql.ts). */
  queryInterviews(orgId: string, query: InterviewListQuery): Promise<InterviewListRow[]>;
  getInterview(orgId: string, interviewId: string): Promise<InterviewDetail | null>;

  /** Stores a shared recording of a turn, if the device shares audio and owns the (undeleted) interview. Idempotent by recording id. */
  putRecording(input: NewSharedRecording): Promise<PutRecordingOutcome>;
  /** A shared recording, only within the organisation and while the interview is not deleted. */
  getRecording(orgId: string, interviewId: string, recordingId: string): Promise<SharedRecording | null>;

  /**
   * The least-served plan stored for `key` with at least `minQuestions` questions, whole (the caller
   * trims it), or null. Counts the plan as served and the lookup as a hit or a miss.
   */
  serveCachedPlan(key: QuestionCacheKey, minQuestions: number): Promise<PlannedQuestion[] | null>;
  /** Stores a plan anonymously unless the key already has one with `planHash`; then keeps only the `keepNewest` newest plans of the key. */
  saveCachedPlan(input: { key: QuestionCacheKey; questions: PlannedQuestion[]; planHash: string; keepNewest: number; now: string }): Promise<CachedPlanOutcome>;
  questionCacheStats(): Promise<QuestionCacheStats>;
  /** The operator dashboard's database figures: an organisation's interviews per UTC day and active devices, and the database's size. */
  operatorFigures(query: OperatorFiguresQuery): Promise<OperatorFigures>;
}
