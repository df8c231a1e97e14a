// The PostgreSQL implementation of Store, on a pg.Pool. Every method gives what sqlite-store.ts gives
// (rows.ts maps both), and holds when several server processes share the database:
// - a write of more than one row is one transaction (BEGIN … COMMIT, ROLLBACK on any error), started
//   again from the top on a serialization failure or a deadlock, and where only a race can cause
//   one, on a unique violation (the second attempt then sees the row the other transaction committed);
// - a push locks its device's row (postgres-ingest.ts), so two pushes of the same events (a device
//   retrying while its first push is still in flight, perhaps on another server) run one after the
//   other, and the second finds every event already stored;
// - an invite row is locked while it is redeemed, so its maxUses is never exceeded;
// - migrations run under an advisory lock per schema, so servers starting together apply each once.
// pg returns BIGINT (seqs, counts, cursors) as strings; they are parsed to numbers here.
// Owns: PostgreSQL's SQL, connections, transactions and locks. Must not import: better-sqlite3, Hono.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { ulid } from 'ulid';
import { deviceChange, type DeviceChange, type InterviewDetail, type Invite } from '../protocol/index.ts';
import { parseStoredConsent, type NewSharedRecording, type PutRecordingOutcome, type SharedRecording } from './sharing-consent.ts';
import type { AuditEntry, PlannedQuestion, QuestionCacheKey, TeamInvitation, TeamMember } from '../protocol/index.ts';
import { MIGRATIONS } from './migrations.ts';
import { interviewListSql, toInterviewListRow, type InterviewListDbRow, type InterviewListQuery, type InterviewListRow } from './interview-list-sql.ts';
import { postgresReader, queryOperatorFigures, type OperatorFigures, type OperatorFiguresQuery } from './operator-figures.ts';
import { seenBefore, toDevice, toInterviewDetail, toInvite, toUser, type DeviceRow, type InterviewRow, type InviteRow, type TurnRow, type UserRow } from './rows.ts';
import { deletedEmail, toAuditEntry, toLiveSession, toTeamInvitation, toTeamMember, type AuditRow, type SessionUserRow, type UserInvitationRow } from './rows.ts';
import type { CachedPlanOutcome, Device, NewInvite, Org, PushItem, PushOutcome, QuestionCacheStats, RedeemResult, Store, User } from './store.ts';
import type { AcceptResult, AccessLookup, AuditQuery, InvitationLookup, LiveSession, NewAuditEntry, NewAuthSession, NewUser, NewUserInvitation, RefreshResult, UserChange } from './store.ts';
import { ingestPush } from './postgres-ingest.ts';
import { createWorkspaceStore, postgresRunner, type WorkspaceStore } from './workspace-store.ts';

export interface PostgresStoreOptions {
  /** A postgres:// or postgresql:// URL. `?options=-c%20search_path%3D<schema>` puts the tables in a schema. */
  databaseUrl: string;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /** Test seam: called inside the push transaction after the events are written, before commit. */
  beforeIngestCommit?: () => void | Promise<void>;
}

/** PostgreSQL could not be reached or refused us: the operator has to start it or fix DATABASE_URL. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** PostgreSQL answers, but the schema is missing or the user may not create tables: the operator must fix that. */
export class DatabaseSetupError extends Error {
  override name = 'DatabaseSetupError';
}

const INSUFFICIENT_PRIVILEGE = '42501';

const BIGINT_OID = 20;
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';
const UNIQUE_VIOLATION = '23505';
const MAX_ATTEMPTS = 5;
/** The first key of the migrations' advisory lock; the second is the schema's hash. */
const MIGRATION_LOCK = 0x1b_5c_4e_01;

function parseBigint(text: string): number {
  const value = Number(text);
  // Seqs come from devices as JSON numbers, so anything stored fits; a value that does not was not
  // written by this server, and silently rounding it would corrupt ids and cursors.
  if (!Number.isSafeInteger(value)) throw new RangeError(`A BIGINT from PostgreSQL (${text}) is beyond what a JavaScript number holds exactly.`);
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === BIGINT_OID && format !== 'binary' ? parseBigint : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Where the URL points, without the password, for messages. */
function describeTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the server in DATABASE_URL';
  }
}

/** Failures that mean "cannot reach or log in to the database", as opposed to a bug in our SQL. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error instanceof Error && /timeout|terminated|connect/i.test(error.message);
  // 08: connection exceptions; 28: bad user or password; 3D000: no such database; 57P03: starting up.
  return /^E[A-Z]+$/.test(code) || code.startsWith('08') || code.startsWith('28') || code === '3D000' || code === '57P03';
}

const preparedNames = new Map<string, string>();
/**
 * A name for `sql` as a prepared statement: PostgreSQL then parses and plans it once per connection,
 * not on every call. Derived from the text, so one name never stands for two statements.
 */
