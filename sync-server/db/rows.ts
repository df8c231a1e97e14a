// Rows as both databases return them, and their mapping to the Store's objects. Shared by the SQLite
// and PostgreSQL stores so that the two give identical results: the schemas keep the same column
// names and kinds (TEXT for ids, times and JSON; integers for flags), and PostgreSQL's BIGINTs are
// parsed to numbers before they get here (postgres-store.ts).
// Must not import: a database driver.
import type { AuditEntry, InterviewDetail, InterviewListItem, Invite, TeamInvitation, TeamMember } from '../protocol/index.ts';
import type { Device, LiveSession, User } from './store.ts';

export interface UserRow {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: 'admin' | 'interviewer';
  password_hash: string;
  disabled_at: string | null;
  deleted_at: string | null;
  last_sign_in_at: string | null;
  created_at: string;
}

export interface DeviceRow {
  id: string;
  org_id: string;
  client_id: string;
  candidate_name: string;
  last_seen_at: string | null;
}

export interface InviteRow {
  id: string;
  code_hash: string;
  org_id: string;
  label: string | null;
  max_uses: number;
  uses: number;
  expires_at: string;
  created_at: string;
}

export interface InterviewRow {
  id: string;
  org_id: string;
  device_id: string;
  candidate_name: string;
  role: string | null;
  seniority: string | null;
  type: string | null;
  spec: string | null;
  engine: string | null;
  started_at: string | null;
  completed_at: string | null;
  ended_early: number;
  overall: number | null;
  summary: string | null;
  deleted: number;
  template_id: string | null;
}

export interface TurnRow {
  id: string;
  idx: number;
  question: string;
  answer: string;
  skipped: number;
  active_ms: number;
  answered_at: string;
  score: string | null;
  speech_metrics?: string | null;
  camera_metrics?: string | null;
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  orgId: row.org_id,
  email: row.email,
  name: row.name,
  role: row.role,
  passwordHash: row.password_hash,
  disabledAt: row.disabled_at,
});

export const toTeamMember = (row: UserRow): TeamMember => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  status: row.disabled_at ? 'disabled' : 'active',
  createdAt: row.created_at,
  lastSignInAt: row.last_sign_in_at,
});

/** A session row joined with its user's columns (users.* plus these). */
export interface SessionUserRow extends UserRow {
  session_id: string;
  csrf_hash: string;
  session_expires_at: string;
  revoked_at: string | null;
}

export const toLiveSession = (row: SessionUserRow): LiveSession => ({
  id: row.session_id,
  user: toUser(row),
  csrfHash: row.csrf_hash,
  expiresAt: row.session_expires_at,
});

export interface UserInvitationRow {
  id: string;
  org_id: string;
  email: string;
  role: 'admin' | 'interviewer';
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export const toTeamInvitation = (row: UserInvitationRow): TeamInvitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

export interface AuditRow {
  id: string;
  org_id: string | null;
  actor_type: AuditEntry['actor']['type'];
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  target: string | null;
  detail: string;
  ip: string | null;
  at: string;
}

export const toAuditEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
  action: row.action,
  target: row.target,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
  ip: row.ip,
});

/** The email a deleted user's row keeps, so the address can be used again. */
export const deletedEmail = (userId: string): string => `deleted-${userId.toLowerCase()}@deleted.invalid`;

export const toDevice = (row: DeviceRow): Device => ({ id: row.id, orgId: row.org_id, clientId: row.client_id, candidateName: row.candidate_name, lastSeenAt: row.last_seen_at });

export const toInvite = (row: InviteRow): Invite => ({
  id: row.id,
  label: row.label,
  maxUses: row.max_uses,
  uses: row.uses,
  expiresAt: row.expires_at,
  createdAt: row.created_at,
});

export const toListItem = (row: InterviewRow): InterviewListItem => ({
  id: row.id,
  candidateName: row.candidate_name,
  role: row.role ?? '',
  seniority: row.seniority ?? '',
  type: row.type ?? '',
  startedAt: row.started_at ?? '',
  completedAt: row.completed_at,
  overall: row.overall,
  engine: row.engine ?? '',
  templateId: row.template_id ?? null,
});

/** `recordings`: the shared recordings' turn and id, in the order they were made. */
export function toInterviewDetail(row: InterviewRow, turns: TurnRow[], recordings: { turn_id: string; id: string }[] = []): InterviewDetail {
  return {
    v: 1,
    interview: {
      ...toListItem(row),
      spec: JSON.parse(row.spec!),
      summary: row.summary ? JSON.parse(row.summary) : null,
      endedEarly: row.ended_early === 1,
    },
    turns: turns.map((turn) => ({
      id: turn.id,
      index: turn.idx,
      question: JSON.parse(turn.question),
      answer: turn.answer,
      skipped: turn.skipped === 1,
      activeMs: turn.active_ms,
      answeredAt: turn.answered_at,
      score: turn.score ? JSON.parse(turn.score) : null,
      speechMetrics: turn.speech_metrics ? JSON.parse(turn.speech_metrics) : null,
      cameraMetrics: turn.camera_metrics ? JSON.parse(turn.camera_metrics) : null,
      recordings: recordings.filter((recording) => recording.turn_id === turn.id).map((recording) => recording.id),
    })),
  };
}

/** The payload a deleted interview's events keep: enough to recognise a re-send, none of the answers. */
export const redactedPayload = (interviewId: string): string => JSON.stringify({ interviewId, redacted: true });

/**
 * A device's ISO time in one form (Date#toISOString: UTC, milliseconds), so that text order is time
 * order for the list's sort, date filters and cursors (zod accepts 10:00Z and 10:00:00.5Z alike).
 */
export const isoTime = (value: string): string => new Date(value).toISOString();

/** How stale devices.last_seen_at may be before a pull writes it again (Store.noteDeviceSeen). */
export const DEVICE_SEEN_RESOLUTION_MS = 60_000;
export const seenBefore = (now: string): string => new Date(Date.parse(now) - DEVICE_SEEN_RESOLUTION_MS).toISOString();
