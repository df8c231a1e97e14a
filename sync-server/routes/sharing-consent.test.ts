import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monotonicFactory } from 'ulid';
import { createTestServer, interviewEvents, orgWithDevice, push, queryRaw, type TestServer } from '../test-support/fixtures.ts';
import type { InterviewDetail, PushResponse, SharingConsent, SyncEvent } from '../protocol/index.ts';

const nextUlid = monotonicFactory();

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.cleanup());

const ALL: SharingConsent = { transcript: true, scores: true, speechMetrics: true, cameraMetrics: true, audio: true };
const SPEECH = { wordCount: 40, talkTimeWpm: 130, wholeAnswerWpm: 110, fillerCount: 2, fillersPer100Words: 5, longPauseCount: 1, thinkingShare: 0.2, repeatCount: 0, durationSeconds: 22 };
const CAMERA = { seconds: 20, inView: 1, eyeContact: 0.7, smiledSeconds: 3, headMovement: 'steady' as const, blinksPerMinute: 14, otherFaceSeconds: 0 };

function consentEvent(seq: number, consent: SharingConsent): SyncEvent {
  return { id: nextUlid(), seq, at: '2026-11-20T10:05:00.000Z', type: 'consent.changed', payload: { consent } };
}

/** An interview whose turns carry speech and camera metrics, as a device sharing everything sends it. */
function withMetrics(events: SyncEvent[]): SyncEvent[] {
  return events.map((event) => (event.type === 'turn.answered' ? { ...event, payload: { ...event.payload, speechMetrics: SPEECH, cameraMetrics: CAMERA } } : event));
}

async function pushOk(token: string, deviceId: string, events: unknown[]): Promise<PushResponse> {
  const response = await push(server, token, deviceId, events);
  expect(response.status).toBe(200);
  const body = (await response.json()) as PushResponse;
  expect(body.rejected).toEqual([]);
  return body;
}

