// The interviewer workspace's storage: interview templates, their assignments to devices, live
// controls, comments and score overrides. One implementation over a tiny SQL runner that SQLite
// (sqlite-store.ts) and PostgreSQL (postgres-store.ts) each provide, so both databases run the same
// statements and return the same things. Every query names the caller's organisation; an id from
// another organisation is treated exactly like one that does not exist.
// Whatever reaches a device is also written to device_changes in the same transaction, so a device
// pulls each assignment, control, comment and override exactly when it was stored, once, in order.
// Owns: these five tables and their device changes. Must not import: Hono, a route, a database driver.
import { monotonicFactory } from 'ulid';
import type { AssignmentTarget, TemplateAssignment } from '../protocol/template-assignment.ts';
import type { AddCommentRequest, InterviewComment } from '../protocol/interview-comment.ts';
import type { InterviewControl, IssueControlRequest } from '../protocol/interview-control.ts';
import { interviewTemplate, templateBody, type InterviewTemplate, type TemplateBody } from '../protocol/interview-template.ts';
import type { InterviewReview } from '../protocol/interview-review.ts';
import type { DeviceChange } from '../protocol/pull.ts';
import { answerScore } from '../protocol/score.ts';
import type { OverrideScoreRequest, ScoreOverride } from '../protocol/score-override.ts';

/** The statements this module needs, with `?` placeholders, in either database. */
export interface SqlRunner {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs the statements in order in one transaction: all of them are stored, or none. */
  batch(statements: { sql: string; params: unknown[] }[]): Promise<void>;
}

export interface Author {
  id: string;
  name: string;
}

export interface OrgDevice {
  id: string;
  candidateName: string;
  joinedAt: string;
  lastSeenAt: string | null;
}

export type AssignResult =
  | { ok: true; assignments: { id: string; deviceId: string; candidateName: string }[] }
  | { ok: false; reason: 'no_template' | 'no_device' | 'no_devices' };

export type ReviewWrite<T> = { ok: true; value: T } | { ok: false; reason: 'no_interview' | 'no_turn' | 'no_dimension' | 'not_scored' };

export interface WorkspaceStore {
  listTemplates(orgId: string): Promise<InterviewTemplate[]>;
  getTemplate(orgId: string, id: string): Promise<InterviewTemplate | null>;
  createTemplate(orgId: string, author: Author, body: TemplateBody, now: string): Promise<InterviewTemplate>;
  /** Saves a new version; assignments already made keep the version they were made from. */
  updateTemplate(orgId: string, id: string, body: TemplateBody, now: string): Promise<InterviewTemplate | null>;
  /** Hides it from the list; assignments already made are not taken back. */
  deleteTemplate(orgId: string, id: string, now: string): Promise<boolean>;
  listDevices(orgId: string): Promise<OrgDevice[]>;
  assignTemplate(input: { orgId: string; orgName: string; templateId: string; target: AssignmentTarget; author: Author; now: string }): Promise<AssignResult>;
  issueControl(orgId: string, interviewId: string, request: IssueControlRequest, author: Author, now: string): Promise<ReviewWrite<InterviewControl>>;
  addComment(orgId: string, interviewId: string, request: AddCommentRequest, author: Author, now: string): Promise<ReviewWrite<InterviewComment>>;
  overrideScore(orgId: string, interviewId: string, request: OverrideScoreRequest, author: Author, now: string): Promise<ReviewWrite<ScoreOverride>>;
  /** Comments, overrides and controls of a live interview of the organisation, oldest first; null when there is none. */
  getReview(orgId: string, interviewId: string): Promise<InterviewReview | null>;
}

const nextId = monotonicFactory();

interface TemplateRow {
  id: string;
  version: number;
  body: string;
  created_at: string;
  updated_at: string;
}

