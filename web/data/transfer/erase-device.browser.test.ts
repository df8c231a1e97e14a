import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, getDb } from '../db.ts';
import { backupProgress, readProgressBackup } from '../draft-backup.ts';
import { completeTurn, createInterview, listInterviews } from '../interviews.ts';
import { getDeviceId, getSyncIdentity, saveSyncIdentity } from '../settings.ts';
import { createInterviewState, snapshotOf } from '../../interview/interview-machine.ts';
import { eraseEverything } from './erase-device.ts';

const MODEL_CACHE = 'webllm/model';
const PRECACHE = 'workbox-precache-v2-erase-test';
const progress = snapshotOf(createInterviewState(1), Date.UTC(2026, 0, 1));

async function makeInterview(): Promise<string> {
  const spec = { role: 'Nurse', seniority: 'junior' as const, type: 'behavioural' as const, questionCount: 1, language: 'en', minutes: 10 };
  const question = { id: 'q', kind: 'behavioural' as const, text: 'Tell me about a busy shift.', talkingPoints: [], rubricHint: '', expectedSeconds: 60 };
  const { id } = await createInterview({ spec, questions: [question], engine: { kind: 'basic', label: 'basic scoring', reason: 'test' } });
  await completeTurn({ interviewId: id, index: 0, answer: 'We triaged.', skipped: false, activeMs: 1, score: null, progress });
  backupProgress(id, progress);
  return id;
}

async function settingKeys(): Promise<string[]> {
  return ((await getDb().settings.toCollection().primaryKeys()) as string[]).sort();
}

beforeEach(async () => {
  closeDb();
  await new Promise((resolve) => setTimeout(resolve));
  await Dexie.delete(DB_NAME);
  await (await caches.open(MODEL_CACHE)).put('https://models.test/weights.bin', new Response('weights'));
  await (await caches.open(PRECACHE)).put('/index.html', new Response('<!doctype html>'));
});

afterEach(async () => {
  closeDb();
  await caches.delete(MODEL_CACHE);
  await caches.delete(PRECACHE);
});

describe('delete everything', () => {
  it('on a device that never joined: leaves it as on first run, models kept unless asked', async () => {
    const id = await makeInterview();
    const deviceId = await getDeviceId();
    await getDb().settings.bulkPut([
      { key: 'cameraOn', value: true },
      { key: 'candidateName', value: 'Grace' },
      { key: 'localModel', value: { tierId: 't', modelId: 'm' } },
    ]);

    const result = await eraseEverything({ models: false });
    expect(result).toEqual({ interviews: 1, orgName: null, modelCachesDeleted: 0 });
    expect(await listInterviews()).toEqual([]);
    expect(await getDb().turns.count()).toBe(0);
    expect(await getDb().outbox.count()).toBe(0);
    expect(readProgressBackup(id)).toBeNull();
    expect(await settingKeys()).toEqual(['deviceId', 'localModel', 'seq']);
    expect(await getDeviceId()).toBe(deviceId);
    expect(await caches.has(MODEL_CACHE)).toBe(true);

    const again = await eraseEverything({ models: true });
    expect(again.modelCachesDeleted).toBeGreaterThanOrEqual(1);
    expect(await caches.has(MODEL_CACHE)).toBe(false);
    // The app's own offline copy stays: it must still open without a network.
    expect(await caches.has(PRECACHE)).toBe(true);
    expect(await settingKeys()).toEqual(['deviceId', 'seq']);
  });

  it('on a joined device: sends the deletions to the server and stays joined until they are sent', async () => {
    await saveSyncIdentity({ deviceToken: 'token', org: { id: 'org-1', name: 'Acme' }, candidateName: 'Grace' });
    const id = await makeInterview();
    await getDb().settings.put({ key: 'aiPreference', value: 'basic' });

    const result = await eraseEverything({ models: false });
    expect(result.orgName).toBe('Acme');
    expect(await listInterviews()).toEqual([]);
    const events = await getDb().outbox.toArray();
    expect(events.map((event) => [event.type, event.state, event.payload])).toEqual([['interview.deleted', 'pending', { interviewId: id }]]);
    expect((await getSyncIdentity())?.deviceToken).toBe('token');
    expect(await getDb().settings.get('aiPreference')).toBeUndefined();
  });
});
