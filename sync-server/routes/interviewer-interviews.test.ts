import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interviewDetail } from '../protocol/index.ts';
import { createInvite, createTestServer, interviewEvents, joinDevice, json, orgWithDevice, push, type TestServer } from '../test-support/fixtures.ts';
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

describe('GET /api/interviewer/interviews and /interviews.csv', () => {
  async function orgWithTwoCandidates() {
    const org = await orgWithDevice(server, 'Acme', 'device-a');
    const other = await joinDevice(server, await createInvite(server, org.cookie), 'device-b', '=HYPERLINK("http://evil.example")');
    expect((await push(server, org.token, org.deviceId, interviewEvents('iv-grace', 1, 1))).status).toBe(200);
    expect((await push(server, other, 'device-b', interviewEvents('iv-evil', 1, 1))).status).toBe(200);
    return org;
  }

  it('filters and pages within the organisation, and explains bad parameters with 400', async () => {
    const { cookie } = await orgWithTwoCandidates();
    const globex = await orgWithDevice(server, 'Globex', 'device-g');
    expect((await push(server, globex.token, globex.deviceId, interviewEvents('iv-globex', 1, 1))).status).toBe(200);

    const all = await server.app.request('/api/interviewer/interviews', { headers: { cookie } });
    expect(all.status).toBe(200);
    const body = (await all.json()) as { v: number; interviews: { id: string }[]; nextCursor: string | null };
    expect(body.interviews.map((row) => row.id).sort()).toEqual(['iv-evil', 'iv-grace']);
    expect(body.nextCursor).toBeNull();

    const filtered = (await (await server.app.request('/api/interviewer/interviews?candidate=grace', { headers: { cookie } })).json()) as typeof body;
    expect(filtered.interviews.map((row) => row.id)).toEqual(['iv-grace']);

    const first = (await (await server.app.request('/api/interviewer/interviews?limit=1&sort=candidate&order=asc', { headers: { cookie } })).json()) as typeof body;
    expect(first.interviews.map((row) => row.id)).toEqual(['iv-evil']);
    const second = (await (await server.app.request(`/api/interviewer/interviews?limit=1&sort=candidate&order=asc&cursor=${first.nextCursor}`, { headers: { cookie } })).json()) as typeof body;
    expect(second.interviews.map((row) => row.id)).toEqual(['iv-grace']);

    const bad = await server.app.request('/api/interviewer/interviews?sort=age&minScore=200', { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/must be startedAt, overall or candidate.*must be from 0 to 100|must be from 0 to 100.*must be startedAt/);
    const badCursor = await server.app.request('/api/interviewer/interviews?cursor=nope', { headers: { cookie } });
    expect(badCursor.status).toBe(400);
    expect(((await badCursor.json()) as { error: { code: string } }).error.code).toBe('bad_cursor');
  });

  it('exports the filtered list as an attached CSV, formulas neutralised, and audits the export', async () => {
    const { cookie } = await orgWithTwoCandidates();
    const response = await server.app.request('/api/interviewer/interviews.csv?candidate=hyperlink', { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="interviews-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('id,candidate,role,seniority,type,started_at,completed_at,overall,engine');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^iv-evil,"'=HYPERLINK\(""http:\/\/evil\.example""\)",/);
    const audit = await server.store.listAudit((await server.store.findUserByEmail('acme@example.test'))!.orgId, { action: 'interviews', limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'interviews.exported', detail: { rows: 1, filters: { candidate: 'hyperlink' } } });
  });
});

describe('GET /api/interviewer/compare', () => {
  it('averages each rubric dimension per interview with overrides applied, for two to four of the organisation', async () => {
    const { cookie, token, deviceId } = await orgWithDevice(server, 'Acme', 'device-a');
    const other = await joinDevice(server, await createInvite(server, cookie), 'device-b', 'Alan');
    expect((await push(server, token, deviceId, interviewEvents('iv-a', 1, 2))).status).toBe(200);
    expect((await push(server, other, 'device-b', interviewEvents('iv-b', 1, 2))).status).toBe(200);
    // Both answers of iv-b score coverage 4; an interviewer lowers the first to 2, then to 1.
    for (const score of [2, 1]) {
      const overridden = await server.app.request('/api/interviewer/interviews/iv-b/overrides', json({ v: 1, turnId: 'iv-b-t0', dimensionKey: 'coverage', score, reason: 'Missed the cause.' }, { cookie }));
      expect(overridden.status).toBe(201);
    }

    const response = await server.app.request('/api/interviewer/compare?ids=iv-a,iv-b', { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      v: 1,
      dimensions: [{ key: 'coverage', label: 'Talking points' }],
      interviews: [
        { id: 'iv-a', candidateName: 'Grace', role: 'Software Engineer', startedAt: '2026-11-20T10:00:00.000Z', overall: 61, dimensions: { coverage: 4 }, overridden: 0 },
        { id: 'iv-b', candidateName: 'Alan', role: 'Software Engineer', startedAt: '2026-11-20T10:00:00.000Z', overall: 61, dimensions: { coverage: 2.5 }, overridden: 1 },
      ],
    });
  });

  it("answers 404 when any is not the organisation's, and 400 for fewer than two, more than four or repeats", async () => {
    const acme = await orgWithDevice(server, 'Acme', 'device-a');
    const globex = await orgWithDevice(server, 'Globex', 'device-g');
    expect((await push(server, acme.token, acme.deviceId, interviewEvents('iv-a', 1, 1))).status).toBe(200);
    expect((await push(server, globex.token, globex.deviceId, interviewEvents('iv-g', 1, 1))).status).toBe(200);
    const ask = (ids: string) => server.app.request(`/api/interviewer/compare?ids=${ids}`, { headers: { cookie: acme.cookie } });
    expect((await ask('iv-a,iv-g')).status).toBe(404);
    for (const ids of ['iv-a', 'a,b,c,d,e', 'iv-a,iv-a']) expect((await ask(ids)).status).toBe(400);
    expect((await server.app.request('/api/interviewer/compare', { headers: { cookie: acme.cookie } })).status).toBe(400);
  });
});