function preparedName(sql: string): string {
  let name = preparedNames.get(sql);
  if (!name) {
    name = `ib_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    preparedNames.set(sql, name);
  }
  return name;
}

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 10,
    // A health check or a request must fail in seconds when PostgreSQL is gone, not hang.
    connectionTimeoutMillis: 5_000,
    types,
    // A statement goes out without waiting for the one before it to be answered: a push sends BEGIN
    // with its first statement and COMMIT with its last (postgres-ingest.ts). A client that waits for
    // each answer, as every other method does, sees no difference.
    pipeline: true,
  });
  // An idle connection that PostgreSQL drops (a restart, a failover) is reported here; without a
  // listener it would crash the process. The pool opens a new one on the next query.
  pool.on('error', (error) => console.error('PostgreSQL: an idle connection failed:', error.message));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    if ((error as { code?: unknown }).code === INSUFFICIENT_PRIVILEGE) {
      throw new DatabaseSetupError(
        `The PostgreSQL user in DATABASE_URL may not create this server's tables at ${describeTarget(options.databaseUrl)}: ${reason}. ` +
          'Grant it CREATE on the schema (PostgreSQL 15 no longer grants it on public to everyone), or name a schema it owns with ?options=-c%20search_path%3D<schema>.',
        { cause: error },
      );
    }
    if (isUnavailable(error)) {
      throw new DatabaseUnavailableError(
        `Cannot open the PostgreSQL database at ${describeTarget(options.databaseUrl)} (DATABASE_URL): ${reason}. ` +
          'Check that PostgreSQL is running there and that the user, password and database in DATABASE_URL are right.',
        { cause: error },
      );
    }
    throw error;
  }
  return new PostgresStore(pool, options);
}

/**
 * Applies the migrations not yet recorded, each in its own transaction, under an advisory lock for
 * this schema: a second server starting at the same moment waits, then finds them applied.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number[]> {
  const ran: number[] = [];
  for (;;) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock($1::int, hashtext(coalesce(current_schema(), '')))", [MIGRATION_LOCK]);
      const schema = (await client.query<{ schema: string | null }>('SELECT current_schema() AS schema')).rows[0]!.schema;
      if (schema === null) {
        throw new DatabaseSetupError('The schema named in search_path in DATABASE_URL does not exist: create it (CREATE SCHEMA …) or fix the name.');
      }
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
      const next = MIGRATIONS.find((migration) => !applied.has(migration.version));
      if (!next) {
        await client.query('COMMIT');
        return ran;
      }
      try {
        await client.query(next.postgres);
      } catch (error) {
        throw new Error(`Migration ${next.version} (${next.name}) failed on PostgreSQL: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [next.version, next.name, new Date().toISOString()]);
      await client.query('COMMIT');
      ran.push(next.version);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

type Client = pg.PoolClient;

interface RetryOptions {
  /** Retry on a unique violation: only where the checks before each insert make it a sign of a race. */
  retryUniqueViolation?: boolean;
}

interface TransactionOptions extends RetryOptions {
  /** For reads that must see one snapshot. */
  readOnlySnapshot?: boolean;
}

