// A push on PostgreSQL, in two waits for the database whatever its size. BEGIN goes out with one
// statement that locks the device's row, reads its consent and looks up which of the batch's events
// and interviews are stored; COMMIT goes out with one statement that writes the interviews (new ones
// whole), the turns and the events and marks the device seen. Each wait is a socket write and a
// wake-up on both sides, which on a 2-core server, more than the SQL, is what limits pushes per second.
// The rules are sqlite-store.ts's, applied event by event in JS between the two; a consent change or a
// deletion first sends what the batch decided before it.
// Owns: the push transaction's SQL. Must not import: better-sqlite3, Hono.
import type pg from 'pg';
import { revokedItems, type InterviewSyncEvent, type SharingConsent, type SharingItem, type SyncEvent } from '../protocol/index.ts';
import { CONSENT_BEARING_EVENTS, consentedSummary, consentedTurn, parseStoredConsent, redactStoredPayload, storedTurnPayload } from './sharing-consent.ts';
import { isoTime, redactedPayload } from './rows.ts';
import type { Device, PushItem, PushOutcome } from './store.ts';

type Client = pg.PoolClient;
/** `stored`: the row exists; an interview this push creates is written with its first batch of writes. */
type InterviewState = { device_id: string; deleted: number; stored: boolean };
type PendingEvent = { id: string; seq: number; type: SyncEvent['type']; at: string; payload: string; interviewId: string | null };

interface SharingState {
  /** Whether the device ever said what it shares (older apps never do). */
  declared: boolean;
  consent: SharingConsent;
}

/**
 * How a push's transaction starts. Its statements are prepared, and PostgreSQL soon plans each once
 * per connection and keeps that plan; a plan made for the first pushes, while the tables were small,
 * would scan them whole for as long as they grow. With scans and hash and merge joins off, the kept
 * plans look rows up by their indexes (every lookup of a push has one) however small the tables were.
 */
const BEGIN = 'BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off';
/** Before the rare statements that read a device's whole history (a consent change, a deletion). */
const PLANNER_DEFAULTS = 'RESET enable_seqscan; RESET enable_hashjoin; RESET enable_mergejoin';

/**
 * Stores a push in a transaction of its own on `client`, a connection of a pipelined pool: BEGIN goes
 * out with the first statement and COMMIT with the last, so a push waits for PostgreSQL twice. On an
 * error the transaction is left for the caller to roll back. Two pushes of one device run one after
 * the other (the first locks the device's row), so a retry that races its own first attempt finds
 * every event stored. `beforeCommit` (a test seam) runs between the last statement and COMMIT.
 */
