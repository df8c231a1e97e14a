// Sharing with consent, item by item, in real Chromium against the real sync server: the candidate
// joins sharing only their answers, and only the answers reach the server; then they add speech and
// camera figures and recordings, which arrive; then they stop sharing answers and recordings, which
// are deleted from the server (rows, stored events, audio) while the device keeps everything.
// No Whisper or vision weights can be had here, so the spoken answer's words, the camera's 1-second
// samples and a recording are written into IndexedDB the way the interview stores them; everything
// from there on (consent, filtering, metrics, upload, revocation) is the app's and the server's own code.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { InterviewDetail } from '../../sync-server/protocol/index.ts';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startBehaviouralInterview, submitAnswer } from '../helpers/interview-actions.ts';
import { signInOverHttp, type InterviewerHttpSession } from '../helpers/interviewer-session.ts';
import { createInviteCode } from '../helpers/invite-code.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const ADMIN = { name: 'Consent Co', email: 'lead@consent.test', adminName: 'Lee Lead', password: 'correct horse battery' };
const ANSWER = 'I led the migration of billing to Postgres and it cut latency by forty percent.';
const AUDIO_BYTES = [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81];

function spokenWords() {
  let at = 1;
  return ANSWER.split(' ').map((text) => {
    const word = { text, start: Math.round(at * 100) / 100, end: Math.round((at + 0.3) * 100) / 100 };
    at += 0.4;
    return word;
  });
}

function visionSamples() {
  return Array.from({ length: 10 }, (_, second) => ({
    second,
    frames: 10,
    framesWithFace: 10,
    framesWithSeveralFaces: 0,
    eyeContact: 0.8,
    yaw: 0,
    pitch: 0,
    roll: 0,
    headMovement: 0.5,
    smile: second < 3 ? 0.6 : 0.1,
    browRaise: 0,
    jawTension: 0,
    blinks: 0,
  }));
}

/** Writes the spoken words and camera samples into the turn, and a kept recording, as the interview stores them. */
async function seedVoiceCameraAndRecording(page: Page): Promise<void> {
  await page.evaluate(
    async ({ words, samples, transcribed, audio }) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const request = indexedDB.open('interview-buddy');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(['turns', 'recordings'], 'readwrite');
        const turns = tx.objectStore('turns');
        const all = turns.getAll();
        all.onsuccess = () => {
          const [turn] = all.result as Record<string, unknown>[];
          turns.put({ ...turn, vision: samples, voice: { words, transcribed, language: 'en', recordingSeconds: 14, modelId: 'onnx-community/whisper-tiny.en_timestamped' } });
          tx.objectStore('recordings').put({
            id: '01JRECORDING000000000000001',
            interviewId: turn!.interviewId,
            turnId: turn!.id,
            blob: new Blob([new Uint8Array(audio)], { type: 'audio/webm;codecs=opus' }),
            mimeType: 'audio/webm;codecs=opus',
            bytes: audio.length,
            durationSeconds: 14,
            captureOffsetSeconds: 0,
            voiceStartSeconds: 0,
            createdAt: new Date().toISOString(),
          });
        };
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { words: spokenWords(), samples: visionSamples(), transcribed: ANSWER, audio: AUDIO_BYTES },
  );
}

/** What is on the device: the turn's answer and the number of kept recordings. */
function deviceState(page: Page): Promise<{ answer: string; recordings: number; hasVoice: boolean; hasVision: boolean }> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const request = indexedDB.open('interview-buddy');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const read = <T,>(store: string) =>
      new Promise<T[]>((ok, fail) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => ok(request.result as T[]);
        request.onerror = () => fail(request.error);
      });
    const [turn] = await read<{ answer: string; voice?: unknown; vision?: unknown[] }>('turns');
    const recordings = await read<unknown>('recordings');
    db.close();
    return { answer: turn!.answer, recordings: recordings.length, hasVoice: Boolean(turn!.voice), hasVision: Boolean(turn!.vision?.length) };
  });
}

