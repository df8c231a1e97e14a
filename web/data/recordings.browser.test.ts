// The recordings repository in real Chromium (IndexedDB): the keep-recordings setting (off until
// turned on), Blobs stored and read back as they were, one recording deleted, an interview's
// recordings deleted with it, the schema upgrade that adds the table, and a full disk that refuses
// the recording but keeps the answer.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerScore, InterviewSpec, PlannedQuestion } from '../../sync-server/protocol/index.ts';
import { createInterviewState, snapshotOf } from '../interview/interview-machine.ts';
import { closeDb, DB_NAME, getDb, SCHEMA_V2 } from './db.ts';
import { completeTurn, createInterview, deleteEverything, deleteInterview, getInterview, turnIdOf } from './interviews.ts';
import { countRecordings, deleteRecording, getKeepRecordings, listRecordings, RecordingTurnMissingError, saveRecordings, setKeepRecordings, type NewRecording } from './recordings.ts';
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
const score: AnswerScore = { engine: 'basic', overall: 60, dimensions: [], flags: [] };
const progress = snapshotOf(createInterviewState(2), Date.UTC(2025, 0, 1));

function recording(bytes: number[], extra: Partial<NewRecording> = {}): NewRecording {
  const blob = new Blob([Uint8Array.from(bytes)], { type: 'audio/webm;codecs=opus' });
  return { blob, mimeType: blob.type, bytes: blob.size, durationSeconds: 2.5, captureOffsetSeconds: 0.02, voiceStartSeconds: 0, ...extra };
}

async function answeredInterview(): Promise<string> {
  const { id } = await createInterview({ spec, questions, engine });
  await completeTurn({ interviewId: id, index: 0, answer: 'I led the migration.', skipped: false, activeMs: 1000, score, progress });
  return id;
}

beforeEach(async () => {
  closeDb();
  await new Promise((resolve) => setTimeout(resolve));
  await Dexie.delete(DB_NAME);
});

afterEach(() => {
  vi.restoreAllMocks();
  closeDb();
});

describe('recordings repository', () => {
  it('keeps recordings only once the candidate turned it on', async () => {
    expect(await getKeepRecordings()).toBe(false);
    await setKeepRecordings(true);
    expect(await getKeepRecordings()).toBe(true);
    await setKeepRecordings(false);
    expect(await getKeepRecordings()).toBe(false);
  });

  it('stores Blobs and reads them back byte for byte, oldest first, and deletes one', async () => {
    const id = await answeredInterview();
    const turnId = turnIdOf(id, 0);
    const [first] = await saveRecordings(id, turnId, [recording([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3])]);
    await saveRecordings(id, turnId, [recording([0x1a, 0x45, 0xdf, 0xa3, 9], { voiceStartSeconds: 2.5 })]);

    closeDb(); // read from IndexedDB, not from anything kept in memory
    const stored = await listRecordings(id);
    expect(stored.map((row) => row.voiceStartSeconds)).toEqual([0, 2.5]);
    expect(stored[0]).toMatchObject({ id: first!.id, interviewId: id, turnId, mimeType: 'audio/webm;codecs=opus', bytes: 7, durationSeconds: 2.5, captureOffsetSeconds: 0.02 });
    expect(stored[0]!.blob).toBeInstanceOf(Blob);
    expect(stored[0]!.blob.type).toBe('audio/webm;codecs=opus');
    expect([...new Uint8Array(await stored[0]!.blob.arrayBuffer())]).toEqual([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]);
    expect(await countRecordings(id)).toBe(2);

    await deleteRecording(first!.id);
    expect((await listRecordings(id)).map((row) => row.voiceStartSeconds)).toEqual([2.5]);
    // The answer is untouched.
    expect((await getInterview(id))?.turns[0]?.answer).toBe('I led the migration.');
  });

  it('refuses a recording for a question that is not there, storing nothing', async () => {
    const id = await answeredInterview();
    const other = await answeredInterview();
    await expect(saveRecordings(id, turnIdOf(other, 0), [recording([1])])).rejects.toBeInstanceOf(RecordingTurnMissingError);
    await expect(saveRecordings(id, `${id}-q9`, [recording([1])])).rejects.toThrow(/not on this device/);
    expect(await countRecordings(id)).toBe(0);
  });

  it('deletes an interview’s recordings with it, and everything’s with everything', async () => {
    const kept = await answeredInterview();
    const deleted = await answeredInterview();
    await saveRecordings(kept, turnIdOf(kept, 0), [recording([1, 2])]);
    await saveRecordings(deleted, turnIdOf(deleted, 0), [recording([3]), recording([4])]);
    await deleteInterview(deleted);
    expect(await countRecordings(deleted)).toBe(0);
    expect(await countRecordings(kept)).toBe(1);
    await deleteEverything();
    expect(await getDb().recordings.count()).toBe(0);
  });

  it('adds the table to a database of an earlier version, keeping what was in it', async () => {
    const old = new Dexie(DB_NAME);
    old.version(2).stores(SCHEMA_V2);
    await old.open();
    await old.table('settings').put({ key: 'cameraOn', value: true });
    old.close();

    const db = getDb();
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(db.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['interviews', 'turns', 'settings', 'outbox', 'recordings']));
    expect(await db.settings.get('cameraOn')).toEqual({ key: 'cameraOn', value: true });
    expect(await db.recordings.count()).toBe(0);
  });

  it('says the disk is full when a recording does not fit, tells the shell, and the answer stays stored', async () => {
    const id = await answeredInterview();
    const problems: unknown[] = [];
    const stop = onStorageProblem((problem) => problems.push(problem));
    // The DevTools quota override (the setStorageQuota command) reaches Cache Storage but not
    // IndexedDB in this Chromium, so IndexedDB's own QuotaExceededError is thrown where it would be.
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    vi.spyOn(console, 'trace').mockImplementation(() => undefined);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota);
    const error = await saveRecordings(id, turnIdOf(id, 0), [recording([1, 2, 3]), recording([4])]).catch((cause: unknown) => cause);
    vi.restoreAllMocks();
    stop();
    expect(error).toBeInstanceOf(StorageFullError);
    expect(problems).toEqual([expect.any(StorageFullError)]);
    expect(await countRecordings(id)).toBe(0);
    expect((await getInterview(id))?.turns[0]).toMatchObject({ status: 'answered', answer: 'I led the migration.' });
  });
});