export async function ingestPush(
  client: Client,
  device: Device,
  items: PushItem[],
  now: string,
  beforeCommit?: () => void | Promise<void>,
): Promise<PushOutcome> {
  const outcome: PushOutcome = { accepted: [], duplicates: [], rejected: [], acked: 0 };
  const ack = (seq: number | null) => {
    if (seq !== null && seq > outcome.acked) outcome.acked = seq;
  };
  const events = items.flatMap((item) => ('event' in item ? [item.event] : []));
  const [, { consent, ownerOfId, idOfSeq, interviews }] = await Promise.all([client.query(BEGIN), lockDeviceAndReadStored(client, device, events)]);
  const sharing: SharingState = { declared: Boolean(consent), consent: parseStoredConsent(consent) };
  const writes = new MaterialisedWrites();
  // New events are written together at the end; a deletion or a revocation later in the batch redacts
  // those of this batch here, as it redacts the stored ones in the table.
  const pending: PendingEvent[] = [];
  /** Whether anything was written before the final statement (a consent change or a deletion). */
  let wroteEarlier = false;
  // Puts what was decided so far on the wire (synchronously: a failure to build it throws here) and
  // returns its answer.
  const send = (events: PendingEvent[], touchDevice: boolean): Promise<unknown> => {
    const taken = writes.take();
    const written = writeBatch(client, device, now, taken, events, touchDevice);
    for (const [id, parts] of taken.interviews) if (parts.isNew) interviews.set(id, { device_id: device.id, deleted: 0, stored: true });
    return written;
  };

  for (const item of items) {
    if ('invalid' in item) {
      outcome.rejected.push({ id: item.id, reason: item.invalid });
      ack(item.seq);
      continue;
    }
    const { event } = item;
    const owner = ownerOfId.get(event.id);
    if (owner !== undefined) {
      if (owner === device.id) outcome.duplicates.push(event.id);
      else outcome.rejected.push({ id: event.id, reason: 'This event id belongs to another device.' });
      ack(event.seq);
      continue;
    }
    const seqOwner = idOfSeq.get(event.seq);
    if (seqOwner !== undefined) {
      outcome.rejected.push({ id: event.id, reason: `seq ${event.seq} is already used by event ${seqOwner} from this device.` });
      ack(event.seq);
      continue;
    }
    if (event.type === 'consent.changed') {
      // The revocation must reach what this batch wrote before it, so that goes to the tables first.
      wroteEarlier = true;
      await send([], false);
      await client.query(PLANNER_DEFAULTS);
      const revoked = await applyConsent(client, device, sharing, event.payload.consent);
      for (const earlier of pending) {
        const redacted = redactStoredPayload(earlier.type, earlier.payload, revoked);
        if (redacted !== null) earlier.payload = redacted;
      }
      pending.push({ id: event.id, seq: event.seq, type: event.type, at: event.at, payload: JSON.stringify(event.payload), interviewId: null });
    } else {
      const interviewId = event.payload.interviewId;
      // Not stored yet: the device's, created by this push (if another device's push creates it first,
      // the insert is a unique violation and the retried transaction finds it theirs).
      const state = interviews.get(interviewId) ?? { device_id: device.id, deleted: 0, stored: false };
      if (state.device_id !== device.id) {
        outcome.rejected.push({ id: event.id, reason: 'This interview belongs to another device.' });
        ack(event.seq);
        continue;
      }
      let payload: string;
      if (state.deleted) {
        // A deletion wins over everything, before or after it: what arrives for a deleted interview is
        // kept (so a re-send is a duplicate) but redacted and not applied.
        payload = event.type === 'interview.deleted' ? JSON.stringify(event.payload) : redactedPayload(interviewId);
      } else if (event.type === 'interview.deleted') {
        // Deleted even if it was never stored, so that its events that arrive later are not applied.
        writes.keep(interviewId, !state.stored);
        wroteEarlier = true;
        await send([], false);
        await client.query(PLANNER_DEFAULTS);
        await deleteInterview(client, device, interviewId, now);
        interviews.set(interviewId, { device_id: device.id, deleted: 1, stored: true });
        for (const earlier of pending) if (earlier.interviewId === interviewId && earlier.type !== 'interview.deleted') earlier.payload = redactedPayload(interviewId);
        payload = JSON.stringify(event.payload);
      } else {
        payload = JSON.stringify(writes.add(event, sharing.consent, !state.stored));
      }
      pending.push({ id: event.id, seq: event.seq, type: event.type, at: event.at, payload, interviewId });
    }
    ownerOfId.set(event.id, device.id);
    idOfSeq.set(event.seq, event.id);
    outcome.accepted.push(event.id);
    ack(event.seq);
  }
  const written = send(pending, true);
  if (beforeCommit || wroteEarlier) {
    await written;
    await beforeCommit?.();
    await client.query('COMMIT');
  } else {
    // Until this write the transaction only locked and read, so COMMIT may follow it on the wire: if
    // the write fails in PostgreSQL, the COMMIT behind it ends the aborted transaction as a ROLLBACK,
    // and if node-postgres cannot even send it, what COMMIT commits is nothing.
    await Promise.all([written, client.query('COMMIT')]);
  }
  return outcome;
}

/** What is already stored of a batch, kept up to date as its events are added. */
interface Stored {
  /** The device that stored each of the batch's event ids that is already stored. */
  ownerOfId: Map<string, string>;
  /** The id stored under each of the batch's seqs for this device. */
  idOfSeq: Map<number, string>;
  /** The batch's interviews that exist. */
  interviews: Map<string, InterviewState>;
}

type StoredRow = { kind: 'device' | 'event' | 'interview'; id: string; device_id: string; seq: number | null; deleted: number; consent: string | null; fresh: boolean };

// UNION ALL, not OR: with OR between the lookups PostgreSQL scans the whole events table.
const STORED_LOOKUPS = `SELECT 'event' AS kind, id, device_id, seq, 0 AS deleted, NULL AS consent, NULL::boolean AS fresh FROM events WHERE id = ANY($1::text[])
  UNION ALL SELECT 'event', id, device_id, seq, 0, NULL, NULL FROM events WHERE device_id = $2 AND seq = ANY($3::bigint[])
  UNION ALL SELECT 'interview', id, device_id, NULL, deleted, NULL, NULL FROM interviews WHERE id = ANY($4::text[])`;