describe.skipIf(!chromiumAvailable)('sharing with consent, per item', () => {
  let server: RunningServer;
  let browser: Browser;
  let session: InterviewerHttpSession;

  beforeAll(async () => {
    server = await startSyncServer();
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();
    session = await signInOverHttp(server.url, ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function onlyInterview(): Promise<InterviewDetail> {
    const list = (await (await fetch(`${server.url}/api/interviewer/interviews`, { headers: { cookie: session.cookie } })).json()) as { interviews: { id: string }[] };
    expect(list.interviews).toHaveLength(1);
    return (await (await fetch(`${server.url}/api/interviewer/interviews/${list.interviews[0]!.id}`, { headers: { cookie: session.cookie } })).json()) as InterviewDetail;
  }

  /** The server's database itself: every stored event payload, and the recordings table. */
  function serverRows() {
    const db = new Database(join(server.dataDir, 'interview-buddy.sqlite'), { readonly: true });
    try {
      const events = db.prepare('SELECT type, payload FROM events ORDER BY seq').all() as { type: string; payload: string }[];
      const recordings = (db.prepare('SELECT count(*) AS n FROM shared_recordings').get() as { n: number }).n;
      return { events, recordings };
    } finally {
      db.close();
    }
  }

  async function saveSharing(page: Page, checks: Record<string, boolean>): Promise<void> {
    for (const [label, on] of Object.entries(checks)) await page.getByRole('checkbox', { name: label }).setChecked(on);
    await page.getByRole('button', { name: 'Save what I share' }).click();
    await expect.poll(() => page.getByTestId('sharing-status').innerText()).toMatch(/Saved/);
    await page.getByRole('button', { name: 'Sync now' }).click();
  }

  it('sends only the chosen items, adds what is granted later, and deletes what is revoked from the server', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    // An interview with a spoken answer, camera samples and a kept recording, before joining.
    await startBehaviouralInterview(page, server.url, 1);
    await page.getByLabel('Your answer').fill(ANSWER);
    await submitAnswer(page);
    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });
    await seedVoiceCameraAndRecording(page);

    // Joins sharing the answers only: no scores, no figures, no audio.
    await page.goto(`${server.url}/sync`);
    await page.getByLabel('Invite code').fill(await createInviteCode(server.url, ADMIN));
    await page.getByLabel('Your name').fill('Ada Candidate');
    await expect(page.getByRole('checkbox', { name: 'Answers (transcript)' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'Recordings of your voice' }).isChecked()).resolves.toBe(false);
    await page.getByRole('checkbox', { name: 'Scores and feedback' }).uncheck();
    await page.getByRole('button', { name: 'Join organisation' }).click();
    await expect.poll(() => page.getByTestId('sync-status').innerText(), { timeout: 30_000 }).toMatch(/up to date/i);

    let detail = await onlyInterview();
    expect(detail.turns[0]!.answer).toBe(ANSWER);
    expect(detail.turns[0]!.score).toBeNull();
    expect(detail.interview.summary).toBeNull();
    expect(detail.turns[0]!.speechMetrics ?? null).toBeNull();
    expect(detail.turns[0]!.cameraMetrics ?? null).toBeNull();
    expect(detail.turns[0]!.recordings ?? []).toEqual([]);
    let rows = serverRows();
    const turnPayload = () => rows.events.filter((e) => e.type === 'turn.answered').map((e) => JSON.parse(e.payload) as Record<string, unknown>);
    expect(turnPayload()).toHaveLength(1);
    expect(turnPayload()[0]!.score).toBeNull();
    const contentEvents = () => rows.events.filter((e) => e.type !== 'consent.changed');
    expect(contentEvents().some((e) => /speechMetrics|cameraMetrics|"dimensions":\[\{/.test(e.payload))).toBe(false);
    expect(rows.recordings).toBe(0);

    // Grants speech and camera figures and recordings: they arrive on the next sync.
    await saveSharing(page, { 'Speech figures': true, 'Camera figures': true, 'Recordings of your voice': true });
    await expect.poll(async () => (await onlyInterview()).turns[0]!.recordings?.length ?? 0, { timeout: 30_000 }).toBe(1);
    detail = await onlyInterview();
    const turn = detail.turns[0]!;
    expect(turn.answer).toBe(ANSWER);
    expect(turn.score).toBeNull();
    expect(turn.speechMetrics?.wordCount).toBe(ANSWER.split(' ').length);
    expect(turn.speechMetrics?.talkTimeWpm).toBeGreaterThan(0);
    expect(turn.cameraMetrics).toMatchObject({ seconds: 10, inView: 1, eyeContact: 0.8, smiledSeconds: 3, headMovement: 'steady' });
    const recordingUrl = `${server.url}/api/interviewer/interviews/${detail.interview.id}/recordings/${turn.recordings![0]}`;
    const played = await fetch(recordingUrl, { headers: { cookie: session.cookie } });
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('audio/webm');
    expect([...new Uint8Array(await played.arrayBuffer())]).toEqual(AUDIO_BYTES);
    // Numbers only: the words with their times and the camera samples never leave the device.
    rows = serverRows();
    expect(rows.events.some((e) => e.payload.includes('"start"') || e.payload.includes('framesWithFace'))).toBe(false);
    expect(rows.recordings).toBe(1);

    // The interviewer's page shows the figures and a player.
    const interviewer = await browser.newContext();
    await interviewer.addCookies(
      session.cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name!, value: value.join('='), url: server.url };
      }),
    );
    const interviewerPage = await interviewer.newPage();
    await interviewerPage.goto(`${server.url}/interviewer/interviews/${detail.interview.id}`);
    await interviewerPage.getByTestId('shared-speech-metrics').waitFor({ timeout: 15_000 });
    await expect(interviewerPage.getByTestId('shared-camera-metrics').isVisible()).resolves.toBe(true);
    await expect(interviewerPage.getByTestId('shared-recording').count()).resolves.toBe(1);
    await interviewer.close();

    // Revokes answers and recordings: deleted from the server on the next sync.
    await saveSharing(page, { 'Answers (transcript)': false, 'Recordings of your voice': false });
    await expect.poll(async () => (await onlyInterview()).turns[0]!.answer, { timeout: 30_000 }).toBe('');
    detail = await onlyInterview();
    expect(detail.turns[0]!.recordings).toEqual([]);
    expect(detail.turns[0]!.speechMetrics?.wordCount).toBe(ANSWER.split(' ').length);
    expect((await fetch(recordingUrl, { headers: { cookie: session.cookie } })).status).toBe(404);
    rows = serverRows();
    expect(rows.recordings).toBe(0);
    expect(rows.events.length).toBeGreaterThan(0);
    for (const event of rows.events) expect(event.payload).not.toContain('billing to Postgres');
    for (const payload of turnPayload()) expect(payload.answer).toBe('');

    // The device still has everything.
    await expect(deviceState(page)).resolves.toEqual({ answer: ANSWER, recordings: 1, hasVoice: true, hasVision: true });
    await context.close();
  });
});
