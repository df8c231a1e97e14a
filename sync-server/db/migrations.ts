// Versioned schema migrations, one list for both databases. Each entry runs once, in order, in its own
// transaction, and is recorded in schema_migrations with its version (the same numbers on both).
// Each carries the SQL for SQLite and for PostgreSQL: the two dialects differ in types (BIGINT,
// identity columns), JSON functions and what ALTER TABLE can do. Both give the same tables and
// columns, so rows.ts maps either database's rows. Ids, times (ISO 8601 strings) and JSON stay TEXT
// on PostgreSQL too, so that comparisons, ordering and what is returned are identical.
// Never edit a shipped migration (migrations.test.ts pins the SQLite text): add the next one.
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'orgs, interviewers, sessions, invites, devices, events, materialised interviews',
    sqlite: `
      CREATE TABLE orgs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'interviewer')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions(user_id);
      CREATE TABLE invites (
        code TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        created_by TEXT NOT NULL REFERENCES users(id),
        label TEXT,
        max_uses INTEGER NOT NULL,
        uses INTEGER NOT NULL DEFAULT 0,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX invites_by_org ON invites(org_id, created_at);
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        client_id TEXT NOT NULL,
        candidate_name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT,
        UNIQUE (org_id, client_id)
      );
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(id),
        org_id TEXT NOT NULL REFERENCES orgs(id),
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        payload TEXT NOT NULL,
        received_at TEXT NOT NULL,
        UNIQUE (device_id, seq)
      );
      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        device_id TEXT NOT NULL REFERENCES devices(id),
        candidate_name TEXT NOT NULL,
        role TEXT,
        seniority TEXT,
        type TEXT,
        spec TEXT,
        engine TEXT,
        started_at TEXT,
        completed_at TEXT,
        ended_early INTEGER NOT NULL DEFAULT 0,
        overall REAL,
        summary TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX interviews_by_org ON interviews(org_id, deleted, started_at);
      CREATE TABLE turns (
        id TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        skipped INTEGER NOT NULL,
        active_ms INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        score TEXT,
        overall REAL
      );
      CREATE INDEX turns_by_interview ON turns(interview_id, idx);
      CREATE TABLE device_changes (
        cursor INTEGER PRIMARY KEY AUTOINCREMENT,
        device_id TEXT NOT NULL REFERENCES devices(id),
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX device_changes_by_device ON device_changes(device_id, cursor);
    `,
    // SQLite's INTEGER is 64 bits: seqs and durations, which a device may send up to 2^53, are BIGINT
    // here (postgres-store.ts parses BIGINT to a number); REAL is DOUBLE PRECISION. Text that is
    // compared or sorted by range (times) is COLLATE "C": byte order, as in SQLite, whatever the
    // database's locale.
    postgres: `
      CREATE TABLE orgs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'interviewer')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at TEXT COLLATE "C" NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions(user_id);
      CREATE TABLE invites (
        code TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        created_by TEXT NOT NULL REFERENCES users(id),
        label TEXT,
        max_uses INTEGER NOT NULL,
        uses INTEGER NOT NULL DEFAULT 0,
        expires_at TEXT NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX invites_by_org ON invites(org_id, created_at);
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        client_id TEXT NOT NULL,
        candidate_name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT,
        UNIQUE (org_id, client_id)
      );
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(id),
        org_id TEXT NOT NULL REFERENCES orgs(id),
        seq BIGINT NOT NULL,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        payload TEXT NOT NULL,
        received_at TEXT NOT NULL,
        UNIQUE (device_id, seq)
      );
      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        device_id TEXT NOT NULL REFERENCES devices(id),
        candidate_name TEXT NOT NULL,
        role TEXT,
        seniority TEXT,
        type TEXT,
        spec TEXT,
        engine TEXT,
        started_at TEXT COLLATE "C",
        completed_at TEXT,
        ended_early INTEGER NOT NULL DEFAULT 0,
        overall DOUBLE PRECISION,
        summary TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX interviews_by_org ON interviews(org_id, deleted, started_at);
      CREATE TABLE turns (
        id TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        skipped INTEGER NOT NULL,
        active_ms BIGINT NOT NULL,
        answered_at TEXT NOT NULL,
        score TEXT,
        overall DOUBLE PRECISION
      );
      CREATE INDEX turns_by_interview ON turns(interview_id, idx);
      CREATE TABLE device_changes (
        cursor BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(id),
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX device_changes_by_device ON device_changes(device_id, cursor);
    `,
  },
  {
    version: 2,
    name: 'turns scoped to their interview, last-writer-by-seq, events findable by interview for deletion',
    // Turn ids were global, so a device could name another interview's turn id and overwrite it; the
    // key is now (interview_id, id). The *_seq columns let a later event win whatever order the events
    // arrive in. events.interview_id lets a deletion find and redact every payload of the interview.
    sqlite: `
      ALTER TABLE events ADD COLUMN interview_id TEXT;
      UPDATE events SET interview_id = json_extract(payload, '$.interviewId');
      CREATE INDEX events_by_interview ON events(interview_id);
      ALTER TABLE interviews ADD COLUMN started_seq INTEGER;
      ALTER TABLE interviews ADD COLUMN completed_seq INTEGER;
      CREATE TABLE turns_v2 (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        skipped INTEGER NOT NULL,
        active_ms INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        score TEXT,
        overall REAL,
        PRIMARY KEY (interview_id, id)
      );
      INSERT INTO turns_v2 (interview_id, id, seq, idx, question, answer, skipped, active_ms, answered_at, score, overall)
        SELECT interview_id, id, 0, idx, question, answer, skipped, active_ms, answered_at, score, overall FROM turns;
      DROP TABLE turns;
      ALTER TABLE turns_v2 RENAME TO turns;
      CREATE INDEX turns_by_interview ON turns(interview_id, idx);
    `,
    postgres: `
      ALTER TABLE events ADD COLUMN interview_id TEXT;
      UPDATE events SET interview_id = payload::jsonb ->> 'interviewId';
      CREATE INDEX events_by_interview ON events(interview_id);
      ALTER TABLE interviews ADD COLUMN started_seq BIGINT;
      ALTER TABLE interviews ADD COLUMN completed_seq BIGINT;
      ALTER TABLE turns DROP CONSTRAINT turns_pkey;
      ALTER TABLE turns ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE turns ALTER COLUMN seq DROP DEFAULT;
      ALTER TABLE turns ADD PRIMARY KEY (interview_id, id);
    `,
  },
  {
    version: 3,
    name: 'shared question cache: anonymous plans per key, and hit/miss counters',
    // Shared across organisations, so a plan row has no device or org column: contributions are
    // anonymous by construction. plan_hash makes an identical plan for the same key land once.
    sqlite: `
      CREATE TABLE question_plans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        role TEXT NOT NULL,
        seniority TEXT NOT NULL,
        type TEXT NOT NULL,
        language TEXT NOT NULL,
        plan_hash TEXT NOT NULL,
        questions TEXT NOT NULL,
        question_count INTEGER NOT NULL,
        served INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        UNIQUE (role, seniority, type, language, plan_hash)
      );
      CREATE INDEX question_plans_by_key ON question_plans(role, seniority, type, language, served);
      CREATE TABLE question_cache_counters (
        name TEXT PRIMARY KEY CHECK (name IN ('hits', 'misses')),
        value INTEGER NOT NULL
      );
      INSERT INTO question_cache_counters (name, value) VALUES ('hits', 0), ('misses', 0);
    `,
    postgres: `
      CREATE TABLE question_plans (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        role TEXT NOT NULL,
        seniority TEXT NOT NULL,
        type TEXT NOT NULL,
        language TEXT NOT NULL,
        plan_hash TEXT NOT NULL,
        questions TEXT NOT NULL,
        question_count INTEGER NOT NULL,
        served BIGINT NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        UNIQUE (role, seniority, type, language, plan_hash)
      );
      CREATE INDEX question_plans_by_key ON question_plans(role, seniority, type, language, served);
      CREATE TABLE question_cache_counters (
        name TEXT PRIMARY KEY CHECK (name IN ('hits', 'misses')),
        value BIGINT NOT NULL
      );
      INSERT INTO question_cache_counters (name, value) VALUES ('hits', 0), ('misses', 0);
    `,
  },
  {
    version: 4,
    name: 'accounts and security: disabled/deleted users, session families with rotating tokens, hashed invite codes, user invitations, sign-in lockout, audit log',
    // Sessions become families: one row per sign-in, with short-lived access tokens and single-use
    // refresh tokens under it, so a refresh token presented twice revokes the whole family. The old
    // sessions table is dropped: everyone signs in again once. Invite codes keep only their SHA-256
    // (base64url, as auth/tokens.ts hashToken computes it; ib_sha256_base64url is registered by
    // migrate() in sqlite-store.ts), so existing codes still redeem. Users are never removed, only
    // marked, because audit entries and invites name them.
    sqlite: `
      ALTER TABLE users ADD COLUMN disabled_at TEXT;
      ALTER TABLE users ADD COLUMN deleted_at TEXT;
      ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;
      DROP TABLE sessions;
      CREATE TABLE auth_sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        org_id TEXT NOT NULL REFERENCES orgs(id),
        csrf_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT,
        revoked_reason TEXT
      );
      CREATE INDEX auth_sessions_by_user ON auth_sessions(user_id);
      CREATE INDEX auth_sessions_by_expiry ON auth_sessions(expires_at);
      CREATE TABLE auth_tokens (
        token_hash TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES auth_sessions(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
        expires_at TEXT NOT NULL,
        used_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX auth_tokens_by_session ON auth_tokens(session_id);
      CREATE INDEX auth_tokens_by_expiry ON auth_tokens(kind, expires_at);
      CREATE TABLE invites_v4 (
        id TEXT PRIMARY KEY,
        code_hash TEXT NOT NULL UNIQUE,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        created_by TEXT NOT NULL REFERENCES users(id),
        label TEXT,
        max_uses INTEGER NOT NULL,
        uses INTEGER NOT NULL DEFAULT 0,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      INSERT INTO invites_v4 (id, code_hash, org_id, created_by, label, max_uses, uses, expires_at, created_at)
        SELECT lower(hex(randomblob(16))), ib_sha256_base64url(code), org_id, created_by, label, max_uses, uses, expires_at, created_at FROM invites;
      DROP TABLE invites;
      ALTER TABLE invites_v4 RENAME TO invites;
      CREATE INDEX invites_by_org ON invites(org_id, created_at);
      CREATE TABLE user_invitations (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        token_hash TEXT NOT NULL UNIQUE,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'interviewer')),
        invited_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        accepted_at TEXT,
        accepted_user_id TEXT REFERENCES users(id),
        revoked_at TEXT
      );
      CREATE INDEX user_invitations_by_org ON user_invitations(org_id, created_at);
      CREATE TABLE sign_in_failures (
        email TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failed_at TEXT NOT NULL,
        locked_until TEXT
      );
      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        org_id TEXT REFERENCES orgs(id),
        actor_type TEXT NOT NULL CHECK (actor_type IN ('user', 'device', 'system', 'anonymous')),
        actor_id TEXT,
        actor_label TEXT,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT NOT NULL,
        ip TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX audit_log_by_org ON audit_log(org_id, at, id);
      CREATE INDEX audit_log_by_org_action ON audit_log(org_id, action, at, id);
    `,
    postgres: `
      ALTER TABLE users ADD COLUMN disabled_at TEXT;
      ALTER TABLE users ADD COLUMN deleted_at TEXT;
      ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;
      DROP TABLE sessions;
      CREATE TABLE auth_sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        org_id TEXT NOT NULL REFERENCES orgs(id),
        csrf_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT COLLATE "C" NOT NULL,
        revoked_at TEXT,
        revoked_reason TEXT
      );
      CREATE INDEX auth_sessions_by_user ON auth_sessions(user_id);
      CREATE INDEX auth_sessions_by_expiry ON auth_sessions(expires_at);
      CREATE TABLE auth_tokens (
        token_hash TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES auth_sessions(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
        expires_at TEXT COLLATE "C" NOT NULL,
        used_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX auth_tokens_by_session ON auth_tokens(session_id);
      CREATE INDEX auth_tokens_by_expiry ON auth_tokens(kind, expires_at);
      ALTER TABLE invites ADD COLUMN id TEXT;
      ALTER TABLE invites ADD COLUMN code_hash TEXT;
      UPDATE invites SET id = md5(random()::text || clock_timestamp()::text || code),
        code_hash = rtrim(translate(encode(sha256(convert_to(code, 'UTF8')), 'base64'), '+/', '-_'), '=');
      ALTER TABLE invites DROP CONSTRAINT invites_pkey;
      ALTER TABLE invites DROP COLUMN code;
      ALTER TABLE invites ALTER COLUMN id SET NOT NULL;
      ALTER TABLE invites ALTER COLUMN code_hash SET NOT NULL;
      ALTER TABLE invites ADD PRIMARY KEY (id);
      ALTER TABLE invites ADD CONSTRAINT invites_code_hash_key UNIQUE (code_hash);
      CREATE TABLE user_invitations (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        token_hash TEXT NOT NULL UNIQUE,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'interviewer')),
        invited_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT COLLATE "C" NOT NULL,
        expires_at TEXT COLLATE "C" NOT NULL,
        accepted_at TEXT,
        accepted_user_id TEXT REFERENCES users(id),
        revoked_at TEXT
      );
      CREATE INDEX user_invitations_by_org ON user_invitations(org_id, created_at);
      CREATE TABLE sign_in_failures (
        email TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failed_at TEXT COLLATE "C" NOT NULL,
        locked_until TEXT COLLATE "C"
      );
      CREATE TABLE audit_log (
        id TEXT COLLATE "C" PRIMARY KEY,
        org_id TEXT REFERENCES orgs(id),
        actor_type TEXT NOT NULL CHECK (actor_type IN ('user', 'device', 'system', 'anonymous')),
        actor_id TEXT,
        actor_label TEXT,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT NOT NULL,
        ip TEXT,
        at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX audit_log_by_org ON audit_log(org_id, at, id);
      CREATE INDEX audit_log_by_org_action ON audit_log(org_id, action, at, id);
    `,
  },
  {
    version: 5,
    name: 'interviewer workspace: interview templates, assignments to devices, live controls, comments, score overrides',
    // Controls, comments and overrides name an interview by id without a foreign key (a deletion
    // keeps the interview's row, marked deleted); workspace-store.ts reads and writes them only while
    // the interview is in the caller's organisation and not deleted. Ids are ULIDs: id order is time order.
    sqlite: `
      CREATE TABLE interview_templates (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX interview_templates_by_org ON interview_templates(org_id, created_at);
      CREATE TABLE template_assignments (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        template_id TEXT NOT NULL REFERENCES interview_templates(id),
        template_version INTEGER NOT NULL,
        device_id TEXT NOT NULL REFERENCES devices(id),
        assigned_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX template_assignments_by_template ON template_assignments(org_id, template_id, created_at);
      CREATE TABLE interview_controls (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        interview_id TEXT NOT NULL,
        device_id TEXT NOT NULL REFERENCES devices(id),
        action TEXT NOT NULL CHECK (action IN ('pause', 'resume', 'extend', 'end', 'lock')),
        minutes INTEGER,
        message TEXT NOT NULL,
        issued_by TEXT NOT NULL REFERENCES users(id),
        issued_by_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX interview_controls_by_interview ON interview_controls(org_id, interview_id, id);
      CREATE TABLE interview_comments (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        interview_id TEXT NOT NULL,
        turn_id TEXT,
        body TEXT NOT NULL,
        author_id TEXT NOT NULL REFERENCES users(id),
        author_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX interview_comments_by_interview ON interview_comments(org_id, interview_id, id);
      CREATE TABLE score_overrides (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        interview_id TEXT NOT NULL,
        turn_id TEXT NOT NULL,
        dimension_key TEXT NOT NULL,
        from_score INTEGER NOT NULL,
        to_score INTEGER NOT NULL CHECK (to_score BETWEEN 1 AND 5),
        reason TEXT NOT NULL CHECK (length(reason) >= 3),
        author_id TEXT NOT NULL REFERENCES users(id),
        author_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX score_overrides_by_interview ON score_overrides(org_id, interview_id, id);
    `,
    postgres: `
      CREATE TABLE interview_templates (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT COLLATE "C" NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX interview_templates_by_org ON interview_templates(org_id, created_at);
      CREATE TABLE template_assignments (
        id TEXT COLLATE "C" PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        template_id TEXT NOT NULL REFERENCES interview_templates(id),
        template_version INTEGER NOT NULL,
        device_id TEXT NOT NULL REFERENCES devices(id),
        assigned_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX template_assignments_by_template ON template_assignments(org_id, template_id, created_at);
      CREATE TABLE interview_controls (
        id TEXT COLLATE "C" PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        interview_id TEXT NOT NULL,
        device_id TEXT NOT NULL REFERENCES devices(id),
        action TEXT NOT NULL CHECK (action IN ('pause', 'resume', 'extend', 'end', 'lock')),
        minutes INTEGER,
        message TEXT NOT NULL,
        issued_by TEXT NOT NULL REFERENCES users(id),
        issued_by_name TEXT NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX interview_controls_by_interview ON interview_controls(org_id, interview_id, id);
      CREATE TABLE interview_comments (
        id TEXT COLLATE "C" PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        interview_id TEXT NOT NULL,
        turn_id TEXT,
        body TEXT NOT NULL,
        author_id TEXT NOT NULL REFERENCES users(id),
        author_name TEXT NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX interview_comments_by_interview ON interview_comments(org_id, interview_id, id);
      CREATE TABLE score_overrides (
        id TEXT COLLATE "C" PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        interview_id TEXT NOT NULL,
        turn_id TEXT NOT NULL,
        dimension_key TEXT NOT NULL,
        from_score INTEGER NOT NULL,
        to_score INTEGER NOT NULL CHECK (to_score BETWEEN 1 AND 5),
        reason TEXT NOT NULL CHECK (length(reason) >= 3),
        author_id TEXT NOT NULL REFERENCES users(id),
        author_name TEXT NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX score_overrides_by_interview ON score_overrides(org_id, interview_id, id);
    `,
  },
  {
    version: 6,
    name: "sharing consent per item: the device's consent, shared speech and camera metrics per turn, shared recordings",
    // devices.consent is NULL until the device says what it shares (older devices never do: they
    // shared answers and scores before consent was asked). Recordings live in the database, beside the
    // interview they belong to, so a revocation deletes them in the same transaction as the rest.
    sqlite: `
      ALTER TABLE devices ADD COLUMN consent TEXT;
      ALTER TABLE turns ADD COLUMN speech_metrics TEXT;
      ALTER TABLE turns ADD COLUMN camera_metrics TEXT;
      CREATE TABLE shared_recordings (
        interview_id TEXT NOT NULL,
        id TEXT NOT NULL,
        turn_id TEXT NOT NULL,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        device_id TEXT NOT NULL REFERENCES devices(id),
        mime_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        audio BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (interview_id, id)
      );
      CREATE INDEX shared_recordings_by_device ON shared_recordings(device_id);
    `,
    postgres: `
      ALTER TABLE devices ADD COLUMN consent TEXT;
      ALTER TABLE turns ADD COLUMN speech_metrics TEXT;
      ALTER TABLE turns ADD COLUMN camera_metrics TEXT;
      CREATE TABLE shared_recordings (
        interview_id TEXT COLLATE "C" NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        turn_id TEXT NOT NULL,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        device_id TEXT NOT NULL REFERENCES devices(id),
        mime_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        audio BYTEA NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (interview_id, id)
      );
      CREATE INDEX shared_recordings_by_device ON shared_recordings(device_id);
    `,
  },
  {
    version: 7,
    name: "the interviewer's list paged in the database: the template an interview came from, and indexes in list order",
    // The list is filtered, sorted and paged in SQL (db/interview-list-sql.ts); these partial indexes
    // hold only listable interviews, in the order of its two index-friendly sorts (start time, score).
    // template_id stays NULL for interviews not started from a template, and for older devices'.
    sqlite: `
      ALTER TABLE interviews ADD COLUMN template_id TEXT;
      CREATE INDEX interviews_listed_by_start ON interviews(org_id, started_at, id) WHERE deleted = 0 AND started_at IS NOT NULL;
      CREATE INDEX interviews_listed_by_overall ON interviews(org_id, COALESCE(overall, -1), id) WHERE deleted = 0 AND started_at IS NOT NULL;
      CREATE INDEX interviews_listed_by_template ON interviews(org_id, template_id) WHERE deleted = 0 AND started_at IS NOT NULL AND template_id IS NOT NULL;
    `,
    postgres: `
      ALTER TABLE interviews ADD COLUMN template_id TEXT;
      CREATE INDEX interviews_listed_by_start ON interviews(org_id, started_at COLLATE "C", id COLLATE "C") WHERE deleted = 0 AND started_at IS NOT NULL;
      CREATE INDEX interviews_listed_by_overall ON interviews(org_id, (COALESCE(overall, -1)), id COLLATE "C") WHERE deleted = 0 AND started_at IS NOT NULL;
      CREATE INDEX interviews_listed_by_template ON interviews(org_id, template_id) WHERE deleted = 0 AND started_at IS NOT NULL AND template_id IS NOT NULL;
    `,
  },
];