/**
 * Locks the device's row and reads its consent and what is stored of the batch, in one round trip.
 * FOR NO KEY UPDATE waits for the device's other push (and does not block the foreign-key checks of
 * rows that point at the device), and the locked row is then read as that push left it. The lookups
 * see the statement's snapshot, taken before any wait: when a push of the device committed after it
 * (every push updates the device's row, so the locked row's xmin then differs from the snapshot's),
 * they are read again, after the lock.
 */
async function lockDeviceAndReadStored(client: Client, device: Device, events: SyncEvent[]): Promise<Stored & { consent: string | null }> {
  const values = [events.map((e) => e.id), device.id, events.map((e) => e.seq), interviewIdsOf(events)];
  const { rows } = await client.query<StoredRow>({
    name: 'ingest-lock-and-read',
    text: `WITH locked AS (
             SELECT consent, xmin = (SELECT snapshot.xmin FROM devices AS snapshot WHERE snapshot.id = $2) AS fresh
             FROM devices WHERE id = $2 FOR NO KEY UPDATE)
           SELECT 'device' AS kind, NULL AS id, NULL AS device_id, NULL::bigint AS seq, 0 AS deleted, consent, fresh FROM locked
           UNION ALL ${STORED_LOOKUPS}`,
    values,
  });
  const locked = rows.find((row) => row.kind === 'device');
  if (locked?.fresh === false) {
    const again = await client.query<StoredRow>({ name: 'ingest-read-stored', text: STORED_LOOKUPS, values });
    return { consent: locked.consent, ...toStored(device, again.rows) };
  }
  return { consent: locked?.consent ?? null, ...toStored(device, rows) };
}

function interviewIdsOf(events: SyncEvent[]): string[] {
  return [...new Set(events.flatMap((e) => (e.type === 'consent.changed' ? [] : [e.payload.interviewId])))];
}

function toStored(device: Device, rows: StoredRow[]): Stored {
  const stored: Stored = { ownerOfId: new Map(), idOfSeq: new Map(), interviews: new Map() };
  for (const row of rows) {
    if (row.kind === 'interview') {
      stored.interviews.set(row.id, { device_id: row.device_id, deleted: row.deleted, stored: true });
    } else if (row.kind === 'event') {
      stored.ownerOfId.set(row.id, row.device_id);
      if (row.device_id === device.id) stored.idOfSeq.set(row.seq!, row.id);
    }
  }
  return stored;
}

interface StartWrite {
  seq: number;
  role: string;
  seniority: string;
  type: string;
  spec: string;
  engine: string;
  startedAt: string;
  templateId: string | null;
}
interface CompleteWrite {
  seq: number;
  completedAt: string;
  endedEarly: number;
  overall: number | null;
  summary: string | null;
}
interface TurnWrite {
  interviewId: string;
  turnId: string;
  seq: number;
  index: number;
  question: string;
  answer: string;
  skipped: number;
  activeMs: number;
  answeredAt: string;
  score: string | null;
  overall: number | null;
  speechMetrics: string | null;
  cameraMetrics: string | null;
}
interface InterviewParts {
  /** The row does not exist yet: it is inserted, with these parts, rather than updated. */
  isNew: boolean;
  start?: StartWrite;
  complete?: CompleteWrite;
}
interface Writes {
  interviews: Map<string, InterviewParts>;
  turns: TurnWrite[];
}

/**
 * The interviews' and turns' rows a push has decided on and not yet sent. Each part of an interview
 * keeps the seq of the event that wrote it, and only a higher seq may overwrite it (in the table, and
 * here among the events of one batch): that is what makes the final state independent of arrival
 * order, and it lets a batch send one row per part.
 */
class MaterialisedWrites {
  private interviews = new Map<string, InterviewParts>();
  private turns = new Map<string, TurnWrite>();

  /** Makes the next batch write the interview's row, inserting it when `isNew`. */
  keep(interviewId: string, isNew: boolean): InterviewParts {
    let parts = this.interviews.get(interviewId);
    if (!parts) {
      parts = { isNew };
      this.interviews.set(interviewId, parts);
    }
    return parts;
  }

