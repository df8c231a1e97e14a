import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncEvent, type AnswerScore, type InterviewSpec, type InterviewSummary, type PlannedQuestion } from '../../sync-server/protocol/index.ts';
import { createInterviewState, snapshotOf } from '../interview/interview-machine.ts';
import { closeDb, DB_NAME, getDb, InterviewBuddyDb, SCHEMA_V1 } from './db.ts';
import {
  completeInterview,
  completeTurn,
  createInterview,
  deleteEverything,
  deleteInterview,
  getInterview,
  listInterviews,
  saveAnswerDraft,
  turnIdOf,
} from './interviews.ts';
import { countOutbox, listPendingEvents, onOutboxChanged, recordPushResult } from './outbox.ts';
import { getDeviceId, saveSyncIdentity } from './settings.ts';
import { onStorageProblem, StorageFullError } from './storage-errors.ts';

const spec: InterviewSpec = { role: 'Software Engineer', seniority: 'mid', type: 'behavioural', questionCount: 2, language: 'en', minutes: 15 };
const questions: PlannedQuestion[] = [0, 1].map((i) => ({
  id: `q-${i}`,
  kind: 'behavioural',
  text: `Tell me about a time number ${i}.`,
  talkingPoints: [{ point: 'Situation', cues: ['when'] }],
  rubricHint: 'Look for STAR.',
  expectedSeconds: 120,
}));
const engine = { kind: 'basic' as const, label: 'basic scoring', reason: 'Basic scoring: test.' };
const score: AnswerScore = {
  engine: 'basic',
  overall: 64,
  dimensions: [{ key: 'star', label: 'Structure (STAR)', score: 3, reason: 'Has a result.', evidence: ['we shipped'] }],
  flags: [],
};
const summary: InterviewSummary = {
  engine: 'basic',
  overall: 64,
  dimensions: [{ key: 'star', label: 'Structure (STAR)', score: 3 }],
  strengths: ['Clear results'],
  improvements: ['More numbers'],
  answered: 1,
  skipped: 1,
};
const progress = snapshotOf(createInterviewState(2), Date.UTC(2025, 0, 1));
const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 9, minute));

async function allEvents() {
  return getDb().outbox.orderBy('seq').toArray();
}

beforeEach(async () => {
  closeDb();
  // A closed connection lets go once its last transaction completes, a task later; deleting before
  // then works too, but Dexie warns that the delete was blocked.
  await new Promise((resolve) => setTimeout(resolve));
  await Dexie.delete(DB_NAME);
});

afterEach(() => {
  vi.restoreAllMocks();
  closeDb();
});