async function detail(cookie: string, interviewId: string): Promise<InterviewDetail> {
  const response = await server.app.request(`/api/interviewer/interviews/${interviewId}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as InterviewDetail;
}

function putRecording(token: string, path: string, body: Uint8Array, type = 'audio/webm') {
  return server.app.request(`/api/sync/recordings/${path}`, { method: 'PUT', body: new Blob([body.slice()]), headers: { authorization: `Bearer ${token}`, 'content-type': type } });
}

async function storedTurnPayloads(): Promise<Record<string, unknown>[]> {
  const rows = await queryRaw<{ payload: string }>(server, "SELECT payload FROM events WHERE type = 'turn.answered' ORDER BY seq");
  return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
}

describe('sharing consent on the server', () => {
  it('keeps everything an older device sends, which never declares a consent', async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    await pushOk(token, deviceId, withMetrics(interviewEvents('iv-1', 1, 1)));
    const turn = (await detail(cookie, 'iv-1')).turns[0]!;
    expect(turn.answer).toContain('root cause');
    expect(turn.score?.overall).toBe(60);
    expect(turn.speechMetrics).toEqual(SPEECH);
    expect(turn.cameraMetrics).toEqual(CAMERA);
  });

  it('drops the items a device does not share, even if it sends them', async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    await pushOk(token, deviceId, [consentEvent(1, { ...ALL, transcript: false, speechMetrics: false, audio: false })]);
    await pushOk(token, deviceId, withMetrics(interviewEvents('iv-1', 2, 1)));
    const view = await detail(cookie, 'iv-1');
    expect(view.turns[0]!.answer).toBe('');
    expect(view.turns[0]!.speechMetrics).toBeNull();
    expect(view.turns[0]!.cameraMetrics).toEqual(CAMERA);
    expect(view.turns[0]!.score?.overall).toBe(60);
    const [stored] = await storedTurnPayloads();
    expect(stored!.answer).toBe('');
    expect(stored).not.toHaveProperty('speechMetrics');
    expect(stored!.cameraMetrics).toEqual(CAMERA);
  });

  it("deletes what is revoked from all of the device's interviews, rows and stored events, and nothing of another device", async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    const other = await orgWithDevice(server, 'Globex', 'device-b');
    await pushOk(token, deviceId, [consentEvent(1, ALL), ...withMetrics(interviewEvents('iv-1', 2, 2)), ...withMetrics(interviewEvents('iv-2', 6, 1))]);
    await pushOk(other.token, other.deviceId, withMetrics(interviewEvents('iv-other', 1, 1)));

    await pushOk(token, deviceId, [consentEvent(20, { ...ALL, transcript: false, scores: false, cameraMetrics: false })]);

    for (const id of ['iv-1', 'iv-2']) {
      const view = await detail(cookie, id);
      expect(view.interview.summary).toBeNull();
      expect(view.interview.overall).toBeNull();
      for (const turn of view.turns) {
        expect(turn.answer).toBe('');
        expect(turn.score).toBeNull();
        expect(turn.cameraMetrics).toBeNull();
        expect(turn.speechMetrics).toEqual(SPEECH);
        // The question is the interview's own, not the candidate's: it stays.
        expect(turn.question.text).toContain('production incident');
      }
    }
    const raw = await queryRaw<{ device_id: string; payload: string }>(server, "SELECT device_id, payload FROM events WHERE type IN ('turn.answered', 'interview.completed')");
    const mine = raw.filter((row) => row.device_id !== (raw.find((r) => r.payload.includes('iv-other'))?.device_id));
    expect(mine.length).toBe(5);
    for (const row of mine) {
      expect(row.payload).not.toContain('found the root cause');
      expect(row.payload).not.toContain('Clear causes');
      expect(row.payload).not.toContain('eyeContact');
    }
    const otherView = await detail(other.cookie, 'iv-other');
    expect(otherView.turns[0]!.answer).toContain('root cause');
    expect(otherView.turns[0]!.cameraMetrics).toEqual(CAMERA);
  });

  it('a revocation later in the same push reaches the events before it in that push', async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    await pushOk(token, deviceId, [consentEvent(1, ALL), ...withMetrics(interviewEvents('iv-1', 2, 1)), consentEvent(10, { ...ALL, transcript: false, speechMetrics: false })]);
    const turn = (await detail(cookie, 'iv-1')).turns[0]!;
    expect(turn.answer).toBe('');
    expect(turn.speechMetrics).toBeNull();
    const [stored] = await storedTurnPayloads();
    expect(stored!.answer).toBe('');
    expect(stored).not.toHaveProperty('speechMetrics');
    expect(stored!.cameraMetrics).toEqual(CAMERA);
  });

  it('takes the items back when the device re-sends its events after consent is given again', async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    const events = interviewEvents('iv-1', 2, 1);
    await pushOk(token, deviceId, [consentEvent(1, { ...ALL, transcript: false }), ...events]);
    expect((await detail(cookie, 'iv-1')).turns[0]!.answer).toBe('');
    // The device appends copies of its events (new ids, higher seqs) after the consent that allows them.
    const copies = events.map((event, index) => ({ ...event, id: nextUlid(), seq: 11 + index }));
    await pushOk(token, deviceId, [consentEvent(10, ALL), ...copies]);
    expect((await detail(cookie, 'iv-1')).turns[0]!.answer).toContain('root cause');
  });
});

describe('shared recordings', () => {
  const audio = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]);

  it('stores a recording only while the device shares audio, serves it to its organisation, and deletes it on revocation', async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    const other = await orgWithDevice(server, 'Globex', 'device-b');
    await pushOk(token, deviceId, [consentEvent(1, { ...ALL, audio: false }), ...interviewEvents('iv-1', 2, 1)]);

    const refused = await putRecording(token, 'iv-1/iv-1-t0/rec-1', audio);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('audio_not_shared');

    await pushOk(token, deviceId, [consentEvent(10, ALL)]);
    expect((await putRecording(token, 'iv-1/iv-1-t0/rec-1', audio)).status).toBe(201);
    expect((await putRecording(token, 'iv-1/iv-1-t0/rec-1', audio)).status).toBe(200);
    expect((await queryRaw<{ n: number }>(server, 'SELECT count(*) AS n FROM shared_recordings'))[0]!.n).toBe(1);

    expect((await detail(cookie, 'iv-1')).turns[0]!.recordings).toEqual(['rec-1']);
    const played = await server.app.request('/api/interviewer/interviews/iv-1/recordings/rec-1', { headers: { cookie } });
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('audio/webm');
    expect(new Uint8Array(await played.arrayBuffer())).toEqual(audio);
    expect((await server.app.request('/api/interviewer/interviews/iv-1/recordings/rec-1', { headers: { cookie: other.cookie } })).status).toBe(404);
    // Another device cannot attach a recording to this interview.
    await pushOk(other.token, other.deviceId, [consentEvent(1, ALL)]);
    expect((await putRecording(other.token, 'iv-1/iv-1-t0/rec-2', audio)).status).toBe(404);

    await pushOk(token, deviceId, [consentEvent(11, { ...ALL, audio: false })]);
    expect((await server.app.request('/api/interviewer/interviews/iv-1/recordings/rec-1', { headers: { cookie } })).status).toBe(404);
    expect((await queryRaw<{ n: number }>(server, 'SELECT count(*) AS n FROM shared_recordings'))[0]!.n).toBe(0);
  });

  it('refuses other types, an empty body and recordings over 5 MB with a message saying what to do', async () => {
    const { token, deviceId } = await orgWithDevice(server);
    await pushOk(token, deviceId, [consentEvent(1, ALL), ...interviewEvents('iv-1', 2, 1)]);
    const wrongType = await putRecording(token, 'iv-1/iv-1-t0/rec-1', audio, 'audio/wav');
    expect(wrongType.status).toBe(415);
    expect((await putRecording(token, 'iv-1/iv-1-t0/rec-1', new Uint8Array(0))).status).toBe(400);
    const tooBig = await putRecording(token, 'iv-1/iv-1-t0/rec-1', new Uint8Array(5 * 1024 * 1024 + 1), 'audio/ogg');
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toMatch(/5 MB/);
    expect((await queryRaw<{ n: number }>(server, 'SELECT count(*) AS n FROM shared_recordings'))[0]!.n).toBe(0);
  });

  it("deletes an interview's recordings with the interview", async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    await pushOk(token, deviceId, [consentEvent(1, ALL), ...interviewEvents('iv-1', 2, 1)]);
    expect((await putRecording(token, 'iv-1/iv-1-t0/rec-1', audio)).status).toBe(201);
    await pushOk(token, deviceId, [{ id: nextUlid(), seq: 10, at: '2026-11-20T11:00:00.000Z', type: 'interview.deleted', payload: { interviewId: 'iv-1' } }]);
    expect((await queryRaw<{ n: number }>(server, 'SELECT count(*) AS n FROM shared_recordings'))[0]!.n).toBe(0);
    expect((await server.app.request('/api/interviewer/interviews/iv-1/recordings/rec-1', { headers: { cookie } })).status).toBe(404);
  });
});