  /** Records what `event` writes, and returns the payload to store for it. */
  add(event: Exclude<InterviewSyncEvent, { type: 'interview.deleted' }>, consent: SharingConsent, isNew: boolean): unknown {
    const interviewId = event.payload.interviewId;
    const parts = this.keep(interviewId, isNew);
    switch (event.type) {
      case 'interview.started': {
        const { spec, startedAt, engine, templateId } = event.payload;
        if (!parts.start || parts.start.seq < event.seq) {
          parts.start = {
            seq: event.seq,
            role: spec.role,
            seniority: spec.seniority,
            type: spec.type,
            spec: JSON.stringify(spec),
            engine,
            startedAt: isoTime(startedAt),
            templateId: templateId ?? null,
          };
        }
        return event.payload;
      }
      case 'turn.answered': {
        const turn = event.payload;
        // Defence in depth: the device filters by consent already; what it should not have sent is not kept.
        const kept = consentedTurn(turn, consent);
        const key = `${interviewId}\u0000${turn.turnId}`;
        const earlier = this.turns.get(key);
        if (!earlier || earlier.seq < event.seq) {
          this.turns.set(key, {
            interviewId,
            turnId: turn.turnId,
            seq: event.seq,
            index: turn.index,
            question: JSON.stringify(turn.question),
            answer: kept.answer,
            skipped: turn.skipped ? 1 : 0,
            activeMs: turn.activeMs,
            answeredAt: turn.answeredAt,
            score: kept.score ? JSON.stringify(kept.score) : null,
            overall: kept.score?.overall ?? null,
            speechMetrics: kept.speechMetrics ? JSON.stringify(kept.speechMetrics) : null,
            cameraMetrics: kept.cameraMetrics ? JSON.stringify(kept.cameraMetrics) : null,
          });
        }
        return storedTurnPayload(turn, consent);
      }
      case 'interview.completed': {
        const { completedAt, endedEarly } = event.payload;
        const summary = consentedSummary(event.payload.summary, consent);
        if (!parts.complete || parts.complete.seq < event.seq) {
          parts.complete = {
            seq: event.seq,
            completedAt,
            endedEarly: endedEarly ? 1 : 0,
            overall: summary?.overall ?? null,
            summary: summary ? JSON.stringify(summary) : null,
          };
        }
        return { ...event.payload, summary };
      }
    }
  }

  /** Everything recorded so far, which is then forgotten here. */
  take(): Writes {
    const writes = { interviews: this.interviews, turns: [...this.turns.values()] };
    this.interviews = new Map();
    this.turns = new Map();
    return writes;
  }
}

/**
 * A column the write statement takes as an array, one element per row: its name in the statement,
 * its PostgreSQL type, and where a row's value comes from. One list per table keeps the statement's
 * arrays and the values sent for them in the same order.
 */
type ArrayColumn<Row> = readonly [name: string, type: string, pick: (row: Row) => unknown];

/** An interview's row and what the batch writes of it: inserted whole when new, else part by part. */
const INTERVIEW_COLUMNS: ArrayColumn<[string, InterviewParts]>[] = [
  ['id', 'text', ([id]) => id],
  ['is_new', 'boolean', ([, parts]) => parts.isNew],
  ['start_seq', 'bigint', ([, parts]) => parts.start?.seq],
  ['role', 'text', ([, parts]) => parts.start?.role],
  ['seniority', 'text', ([, parts]) => parts.start?.seniority],
  ['type', 'text', ([, parts]) => parts.start?.type],
  ['spec', 'text', ([, parts]) => parts.start?.spec],
  ['engine', 'text', ([, parts]) => parts.start?.engine],
  ['started_at', 'text', ([, parts]) => parts.start?.startedAt],
  ['template_id', 'text', ([, parts]) => parts.start?.templateId],
  ['complete_seq', 'bigint', ([, parts]) => parts.complete?.seq],
  ['completed_at', 'text', ([, parts]) => parts.complete?.completedAt],
  ['ended_early', 'int', ([, parts]) => parts.complete?.endedEarly],
  ['overall', 'float8', ([, parts]) => parts.complete?.overall],
  ['summary', 'text', ([, parts]) => parts.complete?.summary],
];

/** Named as the turns table's columns, which the statement inserts in this order. */
const TURN_COLUMNS: ArrayColumn<TurnWrite>[] = [
  ['interview_id', 'text', (turn) => turn.interviewId],
  ['id', 'text', (turn) => turn.turnId],
  ['seq', 'bigint', (turn) => turn.seq],
  ['idx', 'int', (turn) => turn.index],
  ['question', 'text', (turn) => turn.question],
  ['answer', 'text', (turn) => turn.answer],
  ['skipped', 'int', (turn) => turn.skipped],
  ['active_ms', 'bigint', (turn) => turn.activeMs],
  ['answered_at', 'text', (turn) => turn.answeredAt],
  ['score', 'text', (turn) => turn.score],
  ['overall', 'float8', (turn) => turn.overall],
  ['speech_metrics', 'text', (turn) => turn.speechMetrics],
  ['camera_metrics', 'text', (turn) => turn.cameraMetrics],
];

