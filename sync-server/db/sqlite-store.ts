// The SQLite implementation of Store. better-sqlite3 is synchronous, so every method does its work,
// transaction included, without an await inside: a transaction cannot interleave with another request,
// which is what makes it atomic here. The methods are async only to share the Store interface with
// PostgreSQL. WAL lets readers run beside the single writer.
// Owns: SQLite's SQL and materialising events into interviews and turns (the same rules as
// postgres-store.ts; rows.ts maps rows to objects for both).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import {
  deviceChange,
  revokedItems,
  type SharingConsent,
  type AuditEntry,
  type DeviceChange,
  type InterviewDetail,
  type Invite,
  type SyncEvent,
  type TeamInvitation,
  type TeamMember,
} from '../protocol/index.ts';
import { MIGRATIONS } from './migrations.ts';
import { interviewListSql, toInterviewListRow, type InterviewListDbRow, type InterviewListQuery, type InterviewListRow } from './interview-list-sql.ts';
import { cachePreparedStatements } from './sqlite-statement-cache.ts';
import { queryOperatorFigures, sqliteReader, type OperatorFigures, type OperatorFiguresQuery } from './operator-figures.ts';
import {
  CONSENT_BEARING_EVENTS,
  consentedSummary,
  consentedTurn,
  parseStoredConsent,
  redactStoredPayload,
  storedTurnPayload,
  type NewSharedRecording,
  type PutRecordingOutcome,
  type SharedRecording,
} from './sharing-consent.ts';
import {
  deletedEmail,
  isoTime,
  seenBefore,
  redactedPayload,
  toAuditEntry,
  toDevice,
  toInterviewDetail,
  toInvite,
 
  toLiveSession,
  toTeamInvitation,
  toTeamMember,
  toUser,
  type AuditRow,
  type DeviceRow,
  type InterviewRow,
  type InviteRow,
  type SessionUserRow,
  type TurnRow,
  type UserInvitationRow,
  type UserRow,
} from './rows.ts';
import type {
  AcceptResult,
  AccessLookup,
  AuditQuery,
  Device,
  InvitationLookup,
  LiveSession,
  NewAuditEntry,
  NewAuthSession,
  NewInvite,
  NewUser,
  NewUserInvitation,
  Org,
  PushItem,
  PushOutcome,
  RedeemResult,
  RefreshResult,
  Store,
  User,
  UserChange,
} from './store.ts';
import type { CachedPlanOutcome, QuestionCacheStats } from './store.ts';
import { createWorkspaceStore, sqliteRunner, type WorkspaceStore } from './workspace-store.ts';
import type { PlannedQuestion, QuestionCacheKey } from '../protocol/index.ts';

export interface SqliteStoreOptions {
  /** A directory (the file is interview-buddy.sqlite in it) or `:memory:`. */
  dataDir: string;
  /** Test seam: called inside the push transaction after the events are written, before commit. */
  beforeIngestCommit?: () => void;
}

export function openSqliteStore(options: SqliteStoreOptions): Store {
  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    mkdirSync(options.dataDir, { recursive: true });
    file = join(options.dataDir, 'interview-buddy.sqlite');
  }
  const db = new Database(file);
  cachePreparedStatements(db);
  // The list's case-insensitive filters and candidate sort fold case as JavaScript does (SQLite's
  // lower() folds ASCII only); see interview-list-sql.ts.
  db.function('ib_casefold', { deterministic: true }, (text: unknown) => (text === null ? null : String(text).toLowerCase()));
  db.pragma('journal_mode = WAL');
  // FULL: a push is acknowledged only after its transaction is on disk, so not even a power cut can
  // lose an event the device has already dropped from its outbox.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return new SqliteStore(db, options);
}

export function migrate(db: Database.Database): number[] {
  // Migration 4 hashes the stored invite codes in SQL, exactly as auth/tokens.ts hashToken does.
  db.function('ib_sha256_base64url', { deterministic: true }, (text: unknown) => createHash('sha256').update(String(text)).digest('base64url'));
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const ran: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    ran.push(migration.version);
  }
  return ran;
}

class SqliteStore implements Store {
  private readonly statements;
  readonly workspace: WorkspaceStore;

