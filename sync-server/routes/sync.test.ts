import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { monotonicFactory } from 'ulid';
import { createTestServer, interviewEvents, orgWithDevice, push, queryRaw, score, type TestServer } from '../test-support/fixtures.ts';
import type { PushResponse, SyncEvent } from '../protocol/index.ts';

const nextUlid = monotonicFactory();

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.cleanup());

async function pushOk(token: string, deviceId: string, events: unknown[]): Promise<PushResponse> {
  const response = await push(server, token, deviceId, events);
  expect(response.status).toBe(200);
  return (await response.json()) as PushResponse;
}

async function interviewerView(cookie: string) {
  const list = await (await server.app.request('/api/interviewer/interviews', { headers: { cookie } })).json();
  const details = [];
  for (const item of (list as { interviews: { id: string }[] }).interviews) {
    details.push(await (await server.app.request(`/api/interviewer/interviews/${item.id}`, { headers: { cookie } })).json());
  }
  return { list, details };
}

async function countEvents(): Promise<number> {
  // Straight from the database, the ground truth for "stored exactly once".
  return (await queryRaw<{ n: number }>(server, 'SELECT count(*) AS n FROM events'))[0]!.n;
}

/** A small seeded PRNG (mulberry32), so a failing shuffle can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('POST /api/sync/push', () => {
  it('stores each event exactly once when the same batch is pushed twice', async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    const events = interviewEvents('iv-1', 1);
    const first = await pushOk(token, deviceId, events);
    expect(first.accepted).toHaveLength(events.length);
    expect(first.acked).toBe(events.length);
    const before = await interviewerView(cookie);

    const second = await pushOk(token, deviceId, events);
    expect(second.accepted).toEqual([]);
    expect(second.duplicates).toEqual(events.map((event) => event.id));
    expect(second.acked).toBe(events.length);
    expect(await countEvents()).toBe(events.length);
    expect(await interviewerView(cookie)).toEqual(before);
  });

  it('stores overlapping batches pushed out of order exactly once, with the same final state as in order', async () => {
    const inOrder = await createTestServer();
    try {
      const reference = await orgWithDevice(inOrder);
      const events = interviewEvents('iv-2', 1, 4);
      await push(inOrder, reference.token, reference.deviceId, events);
      const expected = await (await inOrder.app.request('/api/interviewer/interviews/iv-2', { headers: { cookie: reference.cookie } })).json();

      const { token, deviceId, cookie } = await orgWithDevice(server);
      // Batch B (the later half plus an overlap) arrives first, reversed; then batch A.
      const batchA = events.slice(0, 4);
      const batchB = events.slice(2).reverse();
      const b = await pushOk(token, deviceId, batchB);
      expect(b.accepted).toHaveLength(batchB.length);
      const a = await pushOk(token, deviceId, batchA);
      expect(a.accepted).toEqual(events.slice(0, 2).map((event) => event.id));
      expect(a.duplicates).toEqual(events.slice(2, 4).map((event) => event.id));
      expect(await countEvents()).toBe(events.length);

      const actual = await (await server.app.request('/api/interviewer/interviews/iv-2', { headers: { cookie } })).json();
      expect(actual).toEqual(expected);
    } finally {
      await inOrder.cleanup();
    }
  });

  it('rejects a malformed event alone, with its id and a reason, and keeps the rest of the batch', async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    const events: unknown[] = interviewEvents('iv-3', 1, 2);
    const bad: { id: string } & Record<string, unknown> = { ...(events[1] as { id: string }), payload: { interviewId: 'iv-3', answer: 42 } };
    events[1] = bad;
    events.push({ nonsense: true });
    const result = await pushOk(token, deviceId, events);
    expect(result.accepted).toHaveLength(3);
    expect(result.rejected).toHaveLength(2);
    expect(result.rejected[0]!.id).toBe(bad.id);
    expect(result.rejected[0]!.reason).toMatch(/payload/);
    expect(result.rejected[1]!.id).toBe('#4');
    const detail = (await (await server.app.request('/api/interviewer/interviews/iv-3', { headers: { cookie } })).json()) as {
      turns: unknown[];
      interview: { overall: number };
    };
    expect(detail.turns).toHaveLength(1);
    expect(detail.interview.overall).toBe(61);
  });

  it('refuses an event that reuses a seq with a different id', async () => {
    const { token, deviceId } = await orgWithDevice(server);
    const [started] = interviewEvents('iv-4', 1, 0);
    await pushOk(token, deviceId, [started]);
    const [other] = interviewEvents('iv-5', 1, 0);
    const result = await pushOk(token, deviceId, [other]);
    expect(result.rejected[0]!.reason).toMatch(/seq 1 is already used/);
  });

  it('keeps a deleted interview deleted, whatever arrives after the deletion', async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    const events = interviewEvents('iv-6', 1, 2);
    await pushOk(token, deviceId, events.slice(0, 2));
    await pushOk(token, deviceId, [{ id: '01KZZZZZZZZZZZZZZZZZZZZZZZ', seq: 50, at: events[0]!.at, type: 'interview.deleted', payload: { interviewId: 'iv-6' } }]);
    await pushOk(token, deviceId, events.slice(2));
    const response = await server.app.request('/api/interviewer/interviews/iv-6', { headers: { cookie } });
    expect(response.status).toBe(404);
    expect((await queryRaw<{ n: number }>(server, "SELECT count(*) AS n FROM turns WHERE interview_id = 'iv-6'"))[0]!.n).toBe(0);
    // The answers are gone from the stored events too, including those that arrived after the deletion.
    const payloads = await queryRaw<{ payload: string }>(server, "SELECT payload FROM events WHERE interview_id = 'iv-6'");
    expect(payloads).toHaveLength(events.length + 1);
    expect(payloads.some((row) => row.payload.includes('root cause'))).toBe(false);
    // A re-send after the deletion is recognised as already handled, and resurrects nothing.
    const again = await pushOk(token, deviceId, events);
    expect(again.duplicates).toHaveLength(events.length);
    expect((await server.app.request('/api/interviewer/interviews/iv-6', { headers: { cookie } })).status).toBe(404);
  });

  it('keeps an interview deleted that the server never saw before its deletion', async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    const events = interviewEvents('iv-6a', 2, 2);
    const deletion = { id: nextUlid(), seq: 1, at: events[0]!.at, type: 'interview.deleted', payload: { interviewId: 'iv-6a' } };
    expect((await pushOk(token, deviceId, [deletion])).accepted).toEqual([deletion.id]);
    // The interview's own events arrive afterwards (sent from a backup, say): kept as ids, not applied.
    expect((await pushOk(token, deviceId, events)).accepted).toHaveLength(events.length);
    expect((await server.app.request('/api/interviewer/interviews/iv-6a', { headers: { cookie } })).status).toBe(404);
    expect((await queryRaw<{ n: number }>(server, "SELECT count(*) AS n FROM turns WHERE interview_id = 'iv-6a'"))[0]!.n).toBe(0);
    const payloads = await queryRaw<{ payload: string }>(server, "SELECT payload FROM events WHERE interview_id = 'iv-6a' AND type <> 'interview.deleted'");
    expect(payloads.map((row) => JSON.parse(row.payload))).toEqual(events.map(() => ({ interviewId: 'iv-6a', redacted: true })));
  });

  it('redacts every answer of a batch that also deletes its interview, before and after the deletion', async () => {
    const { token, deviceId, cookie } = await orgWithDevice(server);
    const events = interviewEvents('iv-6b', 1, 3);
    const deletion = { id: nextUlid(), seq: 4, at: events[0]!.at, type: 'interview.deleted', payload: { interviewId: 'iv-6b' } };
    // started, two answers, the deletion, then the third answer and the completion: all in one push.
    const batch = [...events.slice(0, 3), deletion, ...events.slice(3).map((event, index) => ({ ...event, seq: 5 + index }))];
    const result = await pushOk(token, deviceId, batch);
    expect(result.accepted).toHaveLength(batch.length);
    expect((await server.app.request('/api/interviewer/interviews/iv-6b', { headers: { cookie } })).status).toBe(404);
    const payloads = await queryRaw<{ type: string; payload: string }>(server, "SELECT type, payload FROM events WHERE interview_id = 'iv-6b' ORDER BY seq");
    expect(payloads.map((row) => row.type)).toEqual(batch.map((event) => event.type));
    for (const row of payloads.filter((row) => row.type !== 'interview.deleted')) expect(JSON.parse(row.payload)).toEqual({ interviewId: 'iv-6b', redacted: true });
    expect((await queryRaw<{ n: number }>(server, "SELECT count(*) AS n FROM turns WHERE interview_id = 'iv-6b'"))[0]!.n).toBe(0);
  });

  // Thirteen fresh databases: slow on a busy machine.
  it('reaches the same final state whatever the order and batching, with later seqs winning', { timeout: 30_000 }, async () => {
    const base = interviewEvents('iv-p', 1, 3);
    // The candidate re-answered turn 1 and the summary was recomputed: later seqs for the same things.
    const reanswer = base[2] as SyncEvent & { type: 'turn.answered' };
    const completed = base[base.length - 1] as SyncEvent & { type: 'interview.completed' };
    const events: SyncEvent[] = [
      ...base,
      { ...reanswer, id: nextUlid(), seq: 20, payload: { ...reanswer.payload, answer: 'A better second answer.', score: score(90) } },
      { ...completed, id: nextUlid(), seq: 21, payload: { ...completed.payload, summary: { ...completed.payload.summary, overall: 77 } } },
    ];

    const reference = await createTestServer();
    let expected: unknown;
    try {
      const device = await orgWithDevice(reference);
      await push(reference, device.token, device.deviceId, events);
      expected = await (await reference.app.request('/api/interviewer/interviews/iv-p', { headers: { cookie: device.cookie } })).json();
    } finally {
      await reference.cleanup();
    }
    expect(expected).toMatchObject({ interview: { overall: 77 }, turns: [{}, { answer: 'A better second answer.' }, {}] });

    for (let seed = 1; seed <= 12; seed++) {
      const random = seededRandom(seed);
      const trial = await createTestServer();
      try {
        const device = await orgWithDevice(trial);
        const shuffled = [...events].sort(() => random() - 0.5);
        // Random batches, and every batch re-sent with a random overlap into the next one; every third
        // seed sends everything in one batch, where a re-answer may come before the answer it replaces.
        let start = 0;
        while (start < shuffled.length) {
          const end = seed % 3 === 0 ? shuffled.length : Math.min(shuffled.length, start + 1 + Math.floor(random() * 4));
          const overlap = Math.floor(random() * 2);
          const response = await push(trial, device.token, device.deviceId, shuffled.slice(Math.max(0, start - overlap), end));
          expect(response.status).toBe(200);
          expect(((await response.json()) as PushResponse).rejected).toEqual([]);
          start = end;
        }
        const actual = await (await trial.app.request('/api/interviewer/interviews/iv-p', { headers: { cookie: device.cookie } })).json();
        expect(actual, `seed ${seed}`).toEqual(expected);
        expect((await queryRaw<{ n: number }>(trial, 'SELECT count(*) AS n FROM events'))[0]!.n).toBe(events.length);
      } finally {
        await trial.cleanup();
      }
    }
  });

  it('writes nothing when the server fails half-way through a push, and the re-sent batch then lands once', async () => {
    let failNext = true;
    const crashing = await createTestServer({
      beforeIngestCommit: () => {
        if (failNext) {
          failNext = false;
          throw new Error('simulated crash before commit');
        }
      },
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { token, deviceId, cookie } = await orgWithDevice(crashing);
      const events = interviewEvents('iv-7', 1, 3);
      const failed = await push(crashing, token, deviceId, events);
      expect(failed.status).toBe(500);
      // The operator's log gets the cause; the device gets no internals.
      expect(logged).toHaveBeenCalled();
      expect(JSON.stringify(await failed.json())).not.toMatch(/simulated|sqlite-store|postgres-store/);
      expect((await queryRaw<{ n: number }>(crashing, 'SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM interviews) + (SELECT count(*) FROM turns) AS n'))[0]!.n).toBe(0);
      const list = (await (await crashing.app.request('/api/interviewer/interviews', { headers: { cookie } })).json()) as { interviews: unknown[] };
      expect(list.interviews).toEqual([]);
      const retried = await push(crashing, token, deviceId, events);
      expect(((await retried.json()) as PushResponse).accepted).toHaveLength(events.length);
    } finally {
      logged.mockRestore();
      await crashing.cleanup();
    }
  });

  it('answers 400 with the reasons for a body that is not a push, and 413 for one over the limit', async () => {
    const small = await createTestServer({ maxBodyBytes: 4096 });
    try {
      const { token, deviceId } = await orgWithDevice(small);
      const notJson = await small.app.request('/api/sync/push', {
        method: 'POST',
        body: '{not json',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      expect(notJson.status).toBe(400);
      const noEvents = await push(small, token, deviceId, []);
      expect(noEvents.status).toBe(400);
      const body = (await noEvents.json()) as { error: { issues: { path: string }[] } };
      expect(body.error.issues[0]!.path).toBe('events');
      const oldVersion = await small.app.request(
        '/api/sync/push',
        { method: 'POST', body: JSON.stringify({ v: 0, deviceId, events: [{}] }), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
      );
      expect(oldVersion.status).toBe(400);
      expect(((await oldVersion.json()) as { error: { code: string } }).error.code).toBe('unsupported_version');
      const huge = await push(small, token, deviceId, interviewEvents('iv-8', 1, 20));
      expect(huge.status).toBe(413);
      expect(((await huge.json()) as { error: { message: string } }).error.message).toMatch(/larger than 4096 bytes/);
    } finally {
      await small.cleanup();
    }
  });
});

describe('organisation isolation', () => {
  it('a device token cannot read or write another organisation\'s data', async () => {
    const acme = await orgWithDevice(server, 'Acme', 'device-a');
    const globex = await orgWithDevice(server, 'Globex', 'device-b');
    await pushOk(acme.token, acme.deviceId, interviewEvents('iv-acme', 1, 1));

    // Acme's token cannot push as Globex's device.
    const asOther = await push(server, acme.token, globex.deviceId, interviewEvents('iv-x', 1, 1));
    expect(asOther.status).toBe(403);

    // Globex's device cannot write into Acme's interview by reusing its id.
    const hijack = await pushOk(globex.token, globex.deviceId, interviewEvents('iv-acme', 1, 1));
    expect(hijack.accepted).toEqual([]);
    expect(hijack.rejected.every((rejection) => /another device/.test(rejection.reason))).toBe(true);

    // Nor overwrite one of its turns by naming the turn id inside an interview of its own.
    const [, acmeTurn] = interviewEvents('iv-acme', 1, 1) as [SyncEvent, SyncEvent & { type: 'turn.answered' }];
    const before = await (await server.app.request('/api/interviewer/interviews/iv-acme', { headers: { cookie: acme.cookie } })).json();
    const [globexStart] = interviewEvents('iv-globex', 10, 0);
    const overwrite = await pushOk(globex.token, globex.deviceId, [
      globexStart,
      { ...acmeTurn, id: nextUlid(), seq: 11, payload: { ...acmeTurn.payload, interviewId: 'iv-globex', answer: 'overwritten', score: score(100) } },
    ]);
    expect(overwrite.accepted).toHaveLength(2);
    expect(await (await server.app.request('/api/interviewer/interviews/iv-acme', { headers: { cookie: acme.cookie } })).json()).toEqual(before);

    // Nor can it see it: pull only returns its own changes, and Globex's interviewer sees nothing of Acme.
    const pull = (await (await server.app.request('/api/sync/pull', { headers: { authorization: `Bearer ${globex.token}` } })).json()) as {
      changes: { type: string; payload: { orgName: string } }[];
    };
    expect(pull.changes.map((change) => change.payload.orgName)).toEqual(['Globex']);
    const globexList = (await (await server.app.request('/api/interviewer/interviews', { headers: { cookie: globex.cookie } })).json()) as {
      interviews: { id: string }[];
    };
    expect(globexList.interviews.map((item) => item.id)).toEqual(['iv-globex']);
    const direct = await server.app.request('/api/interviewer/interviews/iv-acme', { headers: { cookie: globex.cookie } });
    expect(direct.status).toBe(404);
    const own = await server.app.request('/api/interviewer/interviews/iv-acme', { headers: { cookie: acme.cookie } });
    expect(own.status).toBe(200);
  });

  it('refuses pushes without a token or with a revoked one', async () => {
    const { token, deviceId } = await orgWithDevice(server);
    const noToken = await server.app.request('/api/sync/push', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(noToken.status).toBe(401);
    const bogus = await push(server, 'dev_bogus', deviceId, interviewEvents('iv-9', 1, 0));
    expect(bogus.status).toBe(401);
    expect(token.startsWith('dev_')).toBe(true);
  });
});

describe('GET /api/sync/pull', () => {
  it('returns changes after the cursor, and rejects a cursor it never gave', async () => {
    const { token } = await orgWithDevice(server);
    const auth = { authorization: `Bearer ${token}` };
    const first = (await (await server.app.request('/api/sync/pull', { headers: auth })).json()) as { changes: { type: string }[]; cursor: string };
    expect(first.changes.map((change) => change.type)).toEqual(['org.joined']);
    const again = (await (await server.app.request(`/api/sync/pull?cursor=${first.cursor}`, { headers: auth })).json()) as { changes: unknown[]; cursor: string };
    expect(again.changes).toEqual([]);
    expect(again.cursor).toBe(first.cursor);
    const bad = await server.app.request('/api/sync/pull?cursor=abc', { headers: auth });
    expect(bad.status).toBe(400);
  });
});
