import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, getDb, InterviewBuddyDb, SCHEMA_V1, type InterviewRecord, type TurnRecord } from '../db.ts';
import { completeInterview, completeTurn, createInterview } from '../interviews.ts';
import { getDeviceId, saveSyncIdentity } from '../settings.ts';
import { createInterviewState, snapshotOf } from '../../interview/interview-machine.ts';
import { applyImport, exportDatabase, prepareImport } from './database-transfer.ts';
import { ExportFileUnreadableError, ForeignFileError, InvalidExportError, NewerExportError, type ExportFile } from './export-format.ts';
import { sampleInterview, sampleTurns } from './test-fixtures.ts';

const SCRATCH = 'ib-transfer-test';
const options = { openCurrentSchema: (name: string) => new InterviewBuddyDb(name) };
const progress = snapshotOf(createInterviewState(1), Date.UTC(2026, 0, 1));

async function fresh(name: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await Dexie.delete(name);
}

async function exportText(db: Dexie): Promise<string> {
  return JSON.stringify(await exportDatabase(db, { appVersion: '0.1.0-test', now: new Date('2026-02-01T10:00:00Z') }));
}

async function importText(db: Dexie, text: string) {
  return applyImport(db, await prepareImport(db, text, options));
}

async function snapshot(db: Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** A device with an interview made through the repository, the sample interview, preferences and a membership. */
async function populateAppDb(): Promise<{ blobBytes: Uint8Array }> {
  const spec = { role: 'Nurse', seniority: 'junior' as const, type: 'behavioural' as const, questionCount: 1, language: 'en', minutes: 10 };
  const question = { id: 'q', kind: 'behavioural' as const, text: 'Tell me about a busy shift.', talkingPoints: [], rubricHint: '', expectedSeconds: 60 };
  const score = { engine: 'basic' as const, overall: 60, dimensions: [{ key: 'star', label: 'STAR', score: 3, reason: 'ok', evidence: [] }], flags: [] };
  const made = await createInterview({ spec, questions: [question], engine: { kind: 'basic', label: 'basic scoring', reason: 'test' }, now: new Date('2026-01-02T09:00:00Z') });
  await completeTurn({ interviewId: made.id, index: 0, answer: 'We triaged by urgency.', skipped: false, activeMs: 1000, score, progress });
  await completeInterview({
    interviewId: made.id,
    summary: { engine: 'basic', overall: 60, dimensions: [{ key: 'star', label: 'STAR', score: 3 }], strengths: [], improvements: [], answered: 1, skipped: 0 },
    endedEarly: false,
    progress,
  });
  const db = getDb();
  await db.interviews.put(sampleInterview());
  // A turn carries a Blob in a field of its own, as a recording will: the export must keep it.
  const blobBytes = new Uint8Array(50_000).map((_, i) => (i * 13) % 251);
  const turns = sampleTurns().map((turn, i) => (i === 0 ? { ...turn, recording: new Blob([blobBytes], { type: 'audio/webm' }) } : turn));
  await db.turns.bulkPut(turns as TurnRecord[]);
  await getDeviceId();
  await saveSyncIdentity({ deviceToken: 'secret-device-token-123', org: { id: 'org-1', name: 'Acme' }, candidateName: 'Grace' });
  await db.settings.bulkPut([
    { key: 'cameraOn', value: true },
    { key: 'answerSilenceSeconds', value: 3 },
    { key: 'localModel', value: { tierId: 't', modelId: 'm' } },
  ]);
  return { blobBytes };
}

beforeEach(async () => {
  closeDb();
  await fresh(DB_NAME);
  await fresh(SCRATCH);
});

afterEach(() => closeDb());

describe('export and import of the app database', () => {
  it('restores every interview, turn and preference exactly into a fresh database, Blobs included', async () => {
    const { blobBytes } = await populateAppDb();
    const before = await snapshot(getDb());
    const text = await exportText(getDb());

    const file = JSON.parse(text) as ExportFile;
    expect(file).toMatchObject({ format: 'interview-buddy-export', formatVersion: 1, app: { version: '0.1.0-test' }, db: { name: DB_NAME, version: getDb().verno } });
    // Every table but the outbox, whoever added it.
    expect(Object.keys(file.tables).sort()).toEqual(getDb().tables.map((table) => table.name).filter((name) => name !== 'outbox').sort());
    expect(Object.keys(file.db.schema).sort()).toEqual(getDb().tables.map((table) => table.name).sort());
    expect(file.db.schema.interviews).toBe('id, startedAt, status, overall');
    expect(file.excluded.tables).toEqual(['outbox']);
    expect(file.excluded.settings).toEqual(['clientConfig', 'deviceId', 'deviceToken', 'localModel', 'needsRejoin', 'org', 'seq'].filter((key) => before.settings!.some((row) => (row as { key: string }).key === key)));
    // The membership token is a credential: not in the file, not even by accident.
    expect(text).not.toContain('secret-device-token-123');

    closeDb();
    await fresh(DB_NAME);
    const result = await importText(getDb(), text);
    expect(result.added).toEqual({ interviews: 2, turns: 4, settings: 3 });
    const after = await snapshot(getDb());
    expect(after.interviews).toEqual(before.interviews);
    const withoutBlob = (rows: unknown[]) => rows.map((row) => ({ ...(row as object), recording: undefined }));
    expect(withoutBlob(after.turns!)).toEqual(withoutBlob(before.turns!));
    const recording = (after.turns as (TurnRecord & { recording?: Blob })[]).find((turn) => turn.recording)!.recording!;
    expect(recording).toBeInstanceOf(Blob);
    expect(recording.type).toBe('audio/webm');
    expect(new Uint8Array(await recording.arrayBuffer())).toEqual(blobBytes);
    const keys = (after.settings as { key: string }[]).map((row) => row.key).sort();
    expect(keys).toEqual(['answerSilenceSeconds', 'cameraOn', 'candidateName']);
    expect(after.outbox).toEqual([]);
  });

  it('includes any table, with inbound, auto-incremented, compound and outbound keys and binary values', async () => {
    const schema = { recordings: '++id, turnId', blobsByKey: '', pairs: '[a+b], c' };
    const source = new Dexie(SCRATCH);
    source.version(3).stores(schema);
    const audio = new Blob([new Uint8Array([1, 2, 3, 250])], { type: 'audio/ogg' });
    await source.table('recordings').bulkAdd([{ turnId: 't1', audio, at: new Date('2026-01-01T00:00:00Z') }, { turnId: 't2', audio: new Blob([]), samples: new Float32Array([0.25, -0.5]) }]);
    await source.table('blobsByKey').bulkAdd([new Uint8Array([9, 9]).buffer, 'text value'], ['first', 'second']);
    await source.table('pairs').bulkAdd([{ a: 'x', b: 1, c: new Map([['k', 'v']]) }]);
    const text = await exportText(source);
    source.close();
    await fresh(SCRATCH);

    const target = new Dexie(SCRATCH);
    target.version(3).stores(schema);
    try {
      expect((await importText(target, text)).added).toEqual({ recordings: 2, blobsByKey: 2, pairs: 1 });
      const recordings = await target.table('recordings').toArray();
      expect(recordings.map((row) => row.id)).toEqual([1, 2]);
      expect(new Uint8Array(await (recordings[0].audio as Blob).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 250]));
      expect(recordings[0].audio.type).toBe('audio/ogg');
      expect(recordings[0].at).toEqual(new Date('2026-01-01T00:00:00Z'));
      expect([...(recordings[1].samples as Float32Array)]).toEqual([0.25, -0.5]);
      expect([...new Uint8Array((await target.table('blobsByKey').get('first')) as ArrayBuffer)]).toEqual([9, 9]);
      expect(await target.table('blobsByKey').get('second')).toBe('text value');
      expect((await target.table('pairs').get(['x', 1])).c).toEqual(new Map([['k', 'v']]));
    } finally {
      target.close();
    }
  });

  it('keeps what this device already has and adds only what is missing', async () => {
    const db = getDb();
    await db.interviews.bulkPut([sampleInterview('A'), sampleInterview('B')]);
    await db.turns.bulkPut(sampleTurns('A'));
    await db.settings.put({ key: 'cameraOn', value: true });
    const text = await exportText(db);

    // This device continued interview A differently and changed a preference since.
    await db.interviews.update('A', { engineLabel: 'changed here' });
    await db.interviews.delete('B');
    await db.settings.put({ key: 'cameraOn', value: false });
    const result = await importText(db, text);
    expect(result.added).toEqual({ interviews: 1, turns: 0, settings: 0 });
    expect(result.kept).toEqual({ interviews: 1, turns: 3, settings: 1 });
    expect((await db.interviews.get('A'))?.engineLabel).toBe('changed here');
    expect(await db.interviews.get('B')).toEqual(sampleInterview('B'));
    expect((await db.settings.get('cameraOn'))?.value).toBe(false);
  });

  it('brings a file from an older database version up to date through the app\'s own upgrade', async () => {
    // Version 1 stored no `overall` on interviews; the v2 upgrade copies it out of the summary.
    const old = new Dexie(SCRATCH);
    old.version(1).stores(SCHEMA_V1);
    const { overall: _overall, ...v1Interview } = sampleInterview();
    await old.table('interviews').add(v1Interview);
    await old.table('turns').bulkAdd(sampleTurns());
    const text = await exportText(old);
    old.close();
    expect((JSON.parse(text) as ExportFile).db.version).toBe(1);

    await importText(getDb(), text);
    expect(await getDb().interviews.get(sampleInterview().id)).toEqual(sampleInterview());
    expect(await getDb().turns.count()).toBe(3);
    // The scratch database used for the upgrade is gone.
    expect((await Dexie.getDatabaseNames()).filter((name) => name.includes('-import-'))).toEqual([]);
  });
});