  constructor(
    private readonly db: Database.Database,
    private readonly options: SqliteStoreOptions,
  ) {
    this.workspace = createWorkspaceStore(sqliteRunner(db));
    // Prepared once: a push runs these hundreds of times a second.
    this.statements = {
      findEvent: db.prepare<[string], { device_id: string }>('SELECT device_id FROM events WHERE id = ?'),
      findSeq: db.prepare<[string, number], { id: string }>('SELECT id FROM events WHERE device_id = ? AND seq = ?'),
      insertEvent: db.prepare(
        'INSERT INTO events (id, device_id, org_id, seq, type, at, payload, received_at, interview_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      findInterview: db.prepare<[string], { device_id: string; deleted: number }>('SELECT device_id, deleted FROM interviews WHERE id = ?'),
      ensureInterview: db.prepare(
        `INSERT INTO interviews (id, org_id, device_id, candidate_name, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO NOTHING`,
      ),
      // Each part of an interview keeps the seq of the event that wrote it, and only a higher seq may
      // overwrite it: that is what makes the final state independent of arrival order.
      startInterview: db.prepare(
        `UPDATE interviews SET role = ?, seniority = ?, type = ?, spec = ?, engine = ?, started_at = ?, template_id = ?, started_seq = ?, updated_at = ?
         WHERE id = ? AND deleted = 0 AND (started_seq IS NULL OR started_seq < ?)`,
      ),
      completeInterview: db.prepare(
        `UPDATE interviews SET completed_at = ?, ended_early = ?, overall = ?, summary = ?, completed_seq = ?, updated_at = ?
         WHERE id = ? AND deleted = 0 AND (completed_seq IS NULL OR completed_seq < ?)`,
      ),
      deleteInterview: db.prepare(
        `UPDATE interviews SET deleted = 1, role = NULL, seniority = NULL, type = NULL, spec = NULL, engine = NULL,
         started_at = NULL, completed_at = NULL, summary = NULL, overall = NULL, updated_at = ? WHERE id = ?`,
      ),
      deleteTurns: db.prepare('DELETE FROM turns WHERE interview_id = ?'),
      // The candidate's deletion must reach the raw events too, not only the materialised rows; ids and
      // seqs stay so that a re-sent event is still recognised as a duplicate.
      redactEvents: db.prepare(
        `UPDATE events SET payload = json_object('interviewId', interview_id, 'redacted', json('true'))
         WHERE interview_id = ? AND device_id = ? AND type != 'interview.deleted'`,
      ),
      upsertTurn: db.prepare(
        `INSERT INTO turns (interview_id, id, seq, idx, question, answer, skipped, active_ms, answered_at, score, overall, speech_metrics, camera_metrics)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(interview_id, id) DO UPDATE SET seq = excluded.seq, idx = excluded.idx, question = excluded.question,
           answer = excluded.answer, skipped = excluded.skipped, active_ms = excluded.active_ms,
           answered_at = excluded.answered_at, score = excluded.score, overall = excluded.overall,
           speech_metrics = excluded.speech_metrics, camera_metrics = excluded.camera_metrics
         WHERE excluded.seq > turns.seq`,
      ),
      touchDevice: db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
      deviceConsent: db.prepare<[string], { consent: string | null }>('SELECT consent FROM devices WHERE id = ?'),
      deleteInterviewRecordings: db.prepare('DELETE FROM shared_recordings WHERE interview_id = ? AND device_id = ?'),
    };
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async createOrg(input: { name: string; admin: Omit<NewUser, 'orgId' | 'role'> }): Promise<{ org: Org; admin: User }> {
    return this.db.transaction(() => {
      const org: Org = { id: ulid(), name: input.name };
      this.db.prepare('INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?)').run(org.id, org.name, new Date().toISOString());
      const admin = this.insertUser({ ...input.admin, orgId: org.id, role: 'admin' });
      return { org, admin };
    })();
  }

  async createUser(input: NewUser): Promise<User> {
    return this.insertUser(input);
  }

  private insertUser(input: NewUser): User {
    const user: User = { ...input, id: ulid(), email: input.email.toLowerCase(), disabledAt: null };
    this.db.prepare('INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(user.id, user.orgId, user.email, user.name, user.role, user.passwordHash, new Date().toISOString());
    return user;
  }

  async findOrgByName(name: string): Promise<Org | null> {
    return (this.db.prepare('SELECT id, name FROM orgs WHERE name = ?').get(name) as Org | undefined) ?? null;
  }

  async findOrg(id: string): Promise<Org | null> {
    return this.findOrgNow(id);
  }

  private findOrgNow(id: string): Org | null {
    return (this.db.prepare('SELECT id, name FROM orgs WHERE id = ?').get(id) as Org | undefined) ?? null;
  }

  async findUserByEmail(email: string): Promise<User | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ? AND deleted_at IS NULL').get(email.toLowerCase()) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async findUser(id: string): Promise<User | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async listUsers(orgId: string): Promise<TeamMember[]> {
    const rows = this.db.prepare("SELECT * FROM users WHERE org_id = ? AND deleted_at IS NULL ORDER BY role = 'admin' DESC, name, id")
      .all(orgId) as UserRow[];
    return rows.map(toTeamMember);
  }

  async setUserDisabled(input: { orgId: string; userId: string; disabled: boolean; now: string }): Promise<UserChange> {
    return this.db.transaction((): UserChange => {
      const refusal = this.checkUserChange(input.orgId, input.userId, input.disabled);
      if (refusal) return refusal;
      this.db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(input.disabled ? input.now : null, input.userId);
      if (input.disabled) this.revokeUserSessions(input.userId, 'user_disabled', input.now);
      return { ok: true, user: this.userNow(input.userId)! };
    })();
  }

  async deleteUser(input: { orgId: string; userId: string; now: string }): Promise<UserChange> {
    return this.db.transaction((): UserChange => {
      const refusal = this.checkUserChange(input.orgId, input.userId, true);
      if (refusal) return refusal;
      const before = this.userNow(input.userId)!;
      this.db.prepare("UPDATE users SET deleted_at = ?, disabled_at = COALESCE(disabled_at, ?), email = ?, password_hash = '!' WHERE id = ?")
        .run(input.now, input.now, deletedEmail(input.userId), input.userId);
      this.revokeUserSessions(input.userId, 'user_deleted', input.now);
      return { ok: true, user: before };
    })();
  }

  /** The target must be a live user of the org; taking away an enabled admin needs another enabled admin. */
  private checkUserChange(orgId: string, userId: string, removing: boolean): UserChange | null {
    const target = this.db.prepare('SELECT * FROM users WHERE id = ? AND org_id = ? AND deleted_at IS NULL').get(userId, orgId) as UserRow | undefined;
    if (!target) return { ok: false, reason: 'not_found' };
    if (removing && target.role === 'admin' && !target.disabled_at) {
      const others = this.db.prepare("SELECT count(*) FROM users WHERE org_id = ? AND role = 'admin' AND disabled_at IS NULL AND deleted_at IS NULL AND id != ?")
        .pluck()
        .get(orgId, userId) as number;
      if (others === 0) return { ok: false, reason: 'last_admin' };
    }
    return null;
  }

  private userNow(id: string): User | null {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  private revokeUserSessions(userId: string, reason: string, now: string): void {
    this.db.prepare('UPDATE auth_sessions SET revoked_at = ?, revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL').run(now, reason, userId);
  }

  async createAuthSession(input: NewAuthSession): Promise<LiveSession> {
    return this.db.transaction((): LiveSession => {
      const id = ulid();
      this.db.prepare('INSERT INTO auth_sessions (id, user_id, org_id, csrf_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, input.userId, input.orgId, input.csrfHash, input.now, input.expiresAt);
      const insertToken = this.db.prepare('INSERT INTO auth_tokens (token_hash, session_id, kind, expires_at, created_at) VALUES (?, ?, ?, ?, ?)');
      insertToken.run(input.accessHash, id, 'access', input.accessExpiresAt, input.now);
      insertToken.run(input.refreshHash, id, 'refresh', input.expiresAt, input.now);
      this.db.prepare('UPDATE users SET last_sign_in_at = ? WHERE id = ?').run(input.now, input.userId);
      return { id, user: this.userNow(input.userId)!, csrfHash: input.csrfHash, expiresAt: input.expiresAt };
    })();
  }

  private sessionOfToken(tokenHash: string, kind: 'access' | 'refresh') {
    return this.db.prepare(
        `SELECT users.*, auth_sessions.id AS session_id, auth_sessions.csrf_hash, auth_sessions.expires_at AS session_expires_at,
                auth_sessions.revoked_at, auth_tokens.expires_at AS token_expires_at, auth_tokens.used_at
         FROM auth_tokens JOIN auth_sessions ON auth_sessions.id = auth_tokens.session_id JOIN users ON users.id = auth_sessions.user_id
         WHERE auth_tokens.token_hash = ? AND auth_tokens.kind = ?`,
      )
      .get(tokenHash, kind) as (SessionUserRow & { token_expires_at: string; used_at: string | null }) | undefined;
  }

  async findAccessSession(accessHash: string, now: string): Promise<AccessLookup> {
    const row = this.sessionOfToken(accessHash, 'access');
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revoked_at || row.disabled_at || row.deleted_at) return { ok: false, reason: 'revoked' };
    if (row.token_expires_at <= now || row.session_expires_at <= now) return { ok: false, reason: 'expired' };
    return { ok: true, session: toLiveSession(row), accessExpiresAt: row.token_expires_at };
  }

  async rotateRefreshToken(input: { refreshHash: string; csrfHash: string; accessHash: string; accessExpiresAt: string; newRefreshHash: string; now: string }): Promise<RefreshResult> {
    return this.db.transaction((): RefreshResult => {
      const row = this.sessionOfToken(input.refreshHash, 'refresh');
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.revoked_at || row.disabled_at || row.deleted_at) return { ok: false, reason: 'revoked' };
      if (row.used_at) {
        this.db.prepare("UPDATE auth_sessions SET revoked_at = ?, revoked_reason = 'refresh_reused' WHERE id = ?").run(input.now, row.session_id);
        return { ok: false, reason: 'reused', sessionId: row.session_id, user: toUser(row) };
      }
      if (row.csrf_hash !== input.csrfHash) return { ok: false, reason: 'csrf' };
      if (row.session_expires_at <= input.now) return { ok: false, reason: 'expired' };
      this.db.prepare('UPDATE auth_tokens SET used_at = ? WHERE token_hash = ?').run(input.now, input.refreshHash);
      const insertToken = this.db.prepare('INSERT INTO auth_tokens (token_hash, session_id, kind, expires_at, created_at) VALUES (?, ?, ?, ?, ?)');
      insertToken.run(input.accessHash, row.session_id, 'access', input.accessExpiresAt, input.now);
      insertToken.run(input.newRefreshHash, row.session_id, 'refresh', row.session_expires_at, input.now);
      return { ok: true, session: toLiveSession(row) };
    })();
  }

  async revokeSessionByAccessToken(accessHash: string, reason: string, now: string): Promise<User | null> {
    return this.db.transaction((): User | null => {
      const row = this.sessionOfToken(accessHash, 'access');
      if (!row) return null;
      this.db.prepare('UPDATE auth_sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL').run(now, reason, row.session_id);
      return toUser(row);
    })();
  }

  async purgeExpired(now: string): Promise<number> {
    return this.db.transaction((): number => {
      const dayAgo = new Date(Date.parse(now) - 86_400_000).toISOString();
      const weekAgo = new Date(Date.parse(now) - 7 * 86_400_000).toISOString();
      let removed = 0;
      removed += this.db.prepare("DELETE FROM auth_tokens WHERE kind = 'access' AND expires_at <= ?").run(now).changes;
      removed += this.db.prepare('DELETE FROM auth_tokens WHERE session_id IN (SELECT id FROM auth_sessions WHERE expires_at <= ?)').run(now).changes;
      removed += this.db.prepare('DELETE FROM auth_sessions WHERE expires_at <= ?').run(now).changes;
      removed += this.db.prepare('DELETE FROM sign_in_failures WHERE last_failed_at <= ? AND (locked_until IS NULL OR locked_until <= ?)').run(dayAgo, now).changes;
      removed += this.db.prepare('DELETE FROM user_invitations WHERE accepted_at IS NULL AND expires_at <= ?').run(weekAgo).changes;
      return removed;
    })();
  }

  async addSignInFailure(email: string, now: string, forgetBefore: string): Promise<number> {
    return this.db.prepare(
        `INSERT INTO sign_in_failures (email, failures, last_failed_at) VALUES (?, 1, ?)
         ON CONFLICT(email) DO UPDATE SET failures = CASE WHEN sign_in_failures.last_failed_at < ? THEN 1 ELSE sign_in_failures.failures + 1 END,
           last_failed_at = excluded.last_failed_at
         RETURNING failures`,
      )
      .pluck()
      .get(email.toLowerCase(), now, forgetBefore) as number;
  }

  async lockSignIn(email: string, until: string): Promise<void> {
    this.db.prepare('UPDATE sign_in_failures SET locked_until = ? WHERE email = ?').run(until, email.toLowerCase());
  }

  async findSignInLock(email: string, now: string): Promise<string | null> {
    return (this.db.prepare('SELECT locked_until FROM sign_in_failures WHERE email = ? AND locked_until > ?').pluck().get(email.toLowerCase(), now) as string | undefined) ?? null;
  }

  async clearSignInFailures(email: string): Promise<void> {
    this.db.prepare('DELETE FROM sign_in_failures WHERE email = ?').run(email.toLowerCase());
  }

  async createUserInvitation(input: NewUserInvitation): Promise<TeamInvitation> {
    const invitation: TeamInvitation = { id: ulid(), email: input.email.toLowerCase(), role: input.role, createdAt: input.now, expiresAt: input.expiresAt };
    this.db.prepare('INSERT INTO user_invitations (id, org_id, token_hash, email, role, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(invitation.id, input.orgId, input.tokenHash, invitation.email, invitation.role, input.invitedBy, input.now, input.expiresAt);
    return invitation;
  }

  async listUserInvitations(orgId: string, now: string): Promise<TeamInvitation[]> {
    const rows = this.db.prepare(
        'SELECT * FROM user_invitations WHERE org_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id DESC LIMIT 200',
      )
      .all(orgId, now) as UserInvitationRow[];
    return rows.map(toTeamInvitation);
  }

  async revokeUserInvitation(input: { orgId: string; id: string; now: string }): Promise<TeamInvitation | null> {
    const row = this.db.prepare('UPDATE user_invitations SET revoked_at = ? WHERE id = ? AND org_id = ? AND accepted_at IS NULL AND revoked_at IS NULL RETURNING *')
      .get(input.now, input.id, input.orgId) as UserInvitationRow | undefined;
    return row ? toTeamInvitation(row) : null;
  }

  private invitationState(row: UserInvitationRow | undefined, now: string): 'unknown' | 'expired' | 'used' | 'revoked' | null {
    if (!row) return 'unknown';
    if (row.accepted_at) return 'used';
    if (row.revoked_at) return 'revoked';
    if (row.expires_at <= now) return 'expired';
    return null;
  }

  async findUserInvitation(tokenHash: string, now: string): Promise<InvitationLookup> {
    const row = this.db.prepare('SELECT * FROM user_invitations WHERE token_hash = ?').get(tokenHash) as UserInvitationRow | undefined;
    const refusal = this.invitationState(row, now);
    if (refusal) return { ok: false, reason: refusal };
    return { ok: true, invitation: toTeamInvitation(row!), org: this.findOrgNow(row!.org_id)! };
  }

  async acceptUserInvitation(input: { tokenHash: string; name: string; passwordHash: string; now: string }): Promise<AcceptResult> {
    return this.db.transaction((): AcceptResult => {
      const row = this.db.prepare('SELECT * FROM user_invitations WHERE token_hash = ?').get(input.tokenHash) as UserInvitationRow | undefined;
      const refusal = this.invitationState(row, input.now);
      if (refusal) return { ok: false, reason: refusal };
      if (this.db.prepare('SELECT 1 FROM users WHERE email = ?').get(row!.email)) return { ok: false, reason: 'email_taken' };
      const user = this.insertUser({ orgId: row!.org_id, email: row!.email, name: input.name, role: row!.role, passwordHash: input.passwordHash });
      this.db.prepare('UPDATE user_invitations SET accepted_at = ?, accepted_user_id = ? WHERE id = ?').run(input.now, user.id, row!.id);
      return { ok: true, user, org: this.findOrgNow(row!.org_id)! };
    })();
  }

  async appendAudit(entry: NewAuditEntry): Promise<void> {
    const actor = entry.actor;
    this.db.prepare('INSERT INTO audit_log (id, org_id, actor_type, actor_id, actor_label, action, target, detail, ip, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        ulid(),
        entry.orgId,
        actor.type,
        'id' in actor ? actor.id : null,
        'label' in actor ? actor.label : null,
        entry.action,
        entry.target,
        JSON.stringify(entry.detail ?? {}),
        entry.ip,
        entry.at,
      );
  }

  async listAudit(orgId: string, query: AuditQuery): Promise<AuditEntry[]> {
    const where = ['org_id = ?'];
    const params: unknown[] = [orgId];
    if (query.action) {
      where.push('(action = ? OR substr(action, 1, ?) = ?)');
      params.push(query.action, query.action.length + 1, `${query.action}.`);
    }
    if (query.before) {
      where.push('(at < ? OR (at = ? AND id < ?))');
      params.push(query.before.at, query.before.at, query.before.id);
    }
    const rows = this.db.prepare(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ?`)
      .all(...params, query.limit) as AuditRow[];
    return rows.map(toAuditEntry);
  }

  async createInvite(invite: NewInvite): Promise<Invite> {
    const createdAt = new Date().toISOString();
    const id = ulid();
    this.db.prepare('INSERT INTO invites (id, code_hash, org_id, created_by, label, max_uses, uses, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)')
      .run(id, invite.codeHash, invite.orgId, invite.createdBy, invite.label, invite.maxUses, invite.expiresAt, createdAt);
    return { id, label: invite.label, maxUses: invite.maxUses, uses: 0, expiresAt: invite.expiresAt, createdAt };
  }

  async listInvites(orgId: string): Promise<Invite[]> {
    const rows = this.db.prepare('SELECT * FROM invites WHERE org_id = ? ORDER BY created_at DESC, id DESC LIMIT 200').all(orgId) as InviteRow[];
    return rows.map(toInvite);
  }

  async redeemInvite(input: { codeHash: string; clientId: string; candidateName: string; tokenHash: string; now: string }): Promise<RedeemResult> {
    return this.db.transaction((): RedeemResult => {
      const invite = this.db.prepare('SELECT * FROM invites WHERE code_hash = ?').get(input.codeHash) as InviteRow | undefined;
      if (!invite) return { ok: false, reason: 'unknown' };
      if (invite.expires_at <= input.now) return { ok: false, reason: 'expired' };
      const existing = this.db.prepare('SELECT * FROM devices WHERE org_id = ? AND client_id = ?')
        .get(invite.org_id, input.clientId) as DeviceRow | undefined;
      let device: Device;
      if (existing) {
        // Re-joining the same organisation rotates the token (the old one stops working) and uses no
        // invite slot: the device was already admitted.
        this.db.prepare('UPDATE devices SET token_hash = ?, candidate_name = ? WHERE id = ?')
          .run(input.tokenHash, input.candidateName, existing.id);
        device = { ...toDevice(existing), candidateName: input.candidateName };
      } else {
        if (invite.uses >= invite.max_uses) return { ok: false, reason: 'used-up' };
        this.db.prepare('UPDATE invites SET uses = uses + 1 WHERE id = ?').run(invite.id);
        device = { id: ulid(), orgId: invite.org_id, clientId: input.clientId, candidateName: input.candidateName, lastSeenAt: null };
        this.db.prepare('INSERT INTO devices (id, org_id, client_id, candidate_name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(device.id, device.orgId, device.clientId, device.candidateName, input.tokenHash, input.now);
      }
      const org = this.findOrgNow(invite.org_id)!;
      this.addDeviceChange(device.id, { type: 'org.joined', payload: { orgId: org.id, orgName: org.name } }, input.now);
      return { ok: true, org, device };
    })();
  }

  async findDeviceByTokenHash(tokenHash: string): Promise<Device | null> {
    const row = this.db.prepare('SELECT * FROM devices WHERE token_hash = ?').get(tokenHash) as DeviceRow | undefined;
    return row ? toDevice(row) : null;
  }

  async ingest(device: Device, items: PushItem[], now: string): Promise<PushOutcome> {
    const outcome: PushOutcome = { accepted: [], duplicates: [], rejected: [], acked: 0 };
    const ack = (seq: number | null) => {
      if (seq !== null && seq > outcome.acked) outcome.acked = seq;
    };
    this.db.transaction(() => {
      for (const item of items) {
        if ('invalid' in item) {
          outcome.rejected.push({ id: item.id, reason: item.invalid });
          ack(item.seq);
          continue;
        }
        const { event } = item;
        const seen = this.statements.findEvent.get(event.id);
        if (seen) {
          if (seen.device_id === device.id) outcome.duplicates.push(event.id);
          else outcome.rejected.push({ id: event.id, reason: 'This event id belongs to another device.' });
          ack(event.seq);
          continue;
        }
        const seqOwner = this.statements.findSeq.get(device.id, event.seq);
        if (seqOwner) {
          outcome.rejected.push({ id: event.id, reason: `seq ${event.seq} is already used by event ${seqOwner.id} from this device.` });
          ack(event.seq);
          continue;
        }
        const applied = this.materialise(device, event, now);
        if (applied.refusal) {
          outcome.rejected.push({ id: event.id, reason: applied.refusal });
          ack(event.seq);
          continue;
        }
        const interviewId = event.type === 'consent.changed' ? null : event.payload.interviewId;
        const payload = applied.redact && interviewId ? redactedPayload(interviewId) : JSON.stringify(applied.stored ?? event.payload);
        this.statements.insertEvent.run(event.id, device.id, device.orgId, event.seq, event.type, event.at, payload, now, interviewId);
        outcome.accepted.push(event.id);
        ack(event.seq);
      }
      this.statements.touchDevice.run(now, device.id);
      this.options.beforeIngestCommit?.();
    })();
    return outcome;
  }

  /**
   * Applies one event to the interviews and turns tables. Every event type is an upsert onto a row that
   * may not exist yet, and each part keeps the seq that wrote it, so any arrival order gives the same
   * final state. A deletion wins over everything, before or after it: events that arrive for a deleted
   * interview are kept (so a re-send is a duplicate) but redacted and not applied.
   */
  private materialise(device: Device, event: SyncEvent, now: string): { refusal?: string; redact?: boolean; stored?: unknown } {
    if (event.type === 'consent.changed') {
      this.applyConsent(device, event.payload.consent);
      return {};
    }
    const interviewId = event.payload.interviewId;
    // Defence in depth: the device filters by consent already; what it should not have sent is not kept.
    const consent = parseStoredConsent(this.statements.deviceConsent.get(device.id)?.consent);
    const existing = this.statements.findInterview.get(interviewId);
    if (existing && existing.device_id !== device.id) return { refusal: 'This interview belongs to another device.' };
    if (existing?.deleted) return { redact: event.type !== 'interview.deleted' };
    if (!existing) this.statements.ensureInterview.run(interviewId, device.orgId, device.id, device.candidateName, now);
    switch (event.type) {
      case 'interview.started': {
        const { spec, startedAt, engine, templateId } = event.payload;
        this.statements.startInterview.run(spec.role, spec.seniority, spec.type, JSON.stringify(spec), engine, isoTime(startedAt), templateId ?? null, event.seq, now, interviewId, event.seq);
        return {};
      }
      case 'turn.answered': {
        const turn = event.payload;
        const kept = consentedTurn(turn, consent);
        this.statements.upsertTurn.run(
          interviewId,
          turn.turnId,
          event.seq,
          turn.index,
          JSON.stringify(turn.question),
          kept.answer,
          turn.skipped ? 1 : 0,
          turn.activeMs,
          turn.answeredAt,
          kept.score ? JSON.stringify(kept.score) : null,
          kept.score?.overall ?? null,
          kept.speechMetrics ? JSON.stringify(kept.speechMetrics) : null,
          kept.cameraMetrics ? JSON.stringify(kept.cameraMetrics) : null,
        );
        return { stored: storedTurnPayload(turn, consent) };
      }
      case 'interview.completed': {
        const { completedAt, endedEarly } = event.payload;
        const summary = consentedSummary(event.payload.summary, consent);
        this.statements.completeInterview.run(completedAt, endedEarly ? 1 : 0, summary?.overall ?? null, summary ? JSON.stringify(summary) : null, event.seq, now, interviewId, event.seq);
        return { stored: { ...event.payload, summary } };
      }
      case 'interview.deleted': {
        this.statements.deleteInterviewRecordings.run(interviewId, device.id);
        this.statements.deleteTurns.run(interviewId);
        this.statements.deleteInterview.run(now, interviewId);
        this.statements.redactEvents.run(interviewId, device.id);
        return {};
      }
    }
  }

  /**
   * Records the device's consent and deletes what it no longer covers from every interview of the
   * device: the turns' columns, the summaries, the recordings, and the stored event payloads.
   */
  private applyConsent(device: Device, consent: SharingConsent): void {
    const before = this.statements.deviceConsent.get(device.id)?.consent;
    this.db.prepare('UPDATE devices SET consent = ? WHERE id = ?').run(JSON.stringify(consent), device.id);
    const revoked = revokedItems(before ? parseStoredConsent(before) : null, consent);
    if (revoked.length === 0) return;
    const ofDevice = 'interview_id IN (SELECT id FROM interviews WHERE device_id = ?)';
    if (revoked.includes('transcript')) this.db.prepare(`UPDATE turns SET answer = '' WHERE ${ofDevice}`).run(device.id);
    if (revoked.includes('scores')) {
      this.db.prepare(`UPDATE turns SET score = NULL, overall = NULL WHERE ${ofDevice}`).run(device.id);
      this.db.prepare('UPDATE interviews SET summary = NULL, overall = NULL WHERE device_id = ?').run(device.id);
    }
    if (revoked.includes('speechMetrics')) this.db.prepare(`UPDATE turns SET speech_metrics = NULL WHERE ${ofDevice}`).run(device.id);
    if (revoked.includes('cameraMetrics')) this.db.prepare(`UPDATE turns SET camera_metrics = NULL WHERE ${ofDevice}`).run(device.id);
    if (revoked.includes('audio')) this.db.prepare('DELETE FROM shared_recordings WHERE device_id = ?').run(device.id);
    const events = this.db.prepare(`SELECT id, type, payload FROM events WHERE device_id = ? AND type IN (${CONSENT_BEARING_EVENTS.map(() => '?').join(', ')})`)
      .all(device.id, ...CONSENT_BEARING_EVENTS) as { id: string; type: string; payload: string }[];
    const update = this.db.prepare('UPDATE events SET payload = ? WHERE id = ?');
    for (const event of events) {
      const redacted = redactStoredPayload(event.type, event.payload, revoked);
      if (redacted !== null) update.run(redacted, event.id);
    }
  }

  async putRecording(input: NewSharedRecording): Promise<PutRecordingOutcome> {
    return this.db.transaction((): PutRecordingOutcome => {
      if (!parseStoredConsent(this.statements.deviceConsent.get(input.device.id)?.consent).audio) return 'not-consented';
      const interview = this.statements.findInterview.get(input.interviewId);
      if (!interview || interview.device_id !== input.device.id || interview.deleted) return 'unknown-interview';
      const inserted = this.db.prepare(
          `INSERT INTO shared_recordings (interview_id, id, turn_id, org_id, device_id, mime_type, bytes, audio, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(interview_id, id) DO NOTHING`,
        )
        .run(input.interviewId, input.recordingId, input.turnId, input.device.orgId, input.device.id, input.mimeType, input.audio.byteLength, Buffer.from(input.audio), input.now);
      return inserted.changes === 1 ? 'stored' : 'duplicate';
    })();
  }

  async getRecording(orgId: string, interviewId: string, recordingId: string): Promise<SharedRecording | null> {
    const row = this.db.prepare(
        `SELECT r.mime_type, r.audio FROM shared_recordings r JOIN interviews i ON i.id = r.interview_id
         WHERE r.interview_id = ? AND r.id = ? AND r.org_id = ? AND i.org_id = ? AND i.deleted = 0`,
      )
      .get(interviewId, recordingId, orgId, orgId) as { mime_type: string; audio: Buffer } | undefined;
    return row ? { mimeType: row.mime_type, audio: new Uint8Array(row.audio) } : null;
  }

  private addDeviceChange(deviceId: string, change: DeviceChange, now: string): void {
    this.db.prepare('INSERT INTO device_changes (device_id, type, payload, created_at) VALUES (?, ?, ?, ?)')
      .run(deviceId, change.type, JSON.stringify(change.payload), now);
  }

  async noteDeviceSeen(deviceId: string, now: string): Promise<void> {
    this.db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)').run(now, deviceId, seenBefore(now));
  }

  async listDeviceChanges(deviceId: string, afterCursor: number, limit: number): Promise<{ cursor: number; change: DeviceChange }[]> {
    const rows = this.db.prepare('SELECT cursor, type, payload FROM device_changes WHERE device_id = ? AND cursor > ? ORDER BY cursor LIMIT ?')
      .all(deviceId, afterCursor, limit) as { cursor: number; type: string; payload: string }[];
    return rows.map((row) => ({ cursor: row.cursor, change: deviceChange.parse({ type: row.type, payload: JSON.parse(row.payload) }) }));
  }

  async queryInterviews(orgId: string, query: InterviewListQuery): Promise<InterviewListRow[]> {
    const { text, values } = interviewListSql('sqlite', orgId, query);
    return (this.db.prepare(text).all(...values) as InterviewListDbRow[]).map(toInterviewListRow);
  }

  async getInterview(orgId: string, interviewId: string): Promise<InterviewDetail | null> {
    const row = this.db.prepare('SELECT * FROM interviews WHERE id = ? AND org_id = ? AND deleted = 0 AND started_at IS NOT NULL')
      .get(interviewId, orgId) as InterviewRow | undefined;
    if (!row) return null;
    const turns = this.db.prepare('SELECT * FROM turns WHERE interview_id = ? ORDER BY idx').all(interviewId) as TurnRow[];
    const recordings = this.db.prepare('SELECT turn_id, id FROM shared_recordings WHERE interview_id = ? ORDER BY created_at, id').all(interviewId) as { turn_id: string; id: string }[];
    return toInterviewDetail(row, turns, recordings);
  }

  async serveCachedPlan(key: QuestionCacheKey, minQuestions: number): Promise<PlannedQuestion[] | null> {
    return this.db.transaction((): PlannedQuestion[] | null => {
      // Least served first, so candidates asking for the same interview get different plans in turn;
      // among equals the newest, which reflects the latest models.
      const plan = this.db.prepare(
          `SELECT id, questions FROM question_plans
           WHERE role = ? AND seniority = ? AND type = ? AND language = ? AND question_count >= ?
           ORDER BY served ASC, id DESC LIMIT 1`,
        )
        .get(key.role, key.seniority, key.type, key.language, minQuestions) as { id: number; questions: string } | undefined;
      this.db.prepare('UPDATE question_cache_counters SET value = value + 1 WHERE name = ?').run(plan ? 'hits' : 'misses');
      if (!plan) return null;
      this.db.prepare('UPDATE question_plans SET served = served + 1 WHERE id = ?').run(plan.id);
      return JSON.parse(plan.questions) as PlannedQuestion[];
    })();
  }

  async saveCachedPlan(input: { key: QuestionCacheKey; questions: PlannedQuestion[]; planHash: string; keepNewest: number; now: string }): Promise<CachedPlanOutcome> {
    const { key } = input;
    return this.db.transaction((): CachedPlanOutcome => {
      // A new plan joins the rotation at the level of the least-served plan: starting at 0 it would be
      // served to every candidate in a row until it caught up with the others.
      const inserted = this.db.prepare(
          `INSERT INTO question_plans (role, seniority, type, language, plan_hash, questions, question_count, served, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?,
             COALESCE((SELECT MIN(served) FROM question_plans WHERE role = ? AND seniority = ? AND type = ? AND language = ?), 0), ?)
           ON CONFLICT (role, seniority, type, language, plan_hash) DO NOTHING`,
        )
        .run(
          key.role,
          key.seniority,
          key.type,
          key.language,
          input.planHash,
          JSON.stringify(input.questions),
          input.questions.length,
          key.role,
          key.seniority,
          key.type,
          key.language,
          input.now,
        );
      if (inserted.changes === 0) return 'duplicate';
      this.db.prepare(
          `DELETE FROM question_plans WHERE role = ? AND seniority = ? AND type = ? AND language = ? AND id NOT IN (
             SELECT id FROM question_plans WHERE role = ? AND seniority = ? AND type = ? AND language = ? ORDER BY id DESC LIMIT ?)`,
        )
        .run(key.role, key.seniority, key.type, key.language, key.role, key.seniority, key.type, key.language, input.keepNewest);
      return 'stored';
    })();
  }

  async operatorFigures(query: OperatorFiguresQuery): Promise<OperatorFigures> {
    return queryOperatorFigures(sqliteReader(this.db), 'sqlite', query);
  }

  async questionCacheStats(): Promise<QuestionCacheStats> {
    const counters = this.db.prepare('SELECT name, value FROM question_cache_counters').all() as { name: 'hits' | 'misses'; value: number }[];
    const held = this.db.prepare('SELECT count(*) AS plans, count(DISTINCT json_array(role, seniority, type, language)) AS keys FROM question_plans')
      .get() as { plans: number; keys: number };
    const counter = (name: 'hits' | 'misses') => counters.find((row) => row.name === name)?.value ?? 0;
    return { hits: counter('hits'), misses: counter('misses'), plans: held.plans, keys: held.keys };
  }
}
