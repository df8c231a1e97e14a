import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interviewDetail } from '../protocol/index.ts';
import { createTestServer, interviewEvents, orgWithDevice, push, type TestServer } from '../test-support/fixtures.ts';
import { SseReader } from '../test-support/sse-reader.ts';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.cleanup());

async function follow(cookie: string, interviewId: string) {
  const response = await server.app.request(`/api/interviewer/interviews/${interviewId}/live`, { headers: { cookie, accept: 'text/event-stream' } });
  return response;
}

describe('GET /api/interviewer/interviews/:id/live', () => {
  it('sends the current interview, then an update with each answer the device pushes', async () => {
    const { cookie, token, deviceId } = await orgWithDevice(server);
    const events = interviewEvents('iv-live', 1, 3);
    // Started and the first answer are on the server before the interviewer opens it.
    expect((await push(server, token, deviceId, events.slice(0, 2))).status).toBe(200);

    const response = await follow(cookie, 'iv-live');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const live = new SseReader(response.body!);
    try {
      const snapshot = await live.next();
      expect(snapshot.event).toBe('snapshot');
      expect(interviewDetail.parse(JSON.parse(snapshot.data)).turns).toHaveLength(1);

      expect((await push(server, token, deviceId, events.slice(2, 3))).status).toBe(200);
      const update = await live.next();
      expect(update.event).toBe('update');
      const detail = interviewDetail.parse(JSON.parse(update.data));
      expect(detail.turns.map((turn) => turn.answer)).toEqual(['I read the logs and found the root cause in answer 0.', 'I read the logs and found the root cause in answer 1.']);

      // A batch with a re-sent answer and a new one: one more update, with the new answer.
      expect((await push(server, token, deviceId, events.slice(2, 4))).status).toBe(200);
      const next = interviewDetail.parse(JSON.parse((await live.next()).data));
      expect(next.turns).toHaveLength(3);
    } finally {
      await live.close();
    }
  });

  it("answers 404 for another organisation's interview and for one that does not exist, before any stream", async () => {
    const acme = await orgWithDevice(server, 'Acme', 'device-a');
    const globex = await orgWithDevice(server, 'Globex', 'device-b');
    expect((await push(server, acme.token, acme.deviceId, interviewEvents('iv-acme', 1, 1))).status).toBe(200);
    const foreign = await follow(globex.cookie, 'iv-acme');
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toMatch(/application\/json/);
    expect((await follow(acme.cookie, 'no-such-interview')).status).toBe(404);
  });

  it('needs a signed-in interviewer', async () => {
    expect((await server.app.request('/api/interviewer/interviews/iv/live')).status).toBe(401);
  });
});