describe('a bad file changes nothing', () => {
  async function expectUnchanged(text: string, error: new (...args: never[]) => Error): Promise<void> {
    const db = getDb();
    const before = await snapshot(db);
    await expect(prepareImport(db, text, options)).rejects.toBeInstanceOf(error);
    expect(await snapshot(db)).toEqual(before);
  }

  let good: ExportFile;
  beforeEach(async () => {
    const db = getDb();
    await db.interviews.put(sampleInterview('OTHER'));
    await db.turns.bulkPut(sampleTurns('OTHER'));
    good = JSON.parse(await exportText(db)) as ExportFile;
    // The files below would add interview NEW if they were imported.
    good.tables.interviews = [sampleInterview('NEW')];
    good.tables.turns = sampleTurns('NEW');
    await db.interviews.put(sampleInterview('HERE'));
  });

  it('refuses foreign, truncated, newer and damaged files with the matching error', async () => {
    await expectUnchanged(JSON.stringify({ exportedFrom: 'another app', items: [1, 2] }), ForeignFileError);
    const text = JSON.stringify(good);
    await expectUnchanged(text.slice(0, text.length - 100), ExportFileUnreadableError);
    await expectUnchanged(JSON.stringify({ ...good, db: { ...good.db, version: 99 } }), NewerExportError);
    await expectUnchanged(JSON.stringify({ ...good, formatVersion: 2 }), NewerExportError);
    const wrongTurn = { ...good, tables: { ...good.tables, turns: [{ ...sampleTurns('NEW')[0], status: 'finished' }] } };
    await expectUnchanged(JSON.stringify(wrongTurn), InvalidExportError);
    const orphanTurn = { ...good, tables: { ...good.tables, interviews: [] } };
    await expectUnchanged(JSON.stringify(orphanTurn), InvalidExportError);
    const unknownTable = { ...good, db: { ...good.db, schema: { ...good.db.schema, mystery: 'id' } }, tables: { ...good.tables, mystery: [{ id: 1 }] } };
    await expectUnchanged(JSON.stringify(unknownTable), InvalidExportError);
    const badBlob = { ...good, tables: { ...good.tables, turns: [{ ...sampleTurns('NEW')[0], recording: { $ib: 'blob', type: 'audio/webm', base64: '!!' } }] } };
    await expectUnchanged(JSON.stringify(badBlob), InvalidExportError);
    expect(await getDb().interviews.get('NEW')).toBeUndefined();
  });

  it('never imports the membership or the device identity, even from a hand-edited file', async () => {
    const deviceId = await getDeviceId();
    const edited = { ...good, tables: { ...good.tables, settings: [{ key: 'deviceToken', value: 'stolen' }, { key: 'deviceId', value: 'other-device' }, { key: 'cameraOn', value: true }] } };
    const plan = await prepareImport(getDb(), JSON.stringify(edited), options);
    expect(plan.skipped).toEqual({ settings: 2 });
    await applyImport(getDb(), plan);
    expect(await getDb().settings.get('deviceToken')).toBeUndefined();
    expect(await getDeviceId()).toBe(deviceId);
    expect((await getDb().settings.get('cameraOn'))?.value).toBe(true);
  });

  it('writes all of a file or none of it when a write fails part-way', async () => {
    const schema = { notes: 'id', people: 'id, &email' };
    const db = new Dexie(SCRATCH);
    db.version(1).stores(schema);
    try {
      await db.table('notes').add({ id: 'kept', text: 'here before' });
      const text = JSON.stringify({
        ...(JSON.parse(await exportText(db)) as ExportFile),
        tables: { notes: [{ id: 'n1', text: 'new' }], people: [{ id: 1, email: 'a@x.test' }, { id: 2, email: 'a@x.test' }] },
      });
      // The file passes every check; only the unique index refuses the second person, after the note was written.
      const plan = await prepareImport(db, text, options);
      await expect(applyImport(db, plan)).rejects.toThrow(/writing it failed: .*email/);
      expect(await db.table('notes').toArray()).toEqual([{ id: 'kept', text: 'here before' }]);
      expect(await db.table('people').count()).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('shapes', () => {
  it('exports interviews exactly as the repository stored them', async () => {
    const db = getDb();
    await db.interviews.put(sampleInterview());
    const file = JSON.parse(await exportText(db)) as ExportFile;
    expect(file.tables.interviews).toEqual([sampleInterview() satisfies InterviewRecord]);
  });
});