const EVENT_COLUMNS: ArrayColumn<PendingEvent>[] = [
  ['id', 'text', (event) => event.id],
  ['seq', 'bigint', (event) => event.seq],
  ['type', 'text', (event) => event.type],
  ['at', 'text', (event) => event.at],
  ['payload', 'text', (event) => event.payload],
  ['interview_id', 'text', (event) => event.interviewId],
];

/** The statement behind writeBatch: $1 device, $2 organisation, $3 now, $4 touch the device, $5 candidate name, then the arrays. */
export const WRITE_BATCH_SQL = (() => {
  let next = 6;
  const arrays = (columns: ArrayColumn<never>[]) => columns.map(([, type]) => `$${next++}::${type}[]`).join(', ');
  const names = (columns: ArrayColumn<never>[]) => columns.map(([name]) => name).join(', ');
  // A column of a stored interview that the start (or the completion) writes when its seq is higher
  // than the one that wrote that part before.
  const fromStart = (column: string) => `${column} = CASE WHEN p.start_seq > COALESCE(i.started_seq, 0) THEN p.${column} ELSE i.${column} END`;
  const fromComplete = (column: string) => `${column} = CASE WHEN p.complete_seq > COALESCE(i.completed_seq, 0) THEN p.${column} ELSE i.${column} END`;
  const turnKey = new Set(['interview_id', 'id']);
  return `WITH parts AS (
      SELECT * FROM unnest(${arrays(INTERVIEW_COLUMNS)}) AS p(${names(INTERVIEW_COLUMNS)})
    ), new_interviews AS (
      INSERT INTO interviews (id, org_id, device_id, candidate_name, updated_at, role, seniority, type, spec, engine, started_at, template_id,
                              started_seq, completed_at, ended_early, overall, summary, completed_seq)
      SELECT id, $2, $1, $5, $3, role, seniority, type, spec, engine, started_at, template_id,
             start_seq, completed_at, COALESCE(ended_early, 0), overall, summary, complete_seq
      FROM parts WHERE is_new
      RETURNING 1
    ), stored_interviews AS (
      UPDATE interviews AS i SET
        ${['role', 'seniority', 'type', 'spec', 'engine', 'started_at', 'template_id'].map(fromStart).join(',\n        ')},
        started_seq = GREATEST(i.started_seq, p.start_seq),
        ${['completed_at', 'ended_early', 'overall', 'summary'].map(fromComplete).join(',\n        ')},
        completed_seq = GREATEST(i.completed_seq, p.complete_seq),
        updated_at = $3
      FROM parts AS p
      WHERE NOT p.is_new AND i.id = p.id AND i.deleted = 0
        AND (p.start_seq > COALESCE(i.started_seq, 0) OR p.complete_seq > COALESCE(i.completed_seq, 0))
      RETURNING 1
    ), turn_rows AS (
      INSERT INTO turns (${names(TURN_COLUMNS)})
      SELECT * FROM unnest(${arrays(TURN_COLUMNS)})
      ON CONFLICT (interview_id, id) DO UPDATE SET
        ${TURN_COLUMNS.filter(([name]) => !turnKey.has(name))
          .map(([name]) => `${name} = excluded.${name}`)
          .join(', ')}
      WHERE excluded.seq > turns.seq
      RETURNING 1
    ), new_events AS (
      INSERT INTO events (id, device_id, org_id, seq, type, at, payload, received_at, interview_id)
      SELECT id, $1, $2, seq, type, at, payload, $3, interview_id
      FROM unnest(${arrays(EVENT_COLUMNS)}) AS e(${names(EVENT_COLUMNS)})
      RETURNING 1
    ), seen AS (
      UPDATE devices SET last_seen_at = $3 WHERE id = $1 AND $4::boolean
      RETURNING 1
    )
    SELECT 1`;
})();

/** One array per column, in the columns' order; a value a row does not have is NULL. */
function columnArrays<Row>(columns: ArrayColumn<Row>[], rows: Row[]): unknown[][] {
  return columns.map(([, , pick]) => rows.map((row) => pick(row) ?? null));
}