class PostgresStore implements Store {
  private closed = false;
  readonly workspace: WorkspaceStore;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresStoreOptions,
  ) {
    this.workspace = createWorkspaceStore(postgresRunner(pool));
  }

  /**
   * Runs `work`, which begins and commits a transaction, on a connection of its own: rolled back on any
   * error, and started again from the top on a serialization failure or a deadlock.
   */
  private async retrying<T>(work: (client: Client) => Promise<T>, options: RetryOptions = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        return await work(client);
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection itself is gone: drop it rather than hand it to the next request.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        const code = (error as { code?: unknown }).code;
        const retryable = code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED || (options.retryUniqueViolation === true && code === UNIQUE_VIOLATION);
        if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      } finally {
        client.release(broken);
      }
      // A little jitter, so that two transactions that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }

  private async transaction<T>(work: (client: Client) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.retrying(async (client) => {
      await client.query(options.readOnlySnapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    }, options);
  }

  // Single-row lookups (a device's token, a session, a user) are named, so each connection parses and
  // plans them once.
  private async one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T | null> {
    return (await this.pool.query<T>({ name: preparedName(sql), text: sql, values: params })).rows[0] ?? null;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  async createOrg(input: { name: string; admin: Omit<NewUser, 'orgId' | 'role'> }): Promise<{ org: Org; admin: User }> {
    return this.transaction(async (client) => {
      const org: Org = { id: ulid(), name: input.name };
      await client.query('INSERT INTO orgs (id, name, created_at) VALUES ($1, $2, $3)', [org.id, org.name, new Date().toISOString()]);
      const admin = await insertUser(client, { ...input.admin, orgId: org.id, role: 'admin' });
      return { org, admin };
    });
  }

  async createUser(input: NewUser): Promise<User> {
    const client = await this.pool.connect();
    try {
      return await insertUser(client, input);
    } finally {
      client.release();
    }
  }

  async findOrgByName(name: string): Promise<Org | null> {
    return this.one<Org>('SELECT id, name FROM orgs WHERE name = $1', [name]);
  }

  async findOrg(id: string): Promise<Org | null> {
    return this.one<Org>('SELECT id, name FROM orgs WHERE id = $1', [id]);
  }

  async findUserByEmail(email: string): Promise<User | null> {
    const row = await this.one<UserRow>('SELECT * FROM users WHERE email = $1 AND deleted_at IS NULL', [email.toLowerCase()]);
    return row ? toUser(row) : null;
  }

  async findUser(id: string): Promise<User | null> {
    const row = await this.one<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return row ? toUser(row) : null;
  }

  async listUsers(orgId: string): Promise<TeamMember[]> {
    const { rows } = await this.pool.query<UserRow>(
      `SELECT * FROM users WHERE org_id = $1 AND deleted_at IS NULL ORDER BY role = 'admin' DESC, name COLLATE "C", id COLLATE "C"`,
      [orgId],
    );
    return rows.map(toTeamMember);
  }

  async setUserDisabled(input: { orgId: string; userId: string; disabled: boolean; now: string }): Promise<UserChange> {
    return this.transaction(async (client): Promise<UserChange> => {
      const refusal = await checkUserChange(client, input.orgId, input.userId, input.disabled);
      if (refusal) return refusal;
      const row = (await client.query<UserRow>('UPDATE users SET disabled_at = $1 WHERE id = $2 RETURNING *', [input.disabled ? input.now : null, input.userId])).rows[0]!;
      if (input.disabled) await revokeUserSessions(client, input.userId, 'user_disabled', input.now);
      return { ok: true, user: toUser(row) };
    });
  }

  async deleteUser(input: { orgId: string; userId: string; now: string }): Promise<UserChange> {
    return this.transaction(async (client): Promise<UserChange> => {
      const refusal = await checkUserChange(client, input.orgId, input.userId, true);
      if (refusal) return refusal;
      const before = (await client.query<UserRow>('SELECT * FROM users WHERE id = $1', [input.userId])).rows[0]!;
      await client.query("UPDATE users SET deleted_at = $1, disabled_at = COALESCE(disabled_at, $1), email = $2, password_hash = '!' WHERE id = $3", [
        input.now,
        deletedEmail(input.userId),
        input.userId,
      ]);
      await revokeUserSessions(client, input.userId, 'user_deleted', input.now);
      return { ok: true, user: toUser(before) };
    });
  }

  async createAuthSession(input: NewAuthSession): Promise<LiveSession> {
    return this.transaction(async (client): Promise<LiveSession> => {
      const id = ulid();
      await client.query('INSERT INTO auth_sessions (id, user_id, org_id, csrf_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        id,
        input.userId,
        input.orgId,
        input.csrfHash,
        input.now,
        input.expiresAt,
      ]);
      await client.query(
        `INSERT INTO auth_tokens (token_hash, session_id, kind, expires_at, created_at) VALUES ($1, $2, 'access', $3, $5), ($4, $2, 'refresh', $6, $5)`,
        [input.accessHash, id, input.accessExpiresAt, input.refreshHash, input.now, input.expiresAt],
      );
      const user = (await client.query<UserRow>('UPDATE users SET last_sign_in_at = $1 WHERE id = $2 RETURNING *', [input.now, input.userId])).rows[0]!;
      return { id, user: toUser(user), csrfHash: input.csrfHash, expiresAt: input.expiresAt };
    });
  }

  async findAccessSession(accessHash: string, now: string): Promise<AccessLookup> {
    const row = await this.one<TokenSessionRow>(`${SESSION_OF_TOKEN} WHERE auth_tokens.token_hash = $1 AND auth_tokens.kind = 'access'`, [accessHash]);
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revoked_at || row.disabled_at || row.deleted_at) return { ok: false, reason: 'revoked' };
    if (row.token_expires_at <= now || row.session_expires_at <= now) return { ok: false, reason: 'expired' };
    return { ok: true, session: toLiveSession(row), accessExpiresAt: row.token_expires_at };
  }

  async rotateRefreshToken(input: { refreshHash: string; csrfHash: string; accessHash: string; accessExpiresAt: string; newRefreshHash: string; now: string }): Promise<RefreshResult> {
    return this.transaction(async (client): Promise<RefreshResult> => {
      // Locked until commit: two refreshes with one token queue here, and the second sees it used.
      const row = (
        await client.query<TokenSessionRow>(`${SESSION_OF_TOKEN} WHERE auth_tokens.token_hash = $1 AND auth_tokens.kind = 'refresh' FOR UPDATE OF auth_tokens, auth_sessions`, [
          input.refreshHash,
        ])
      ).rows[0];
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.revoked_at || row.disabled_at || row.deleted_at) return { ok: false, reason: 'revoked' };
      if (row.used_at) {
        await client.query("UPDATE auth_sessions SET revoked_at = $1, revoked_reason = 'refresh_reused' WHERE id = $2", [input.now, row.session_id]);
        return { ok: false, reason: 'reused', sessionId: row.session_id, user: toUser(row) };
      }
      if (row.csrf_hash !== input.csrfHash) return { ok: false, reason: 'csrf' };
      if (row.session_expires_at <= input.now) return { ok: false, reason: 'expired' };
      await client.query('UPDATE auth_tokens SET used_at = $1 WHERE token_hash = $2', [input.now, input.refreshHash]);
      await client.query(
        `INSERT INTO auth_tokens (token_hash, session_id, kind, expires_at, created_at) VALUES ($1, $2, 'access', $3, $5), ($4, $2, 'refresh', $6, $5)`,
        [input.accessHash, row.session_id, input.accessExpiresAt, input.newRefreshHash, input.now, row.session_expires_at],
      );
      return { ok: true, session: toLiveSession(row) };
    });
  }

  async revokeSessionByAccessToken(accessHash: string, reason: string, now: string): Promise<User | null> {
    const row = await this.one<TokenSessionRow>(`${SESSION_OF_TOKEN} WHERE auth_tokens.token_hash = $1 AND auth_tokens.kind = 'access'`, [accessHash]);
    if (!row) return null;
    await this.pool.query('UPDATE auth_sessions SET revoked_at = $1, revoked_reason = $2 WHERE id = $3 AND revoked_at IS NULL', [now, reason, row.session_id]);
    return toUser(row);
  }

  async purgeExpired(now: string): Promise<number> {
    return this.transaction(async (client) => {
      const dayAgo = new Date(Date.parse(now) - 86_400_000).toISOString();
      const weekAgo = new Date(Date.parse(now) - 7 * 86_400_000).toISOString();
      let removed = 0;
      removed += (await client.query("DELETE FROM auth_tokens WHERE kind = 'access' AND expires_at <= $1", [now])).rowCount ?? 0;
      removed += (await client.query('DELETE FROM auth_tokens WHERE session_id IN (SELECT id FROM auth_sessions WHERE expires_at <= $1)', [now])).rowCount ?? 0;
      removed += (await client.query('DELETE FROM auth_sessions WHERE expires_at <= $1', [now])).rowCount ?? 0;
      removed += (await client.query('DELETE FROM sign_in_failures WHERE last_failed_at <= $1 AND (locked_until IS NULL OR locked_until <= $2)', [dayAgo, now])).rowCount ?? 0;
      removed += (await client.query('DELETE FROM user_invitations WHERE accepted_at IS NULL AND expires_at <= $1', [weekAgo])).rowCount ?? 0;
      return removed;
    });
  }

  async addSignInFailure(email: string, now: string, forgetBefore: string): Promise<number> {
    // One statement: concurrent failures for one email each add one.
    const row = await this.one<{ failures: number }>(
      `INSERT INTO sign_in_failures (email, failures, last_failed_at) VALUES ($1, 1, $2)
       ON CONFLICT (email) DO UPDATE SET failures = CASE WHEN sign_in_failures.last_failed_at < $3 THEN 1 ELSE sign_in_failures.failures + 1 END,
         last_failed_at = excluded.last_failed_at
       RETURNING failures`,
      [email.toLowerCase(), now, forgetBefore],
    );
    return row!.failures;
  }

  async lockSignIn(email: string, until: string): Promise<void> {
    await this.pool.query('UPDATE sign_in_failures SET locked_until = $1 WHERE email = $2', [until, email.toLowerCase()]);
  }

  async findSignInLock(email: string, now: string): Promise<string | null> {
    return (await this.one<{ locked_until: string }>('SELECT locked_until FROM sign_in_failures WHERE email = $1 AND locked_until > $2', [email.toLowerCase(), now]))?.locked_until ?? null;
  }

  async clearSignInFailures(email: string): Promise<void> {
    await this.pool.query('DELETE FROM sign_in_failures WHERE email = $1', [email.toLowerCase()]);
  }

  async createUserInvitation(input: NewUserInvitation): Promise<TeamInvitation> {
    const invitation: TeamInvitation = { id: ulid(), email: input.email.toLowerCase(), role: input.role, createdAt: input.now, expiresAt: input.expiresAt };
    await this.pool.query(
      'INSERT INTO user_invitations (id, org_id, token_hash, email, role, invited_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [invitation.id, input.orgId, input.tokenHash, invitation.email, invitation.role, input.invitedBy, input.now, input.expiresAt],
    );
    return invitation;
  }

  async listUserInvitations(orgId: string, now: string): Promise<TeamInvitation[]> {
    const { rows } = await this.pool.query<UserInvitationRow>(
      'SELECT * FROM user_invitations WHERE org_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT 200',
      [orgId, now],
    );
    return rows.map(toTeamInvitation);
  }

  async revokeUserInvitation(input: { orgId: string; id: string; now: string }): Promise<TeamInvitation | null> {
    const row = await this.one<UserInvitationRow>(
      'UPDATE user_invitations SET revoked_at = $1 WHERE id = $2 AND org_id = $3 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING *',
      [input.now, input.id, input.orgId],
    );
    return row ? toTeamInvitation(row) : null;
  }

  async findUserInvitation(tokenHash: string, now: string): Promise<InvitationLookup> {
    const row = await this.one<UserInvitationRow>('SELECT * FROM user_invitations WHERE token_hash = $1', [tokenHash]);
    const refusal = invitationRefusal(row, now);
    if (refusal) return { ok: false, reason: refusal };
    return { ok: true, invitation: toTeamInvitation(row!), org: (await this.findOrg(row!.org_id))! };
  }

  async acceptUserInvitation(input: { tokenHash: string; name: string; passwordHash: string; now: string }): Promise<AcceptResult> {
    return this.transaction(
      async (client): Promise<AcceptResult> => {
        // Locked until commit: the same link accepted twice at once makes one user.
        const row = (await client.query<UserInvitationRow>('SELECT * FROM user_invitations WHERE token_hash = $1 FOR UPDATE', [input.tokenHash])).rows[0] ?? null;
        const refusal = invitationRefusal(row, input.now);
        if (refusal) return { ok: false, reason: refusal };
        if ((await client.query('SELECT 1 FROM users WHERE email = $1', [row!.email])).rowCount) return { ok: false, reason: 'email_taken' };
        // An account made for this email elsewhere at this moment is a unique violation; the retry
        // then finds it and answers email_taken.
        const user = await insertUser(client, { orgId: row!.org_id, email: row!.email, name: input.name, role: row!.role, passwordHash: input.passwordHash });
        await client.query('UPDATE user_invitations SET accepted_at = $1, accepted_user_id = $2 WHERE id = $3', [input.now, user.id, row!.id]);
        const org = (await client.query<Org>('SELECT id, name FROM orgs WHERE id = $1', [row!.org_id])).rows[0]!;
        return { ok: true, user, org };
      },
      { retryUniqueViolation: true },
    );
  }

  async appendAudit(entry: NewAuditEntry): Promise<void> {
    const actor = entry.actor;
    await this.pool.query(
      'INSERT INTO audit_log (id, org_id, actor_type, actor_id, actor_label, action, target, detail, ip, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
      [
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
      ],
    );
  }

  async listAudit(orgId: string, query: AuditQuery): Promise<AuditEntry[]> {
    const where = ['org_id = $1'];
    const params: unknown[] = [orgId];
    if (query.action) {
      params.push(query.action, `${query.action}.`);
      where.push(`(action = $${params.length - 1} OR left(action, ${query.action.length + 1}) = $${params.length})`);
    }
    if (query.before) {
      params.push(query.before.at, query.before.id);
      where.push(`(at < $${params.length - 1} OR (at = $${params.length - 1} AND id < $${params.length}))`);
    }
    params.push(query.limit);
    const { rows } = await this.pool.query<AuditRow>(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT $${params.length}`, params);
    return rows.map(toAuditEntry);
  }

  async createInvite(invite: NewInvite): Promise<Invite> {
    const createdAt = new Date().toISOString();
    const id = ulid();
    await this.pool.query(
      'INSERT INTO invites (id, code_hash, org_id, created_by, label, max_uses, uses, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8)',
      [id, invite.codeHash, invite.orgId, invite.createdBy, invite.label, invite.maxUses, invite.expiresAt, createdAt],
    );
    return { id, label: invite.label, maxUses: invite.maxUses, uses: 0, expiresAt: invite.expiresAt, createdAt };
  }

  async listInvites(orgId: string): Promise<Invite[]> {
    const { rows } = await this.pool.query<InviteRow>('SELECT * FROM invites WHERE org_id = $1 ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT 200', [orgId]);
    return rows.map(toInvite);
  }

  async redeemInvite(input: { codeHash: string; clientId: string; candidateName: string; tokenHash: string; now: string }): Promise<RedeemResult> {
    return this.transaction(
      async (client): Promise<RedeemResult> => {
        // Locked until commit: redemptions of one code queue here, so each sees the uses before it.
        const invite = (await client.query<InviteRow>('SELECT * FROM invites WHERE code_hash = $1 FOR UPDATE', [input.codeHash])).rows[0];
        if (!invite) return { ok: false, reason: 'unknown' };
        if (invite.expires_at <= input.now) return { ok: false, reason: 'expired' };
        const existing = (
          await client.query<DeviceRow>('SELECT * FROM devices WHERE org_id = $1 AND client_id = $2 FOR UPDATE', [invite.org_id, input.clientId])
        ).rows[0];
        let device: Device;
        if (existing) {
          // Re-joining the same organisation rotates the token (the old one stops working) and uses no
          // invite slot: the device was already admitted.
          await client.query('UPDATE devices SET token_hash = $1, candidate_name = $2 WHERE id = $3', [input.tokenHash, input.candidateName, existing.id]);
          device = { ...toDevice(existing), candidateName: input.candidateName };
        } else {
          if (invite.uses >= invite.max_uses) return { ok: false, reason: 'used-up' };
          await client.query('UPDATE invites SET uses = uses + 1 WHERE id = $1', [invite.id]);
          device = { id: ulid(), orgId: invite.org_id, clientId: input.clientId, candidateName: input.candidateName, lastSeenAt: null };
          // The same device redeeming another code of this organisation at this moment makes this a
          // unique violation; the retry then finds its row and takes the branch above.
          await client.query('INSERT INTO devices (id, org_id, client_id, candidate_name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
            device.id,
            device.orgId,
            device.clientId,
            device.candidateName,
            input.tokenHash,
            input.now,
          ]);
        }
        const org = (await client.query<Org>('SELECT id, name FROM orgs WHERE id = $1', [invite.org_id])).rows[0]!;
        // Written while this device's row is locked (or not yet visible to anyone), so one device's
        // changes commit in cursor order and a pull never skips one that commits later.
        await addDeviceChange(client, device.id, { type: 'org.joined', payload: { orgId: org.id, orgName: org.name } }, input.now);
        return { ok: true, org, device };
      },
      { retryUniqueViolation: true },
    );
  }

  async findDeviceByTokenHash(tokenHash: string): Promise<Device | null> {
    const row = await this.one<DeviceRow>('SELECT * FROM devices WHERE token_hash = $1', [tokenHash]);
    return row ? toDevice(row) : null;
  }

  async ingest(device: Device, items: PushItem[], now: string): Promise<PushOutcome> {
    // ingestPush begins and commits: BEGIN goes out with its first statement, COMMIT with its last.
    return this.retrying((client) => ingestPush(client, device, items, now, this.options.beforeIngestCommit), { retryUniqueViolation: true });
  }

  async noteDeviceSeen(deviceId: string, now: string): Promise<void> {
    await this.pool.query({
      name: 'note-device-seen',
      text: 'UPDATE devices SET last_seen_at = $1 WHERE id = $2 AND (last_seen_at IS NULL OR last_seen_at < $3)',
      values: [now, deviceId, seenBefore(now)],
    });
  }

  async listDeviceChanges(deviceId: string, afterCursor: number, limit: number): Promise<{ cursor: number; change: DeviceChange }[]> {
    const { rows } = await this.pool.query<{ cursor: number; type: string; payload: string }>(
      'SELECT cursor, type, payload FROM device_changes WHERE device_id = $1 AND cursor > $2 ORDER BY cursor LIMIT $3',
      [deviceId, afterCursor, limit],
    );
    return rows.map((row) => ({ cursor: row.cursor, change: deviceChange.parse({ type: row.type, payload: JSON.parse(row.payload) }) }));
  }

  async queryInterviews(orgId: string, query: InterviewListQuery): Promise<InterviewListRow[]> {
    const { text, values } = interviewListSql('postgres', orgId, query);
    const { rows } = await this.pool.query<InterviewListDbRow>({ name: preparedName(text), text, values });
    return rows.map(toInterviewListRow);
  }

  async getInterview(orgId: string, interviewId: string): Promise<InterviewDetail | null> {
    // One statement is one snapshot: a push committing meanwhile cannot pair the interview with turns
    // from another moment (and it costs one round trip, not a transaction's five).
    const row = await this.one<InterviewRow & { turns: TurnRow[] | null; recordings: { turn_id: string; id: string }[] | null }>(
      `SELECT i.*,
         (SELECT json_agg(t ORDER BY t.idx) FROM turns t WHERE t.interview_id = i.id) AS turns,
         (SELECT json_agg(json_build_object('turn_id', r.turn_id, 'id', r.id) ORDER BY r.created_at, r.id) FROM shared_recordings r WHERE r.interview_id = i.id) AS recordings
       FROM interviews i WHERE i.id = $1 AND i.org_id = $2 AND i.deleted = 0 AND i.started_at IS NOT NULL`,
      [interviewId, orgId],
    );
    if (!row) return null;
    return toInterviewDetail(row, row.turns ?? [], row.recordings ?? []);
  }


  async putRecording(input: NewSharedRecording): Promise<PutRecordingOutcome> {
    return this.transaction(async (client) => {
      // The device's pushes lock its row too, so a revocation and an upload never cross.
      const consent = (await client.query<{ consent: string | null }>('SELECT consent FROM devices WHERE id = $1 FOR NO KEY UPDATE', [input.device.id])).rows[0]?.consent;
      if (!parseStoredConsent(consent).audio) return 'not-consented';
      const interview = (await client.query<{ device_id: string; deleted: number }>('SELECT device_id, deleted FROM interviews WHERE id = $1', [input.interviewId])).rows[0];
      if (!interview || interview.device_id !== input.device.id || interview.deleted) return 'unknown-interview';
      const inserted = await client.query(
        `INSERT INTO shared_recordings (interview_id, id, turn_id, org_id, device_id, mime_type, bytes, audio, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (interview_id, id) DO NOTHING`,
        [input.interviewId, input.recordingId, input.turnId, input.device.orgId, input.device.id, input.mimeType, input.audio.byteLength, Buffer.from(input.audio), input.now],
      );
      return inserted.rowCount === 1 ? 'stored' : 'duplicate';
    });
  }

  async getRecording(orgId: string, interviewId: string, recordingId: string): Promise<SharedRecording | null> {
    const row = (
      await this.pool.query<{ mime_type: string; audio: Buffer }>(
        `SELECT r.mime_type, r.audio FROM shared_recordings r JOIN interviews i ON i.id = r.interview_id
         WHERE r.interview_id = $1 AND r.id = $2 AND r.org_id = $3 AND i.org_id = $3 AND i.deleted = 0`,
        [interviewId, recordingId, orgId],
      )
    ).rows[0];
    return row ? { mimeType: row.mime_type, audio: new Uint8Array(row.audio) } : null;
  }

  async serveCachedPlan(key: QuestionCacheKey, minQuestions: number): Promise<PlannedQuestion[] | null> {
    return this.transaction(async (client) => {
      // One lookup per key at a time, so that concurrent candidates rotate through the plans as they
      // would one after another.
      await lockQuestionCacheKey(client, key);
      // Least served first, so candidates asking for the same interview get different plans in turn;
      // among equals the newest, which reflects the latest models.
      const plan = (
        await client.query<{ id: number; questions: string }>(
          `SELECT id, questions FROM question_plans
           WHERE role = $1 AND seniority = $2 AND type = $3 AND language = $4 AND question_count >= $5
           ORDER BY served ASC, id DESC LIMIT 1`,
          [key.role, key.seniority, key.type, key.language, minQuestions],
        )
      ).rows[0];
      if (plan) await client.query('UPDATE question_plans SET served = served + 1 WHERE id = $1', [plan.id]);
      // Last, because every lookup of every key updates one of these two rows and holds it until commit.
      await client.query('UPDATE question_cache_counters SET value = value + 1 WHERE name = $1', [plan ? 'hits' : 'misses']);
      return plan ? (JSON.parse(plan.questions) as PlannedQuestion[]) : null;
    });
  }

  async saveCachedPlan(input: { key: QuestionCacheKey; questions: PlannedQuestion[]; planHash: string; keepNewest: number; now: string }): Promise<CachedPlanOutcome> {
    const { key } = input;
    return this.transaction(async (client): Promise<CachedPlanOutcome> => {
      // Two plans saved for one key at once must not both keep keepNewest + 1.
      await lockQuestionCacheKey(client, key);
      // A new plan joins the rotation at the level of the least-served plan: starting at 0 it would be
      // served to every candidate in a row until it caught up with the others.
      const inserted = await client.query(
        `INSERT INTO question_plans (role, seniority, type, language, plan_hash, questions, question_count, served, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7,
           COALESCE((SELECT MIN(served) FROM question_plans WHERE role = $1 AND seniority = $2 AND type = $3 AND language = $4), 0), $8)
         ON CONFLICT (role, seniority, type, language, plan_hash) DO NOTHING`,
        [key.role, key.seniority, key.type, key.language, input.planHash, JSON.stringify(input.questions), input.questions.length, input.now],
      );
      if (inserted.rowCount === 0) return 'duplicate';
      await client.query(
        `DELETE FROM question_plans WHERE role = $1 AND seniority = $2 AND type = $3 AND language = $4 AND id NOT IN (
           SELECT id FROM question_plans WHERE role = $1 AND seniority = $2 AND type = $3 AND language = $4 ORDER BY id DESC LIMIT $5)`,
        [key.role, key.seniority, key.type, key.language, input.keepNewest],
      );
      return 'stored';
    });
  }

  async operatorFigures(query: OperatorFiguresQuery): Promise<OperatorFigures> {
    return queryOperatorFigures(postgresReader(this.pool), 'postgres', query);
  }

  async questionCacheStats(): Promise<QuestionCacheStats> {
    // One statement, so one snapshot.
    const row = await this.one<QuestionCacheStats>(
      `SELECT (SELECT value FROM question_cache_counters WHERE name = 'hits') AS hits,
              (SELECT value FROM question_cache_counters WHERE name = 'misses') AS misses,
              (SELECT count(*) FROM question_plans) AS plans,
              (SELECT count(*) FROM (SELECT DISTINCT role, seniority, type, language FROM question_plans) AS held) AS keys`,
    );
    return { hits: row?.hits ?? 0, misses: row?.misses ?? 0, plans: row?.plans ?? 0, keys: row?.keys ?? 0 };
  }
}

async function insertUser(client: Client, input: NewUser): Promise<User> {
  const user: User = { ...input, id: ulid(), email: input.email.toLowerCase(), disabledAt: null };
  await client.query('INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    user.id,
    user.orgId,
    user.email,
    user.name,
    user.role,
    user.passwordHash,
    new Date().toISOString(),
  ]);
  return user;
}

type TokenSessionRow = SessionUserRow & { token_expires_at: string; used_at: string | null };

/** A token with its session and user; callers add the WHERE (and a lock). */
const SESSION_OF_TOKEN = `SELECT users.*, auth_sessions.id AS session_id, auth_sessions.csrf_hash, auth_sessions.expires_at AS session_expires_at,
    auth_sessions.revoked_at, auth_tokens.expires_at AS token_expires_at, auth_tokens.used_at
  FROM auth_tokens JOIN auth_sessions ON auth_sessions.id = auth_tokens.session_id JOIN users ON users.id = auth_sessions.user_id`;

/**
 * The target must be a live user of the org; taking away an enabled admin needs another enabled admin.
 * The org's users are locked first, so two admins disabling each other at once cannot both succeed.
 */
async function checkUserChange(client: Client, orgId: string, userId: string, removing: boolean): Promise<UserChange | null> {
  const users = (await client.query<UserRow>('SELECT * FROM users WHERE org_id = $1 AND deleted_at IS NULL ORDER BY id FOR UPDATE', [orgId])).rows;
  const target = users.find((user) => user.id === userId);
  if (!target) return { ok: false, reason: 'not_found' };
  if (removing && target.role === 'admin' && !target.disabled_at) {
    const others = users.filter((user) => user.id !== userId && user.role === 'admin' && !user.disabled_at);
    if (others.length === 0) return { ok: false, reason: 'last_admin' };
  }
  return null;
}

async function revokeUserSessions(client: Client, userId: string, reason: string, now: string): Promise<void> {
  await client.query('UPDATE auth_sessions SET revoked_at = $1, revoked_reason = $2 WHERE user_id = $3 AND revoked_at IS NULL', [now, reason, userId]);
}

function invitationRefusal(row: UserInvitationRow | null, now: string): 'unknown' | 'expired' | 'used' | 'revoked' | null {
  if (!row) return 'unknown';
  if (row.accepted_at) return 'used';
  if (row.revoked_at) return 'revoked';
  if (row.expires_at <= now) return 'expired';
  return null;
}

async function addDeviceChange(client: Client, deviceId: string, change: DeviceChange, now: string): Promise<void> {
  await client.query('INSERT INTO device_changes (device_id, type, payload, created_at) VALUES ($1, $2, $3, $4)', [
    deviceId,
    change.type,
    JSON.stringify(change.payload),
    now,
  ]);
}

async function lockQuestionCacheKey(client: Client, key: QuestionCacheKey): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended('question-cache:' || $1::text, 0))", [
    JSON.stringify([key.role, key.seniority, key.type, key.language]),
  ]);
}