describe('interview repository', () => {
  it('stores an interview with its questions and appends interview.started in the same write', async () => {
    const interview = await createInterview({ spec, questions, engine, now: at(0) });
    const stored = await getInterview(interview.id);
    expect(stored?.interview.status).toBe('in-progress');
    expect(stored?.turns.map((t) => t.question.id)).toEqual(['q-0', 'q-1']);

    const events = await allEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ seq: 1, type: 'interview.started', state: 'pending', interviewId: interview.id });
    expect(events[0]!.payload).toEqual({ interviewId: interview.id, spec, startedAt: at(0).toISOString(), engine: 'basic' });
  });

  it('saves drafts without creating events', async () => {
    const { id } = await createInterview({ spec, questions, engine, now: at(0) });
    await saveAnswerDraft(id, 0, 'half an answer', progress);
    await saveAnswerDraft(id, 0, 'half an answer, more', progress);
    const stored = await getInterview(id);
    expect(stored?.turns[0]?.draft).toBe('half an answer, more');
    expect(stored?.interview.progress).toEqual(progress);
    expect(await allEvents()).toHaveLength(1);
  });

  it('appends events with rising seqs and ULIDs that the protocol accepts', async () => {
    const { id } = await createInterview({ spec, questions, engine, now: at(0) });
    expect(await completeTurn({ interviewId: id, index: 0, answer: 'we shipped it', skipped: false, activeMs: 61_234.6, score, progress, now: at(2) })).toBe(true);
    expect(await completeTurn({ interviewId: id, index: 1, answer: '', skipped: true, activeMs: 3_000, score: null, progress, now: at(3) })).toBe(true);
    expect(await completeInterview({ interviewId: id, summary, endedEarly: false, progress, now: at(4) })).toBe(true);

    const events = await allEvents();
    expect(events.map((e) => e.type)).toEqual(['interview.started', 'turn.answered', 'turn.answered', 'interview.completed']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect([...events.map((e) => e.id)].sort()).toEqual(events.map((e) => e.id));
    for (const event of await listPendingEvents(100)) {
      const parsed = syncEvent.safeParse(event);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    expect(events[1]!.payload).toMatchObject({ turnId: turnIdOf(id, 0), index: 0, answer: 'we shipped it', activeMs: 61_235, score });

    const stored = await getInterview(id);
    expect(stored?.interview).toMatchObject({ status: 'completed', overall: 64, summary });
    expect(stored?.turns.map((t) => t.status)).toEqual(['answered', 'skipped']);
  });

  it('refuses to complete the same question twice, so a double submit makes one event', async () => {
    const { id } = await createInterview({ spec, questions, engine, now: at(0) });
    const input = { interviewId: id, index: 0, answer: 'a', skipped: false, activeMs: 1, score, progress, now: at(1) };
    expect(await completeTurn(input)).toBe(true);
    expect(await completeTurn(input)).toBe(false);
    expect(await completeInterview({ interviewId: id, summary, endedEarly: true, progress })).toBe(true);
    expect(await completeInterview({ interviewId: id, summary, endedEarly: true, progress })).toBe(false);
    expect((await allEvents()).map((e) => e.type)).toEqual(['interview.started', 'turn.answered', 'interview.completed']);
  });

  it('leaves neither the write nor its event behind when the write fails', async () => {
    const { id } = await createInterview({ spec, questions, engine, now: at(0) });
    await expect(completeTurn({ interviewId: id, index: 7, answer: 'a', skipped: false, activeMs: 1, score, progress })).rejects.toThrow(/No question 8/);
    // The seq was not consumed either: the next event is 2.
    await completeTurn({ interviewId: id, index: 0, answer: 'a', skipped: false, activeMs: 1, score, progress });
    expect((await allEvents()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('keeps allocating seqs after the events before them were sent', async () => {
    const first = await createInterview({ spec, questions, engine, now: at(0) });
    await recordPushResult({ sent: (await allEvents()).map((e) => e.id), rejected: [] }, at(1));
    await deleteInterview(first.id);
    await createInterview({ spec, questions, engine, now: at(2) });
    expect((await allEvents()).map((e) => [e.type, e.seq])).toEqual([
      ['interview.deleted', 2],
      ['interview.started', 3],
    ]);
  });

  it('tells listeners after each write that appended an event, not after drafts', async () => {
    const listener = vi.fn();
    const stop = onOutboxChanged(listener);
    const { id } = await createInterview({ spec, questions, engine });
    await saveAnswerDraft(id, 0, 'x', progress);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('lists interviews newest first', async () => {
    await createInterview({ spec: { ...spec, role: 'Older' }, questions, engine, now: at(0) });
    await createInterview({ spec: { ...spec, role: 'Newer' }, questions, engine, now: at(30) });
    expect((await listInterviews()).map((i) => i.spec.role)).toEqual(['Newer', 'Older']);
  });
});

describe('deleting', () => {
  it('removes an interview that never left the device without a trace', async () => {
    const { id } = await createInterview({ spec, questions, engine });
    await completeTurn({ interviewId: id, index: 0, answer: 'secret', skipped: false, activeMs: 1, score, progress });
    await deleteInterview(id);
    expect(await getInterview(id)).toBeNull();
    expect(await getDb().turns.count()).toBe(0);
    expect(await allEvents()).toEqual([]);
  });

  it('appends interview.deleted when the server may have the interview, and drops the answers from the outbox', async () => {
    await saveSyncIdentity({ deviceToken: 't', org: { id: 'o', name: 'Acme' }, candidateName: 'Grace' });
    const { id } = await createInterview({ spec, questions, engine });
    await completeTurn({ interviewId: id, index: 0, answer: 'secret', skipped: false, activeMs: 1, score, progress });
    await deleteInterview(id);
    const events = await allEvents();
    expect(events.map((e) => e.type)).toEqual(['interview.deleted']);
    expect(events[0]!.payload).toEqual({ interviewId: id });
    expect(JSON.stringify(events)).not.toContain('secret');
  });

  it('deletes everything and keeps the device membership', async () => {
    await saveSyncIdentity({ deviceToken: 't', org: { id: 'o', name: 'Acme' }, candidateName: 'Grace' });
    const deviceId = await getDeviceId();
    await createInterview({ spec, questions, engine });
    await createInterview({ spec, questions, engine });
    expect(await deleteEverything()).toBe(2);
    expect(await listInterviews()).toEqual([]);
    expect(await getDb().turns.count()).toBe(0);
    expect((await allEvents()).map((e) => e.type)).toEqual(['interview.deleted', 'interview.deleted']);
    expect(await countOutbox()).toEqual({ pending: 2, rejected: 0 });
    expect(await getDeviceId()).toBe(deviceId);
  });
});

describe('storage errors', () => {
  it('turns a full disk during a write into StorageFullError and tells the shell, keeping earlier data', async () => {
    const { id } = await createInterview({ spec, questions, engine });
    const problems: unknown[] = [];
    const stop = onStorageProblem((problem) => problems.push(problem));
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    // Dexie traces every failed operation to the console when served from localhost (its debug mode).
    vi.spyOn(console, 'trace').mockImplementation(() => undefined);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota);

    const error = await saveAnswerDraft(id, 0, 'x'.repeat(10_000), progress).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/storage is full\. Nothing you saved was lost/);
    expect(problems).toHaveLength(1);
    stop();

    vi.restoreAllMocks();
    expect((await getInterview(id))?.turns[0]?.draft).toBe('');
  });
});

describe('schema migration', () => {
  it('upgrades a version 1 database, deriving the new fields from existing rows', async () => {
    const name = 'interview-buddy-migration-test';
    await Dexie.delete(name);
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('interviews').bulkAdd([
      { id: 'done', spec, status: 'completed', startedAt: at(0).toISOString(), summary, questionCount: 2 },
      { id: 'open', spec, status: 'in-progress', startedAt: at(1).toISOString(), summary: null, questionCount: 2 },
    ]);
    await v1.table('outbox').bulkAdd([
      { id: '01J0000000000000000000000A', seq: 1, type: 'interview.started', at: at(0).toISOString(), payload: { interviewId: 'done' }, state: 'sent' },
      { id: '01J0000000000000000000000B', seq: 2, type: 'interview.completed', at: at(0).toISOString(), payload: { interviewId: 'done' }, state: 'pending' },
    ]);
    v1.close();

    const v2 = new InterviewBuddyDb(name);
    await v2.open();
    expect(v2.verno).toBeGreaterThanOrEqual(2);
    expect((await v2.interviews.get('done'))?.overall).toBe(64);
    expect((await v2.interviews.get('open'))?.overall).toBeNull();
    expect(await v2.interviews.where('overall').above(50).primaryKeys()).toEqual(['done']);
    const outbox = await v2.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.interviewId, e.rejectReason, e.sentAt])).toEqual([
      ['done', null, null],
      ['done', null, null],
    ]);
    const pending = await v2.outbox.where('[state+seq]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]).toArray();
    expect(pending.map((e) => e.seq)).toEqual([2]);
    v2.close();
    await new Promise((resolve) => setTimeout(resolve));
    await Dexie.delete(name);
  });
});