const toTemplate = (row: TemplateRow): InterviewTemplate =>
  interviewTemplate.parse({ ...templateBody.parse(JSON.parse(row.body)), id: row.id, version: Number(row.version), createdAt: row.created_at, updatedAt: row.updated_at });

const INSERT_DEVICE_CHANGE = 'INSERT INTO device_changes ';
/** PostgreSQL: held until COMMIT by whoever writes a device's changes (postgresRunner's batch). */
export const DEVICE_CHANGES_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('device-changes:' || $1::text, 0))";

const changeStatement = (deviceId: string, change: DeviceChange, now: string) => ({
  sql: `${INSERT_DEVICE_CHANGE}(device_id, type, payload, created_at) VALUES (?, ?, ?, ?)`,
  params: [deviceId, change.type, JSON.stringify(change.payload), now],
});

export function createWorkspaceStore(sql: SqlRunner): WorkspaceStore {
  const liveInterview = async (orgId: string, interviewId: string) =>
    (await sql.all<{ device_id: string }>('SELECT device_id FROM interviews WHERE id = ? AND org_id = ? AND deleted = 0', [interviewId, orgId]))[0] ?? null;

  const getTemplate = async (orgId: string, id: string) => {
    const rows = await sql.all<TemplateRow>(
      'SELECT id, version, body, created_at, updated_at FROM interview_templates WHERE id = ? AND org_id = ? AND deleted_at IS NULL',
      [id, orgId],
    );
    return rows[0] ? toTemplate(rows[0]) : null;
  };

  return {
    async listTemplates(orgId) {
      const rows = await sql.all<TemplateRow>(
        'SELECT id, version, body, created_at, updated_at FROM interview_templates WHERE org_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC',
        [orgId],
      );
      return rows.map(toTemplate);
    },

    getTemplate,

    async createTemplate(orgId, author, body, now) {
      const id = nextId();
      await sql.batch([
        {
          sql: 'INSERT INTO interview_templates (id, org_id, version, body, created_by, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?)',
          params: [id, orgId, JSON.stringify(body), author.id, now, now],
        },
      ]);
      return (await getTemplate(orgId, id))!;
    },

    async updateTemplate(orgId, id, body, now) {
      await sql.batch([
        {
          sql: 'UPDATE interview_templates SET body = ?, version = version + 1, updated_at = ? WHERE id = ? AND org_id = ? AND deleted_at IS NULL',
          params: [JSON.stringify(body), now, id, orgId],
        },
      ]);
      return getTemplate(orgId, id);
    },

    async deleteTemplate(orgId, id, now) {
      if (!(await getTemplate(orgId, id))) return false;
      await sql.batch([{ sql: 'UPDATE interview_templates SET deleted_at = ? WHERE id = ? AND org_id = ?', params: [now, id, orgId] }]);
      return true;
    },

    async listDevices(orgId) {
      const rows = await sql.all<{ id: string; candidate_name: string; created_at: string; last_seen_at: string | null }>(
        'SELECT id, candidate_name, created_at, last_seen_at FROM devices WHERE org_id = ? ORDER BY created_at, id',
        [orgId],
      );
      return rows.map((row) => ({ id: row.id, candidateName: row.candidate_name, joinedAt: row.created_at, lastSeenAt: row.last_seen_at }));
    },

    async assignTemplate({ orgId, orgName, templateId, target, author, now }) {
      const template = await getTemplate(orgId, templateId);
      if (!template) return { ok: false, reason: 'no_template' };
      const devices =
        target.type === 'device'
          ? await sql.all<{ id: string; candidate_name: string }>('SELECT id, candidate_name FROM devices WHERE id = ? AND org_id = ?', [target.deviceId, orgId])
          : await sql.all<{ id: string; candidate_name: string }>('SELECT id, candidate_name FROM devices WHERE org_id = ? ORDER BY created_at, id', [orgId]);
      if (!devices.length) return { ok: false, reason: target.type === 'device' ? 'no_device' : 'no_devices' };
      const statements: { sql: string; params: unknown[] }[] = [];
      const assignments = devices.map((device) => {
        const id = nextId();
        const payload: TemplateAssignment = { id, orgName, assignedBy: author.name, assignedAt: now, template };
        statements.push(
          {
            sql: 'INSERT INTO template_assignments (id, org_id, template_id, template_version, device_id, assigned_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            params: [id, orgId, template.id, template.version, device.id, author.id, now],
          },
          changeStatement(device.id, { type: 'template.assigned', payload }, now),
        );
        return { id, deviceId: device.id, candidateName: device.candidate_name };
      });
      await sql.batch(statements);
      return { ok: true, assignments };
    },

    async issueControl(orgId, interviewId, request, author, now) {
      const interview = await liveInterview(orgId, interviewId);
      if (!interview) return { ok: false, reason: 'no_interview' };
      const control: InterviewControl = {
        id: nextId(),
        interviewId,
        action: request.action,
        minutes: request.action === 'extend' ? (request.minutes ?? null) : null,
        message: (request.message ?? '').trim(),
        issuedBy: author.name,
        issuedAt: now,
      };
      await sql.batch([
        {
          sql: 'INSERT INTO interview_controls (id, org_id, interview_id, device_id, action, minutes, message, issued_by, issued_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          params: [control.id, orgId, interviewId, interview.device_id, control.action, control.minutes, control.message, author.id, author.name, now],
        },
        changeStatement(interview.device_id, { type: 'control.issued', payload: control }, now),
      ]);
      return { ok: true, value: control };
    },

    async addComment(orgId, interviewId, request, author, now) {
      const interview = await liveInterview(orgId, interviewId);
      if (!interview) return { ok: false, reason: 'no_interview' };
      if (request.turnId && !(await sql.all('SELECT id FROM turns WHERE interview_id = ? AND id = ?', [interviewId, request.turnId])).length) {
        return { ok: false, reason: 'no_turn' };
      }
      const comment: InterviewComment = { id: nextId(), interviewId, turnId: request.turnId ?? null, body: request.body.trim(), authorName: author.name, createdAt: now };
      await sql.batch([
        {
          sql: 'INSERT INTO interview_comments (id, org_id, interview_id, turn_id, body, author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          params: [comment.id, orgId, interviewId, comment.turnId, comment.body, author.id, author.name, now],
        },
        changeStatement(interview.device_id, { type: 'comment.added', payload: comment }, now),
      ]);
      return { ok: true, value: comment };
    },

    async overrideScore(orgId, interviewId, request, author, now) {
      const interview = await liveInterview(orgId, interviewId);
      if (!interview) return { ok: false, reason: 'no_interview' };
      const turn = (await sql.all<{ score: string | null }>('SELECT score FROM turns WHERE interview_id = ? AND id = ?', [interviewId, request.turnId]))[0];
      if (!turn) return { ok: false, reason: 'no_turn' };
      if (!turn.score) return { ok: false, reason: 'not_scored' };
      const dimension = answerScore.parse(JSON.parse(turn.score)).dimensions.find((d) => d.key === request.dimensionKey);
      if (!dimension) return { ok: false, reason: 'no_dimension' };
      const previous = await sql.all<{ to_score: number }>(
        'SELECT to_score FROM score_overrides WHERE org_id = ? AND interview_id = ? AND turn_id = ? AND dimension_key = ? ORDER BY id DESC LIMIT 1',
        [orgId, interviewId, request.turnId, request.dimensionKey],
      );
      const override: ScoreOverride = {
        id: nextId(),
        interviewId,
        turnId: request.turnId,
        dimensionKey: request.dimensionKey,
        from: previous[0] ? Number(previous[0].to_score) : dimension.score,
        to: request.score,
        reason: request.reason.trim(),
        authorName: author.name,
        createdAt: now,
      };
      await sql.batch([
        {
          sql: 'INSERT INTO score_overrides (id, org_id, interview_id, turn_id, dimension_key, from_score, to_score, reason, author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          params: [override.id, orgId, interviewId, override.turnId, override.dimensionKey, override.from, override.to, override.reason, author.id, author.name, now],
        },
        changeStatement(interview.device_id, { type: 'score.overridden', payload: override }, now),
      ]);
      return { ok: true, value: override };
    },

    async getReview(orgId, interviewId) {
      if (!(await liveInterview(orgId, interviewId))) return null;
      const [comments, overrides, controls] = await Promise.all([
        sql.all<{ id: string; turn_id: string | null; body: string; author_name: string; created_at: string }>(
          'SELECT id, turn_id, body, author_name, created_at FROM interview_comments WHERE org_id = ? AND interview_id = ? ORDER BY id',
          [orgId, interviewId],
        ),
        sql.all<{ id: string; turn_id: string; dimension_key: string; from_score: number; to_score: number; reason: string; author_name: string; created_at: string }>(
          'SELECT id, turn_id, dimension_key, from_score, to_score, reason, author_name, created_at FROM score_overrides WHERE org_id = ? AND interview_id = ? ORDER BY id',
          [orgId, interviewId],
        ),
        sql.all<{ id: string; action: InterviewControl['action']; minutes: number | null; message: string; issued_by_name: string; created_at: string }>(
          'SELECT id, action, minutes, message, issued_by_name, created_at FROM interview_controls WHERE org_id = ? AND interview_id = ? ORDER BY id',
          [orgId, interviewId],
        ),
      ]);
      return {
        comments: comments.map((row) => ({ id: row.id, interviewId, turnId: row.turn_id, body: row.body, authorName: row.author_name, createdAt: row.created_at })),
        overrides: overrides.map((row) => ({
          id: row.id,
          interviewId,
          turnId: row.turn_id,
          dimensionKey: row.dimension_key,
          from: Number(row.from_score),
          to: Number(row.to_score),
          reason: row.reason,
          authorName: row.author_name,
          createdAt: row.created_at,
        })),
        controls: controls.map((row) => ({
          id: row.id,
          interviewId,
          action: row.action,
          minutes: row.minutes === null ? null : Number(row.minutes),
          message: row.message,
          issuedBy: row.issued_by_name,
          issuedAt: row.created_at,
        })),
      };
    },
  };
}