/**
 * Sends the interviews' rows (new ones inserted, stored ones updated part by part), the turns and the
 * new events in one statement, and marks the device seen when `touchDevice`. Another device storing
 * one of these event or interview ids at this moment makes it a unique violation, and the retried
 * transaction then rejects those events as another device's.
 */
function writeBatch(client: Client, device: Device, now: string, writes: Writes, events: PendingEvent[], touchDevice: boolean): Promise<unknown> {
  if (writes.interviews.size === 0 && writes.turns.length === 0 && events.length === 0 && !touchDevice) return Promise.resolve();
  return client.query({
    name: 'ingest-write-batch',
    text: WRITE_BATCH_SQL,
    values: [
      device.id,
      device.orgId,
      now,
      touchDevice,
      device.candidateName,
      ...columnArrays(INTERVIEW_COLUMNS, [...writes.interviews.entries()]),
      ...columnArrays(TURN_COLUMNS, writes.turns),
      ...columnArrays(EVENT_COLUMNS, events),
    ],
  });
}

/**
 * The candidate deleted the interview: its turns, recordings and content go, and so do the stored
 * events' payloads; ids and seqs stay, so that a re-sent event is still recognised as a duplicate.
 */
async function deleteInterview(client: Client, device: Device, interviewId: string, now: string): Promise<void> {
  await client.query('DELETE FROM shared_recordings WHERE interview_id = $1 AND device_id = $2', [interviewId, device.id]);
  await client.query('DELETE FROM turns WHERE interview_id = $1', [interviewId]);
  await client.query(
    `UPDATE interviews SET deleted = 1, role = NULL, seniority = NULL, type = NULL, spec = NULL, engine = NULL,
     started_at = NULL, completed_at = NULL, summary = NULL, overall = NULL, updated_at = $1 WHERE id = $2`,
    [now, interviewId],
  );
  await client.query("UPDATE events SET payload = $1 WHERE interview_id = $2 AND device_id = $3 AND type <> 'interview.deleted'", [
    redactedPayload(interviewId),
    interviewId,
    device.id,
  ]);
}

/**
 * Records the device's consent and deletes what it no longer covers from every interview of the
 * device: the turns' columns, the summaries, the recordings and the stored event payloads. Returns
 * the items revoked.
 */
async function applyConsent(client: Client, device: Device, sharing: SharingState, consent: SharingConsent): Promise<SharingItem[]> {
  const revoked = revokedItems(sharing.declared ? sharing.consent : null, consent);
  sharing.declared = true;
  sharing.consent = consent;
  await client.query('UPDATE devices SET consent = $1 WHERE id = $2', [JSON.stringify(consent), device.id]);
  if (revoked.length === 0) return revoked;
  const ofDevice = 'interview_id IN (SELECT id FROM interviews WHERE device_id = $1)';
  if (revoked.includes('transcript')) await client.query(`UPDATE turns SET answer = '' WHERE ${ofDevice}`, [device.id]);
  if (revoked.includes('scores')) {
    await client.query(`UPDATE turns SET score = NULL, overall = NULL WHERE ${ofDevice}`, [device.id]);
    await client.query('UPDATE interviews SET summary = NULL, overall = NULL WHERE device_id = $1', [device.id]);
  }
  if (revoked.includes('speechMetrics')) await client.query(`UPDATE turns SET speech_metrics = NULL WHERE ${ofDevice}`, [device.id]);
  if (revoked.includes('cameraMetrics')) await client.query(`UPDATE turns SET camera_metrics = NULL WHERE ${ofDevice}`, [device.id]);
  if (revoked.includes('audio')) await client.query('DELETE FROM shared_recordings WHERE device_id = $1', [device.id]);
  const events = await client.query<{ id: string; type: string; payload: string }>(
    'SELECT id, type, payload FROM events WHERE device_id = $1 AND type = ANY($2::text[])',
    [device.id, [...CONSENT_BEARING_EVENTS]],
  );
  const changed = events.rows.flatMap((event) => {
    const redacted = redactStoredPayload(event.type, event.payload, revoked);
    return redacted === null ? [] : [{ id: event.id, payload: redacted }];
  });
  if (changed.length > 0) {
    await client.query(
      'UPDATE events SET payload = c.payload FROM unnest($1::text[], $2::text[]) AS c(id, payload) WHERE events.id = c.id',
      [changed.map((c) => c.id), changed.map((c) => c.payload)],
    );
  }
  return revoked;
}