/** The runner over a better-sqlite3 connection: synchronous inside, so a batch never interleaves with another request. */
export function sqliteRunner(db: {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
  transaction(fn: () => void): () => void;
}): SqlRunner {
  return {
    all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
    batch: async (statements) => {
      db.transaction(() => {
        for (const statement of statements) db.prepare(statement.sql).run(...statement.params);
      })();
    },
  };
}

/** The runner over a pg pool: `?` becomes `$n`; a batch is BEGIN … COMMIT on one connection. */
export function postgresRunner(pool: {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  connect(): Promise<{ query(sql: string, params?: unknown[]): Promise<unknown>; release(error?: Error): void }>;
}): SqlRunner {
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    all: async <T>(sql: string, params: unknown[] = []) => (await pool.query(numbered(sql), params)).rows as T[],
    batch: async (statements) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        // A device pulls its changes by cursor (a sequence), which is assigned at INSERT, not at
        // COMMIT: without this lock a change could commit after a later-numbered one that the device
        // has already pulled past, and never reach it. Held to COMMIT, it makes each device's changes
        // commit in cursor order. Taken up front, in one order, so two batches cannot deadlock.
        const devices = [...new Set(statements.filter((statement) => statement.sql.startsWith(INSERT_DEVICE_CHANGE)).map((statement) => String(statement.params[0])))].sort();
        for (const deviceId of devices) await client.query(DEVICE_CHANGES_LOCK, [deviceId]);
        for (const statement of statements) await client.query(numbered(statement.sql), statement.params);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
