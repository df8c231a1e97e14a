// The interviewer's list through the real route and the real database (SQLite here; PostgreSQL again
// in the server-postgres project): filters, the three sorts, keyset pages, dates, templates, and an
// organisation larger than any page. The parameters' own validation and the CSV format are in
// interview-query.test.ts.
import { monotonicFactory } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../protocol/index.ts';
import { createInvite, createTestServer, joinDevice, orgWithDevice, push, type TestServer } from '../test-support/fixtures.ts';

const nextUlid = monotonicFactory();
let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

interface Seeded {
  id: string;
  role: string;
  startedAt: string;
  overall: number | null;
  templateId?: string;
}

/** An interview as a device pushes it: started, and completed with `overall` unless that is null. */
function eventsOf(interview: Seeded, firstSeq: number): SyncEvent[] {
  const events: SyncEvent[] = [
    {
      id: nextUlid(),
      seq: firstSeq,
      at: interview.startedAt,
      type: 'interview.started',
      payload: {
        interviewId: interview.id,
        startedAt: interview.startedAt,
        engine: 'basic',
        spec: { role: interview.role, seniority: 'mid', type: 'behavioural', questionCount: 1, language: 'en', minutes: 15 },
        ...(interview.templateId ? { templateId: interview.templateId } : {}),
      },
    },
  ];
  if (interview.overall !== null) {
    events.push({
      id: nextUlid(),
      seq: firstSeq + 1,
      at: interview.startedAt,
      type: 'interview.completed',
      payload: {
        interviewId: interview.id,
        completedAt: interview.startedAt,
        endedEarly: false,
        summary: { engine: 'basic', overall: interview.overall, dimensions: [], strengths: [], improvements: [], answered: 1, skipped: 0 },
      },
    });
  }
  return events;
}

/** One device per candidate (the list's candidate name is the device's), each pushing its interviews. */
let devices = 0;
async function seed(cookie: string, byCandidate: Record<string, Seeded[]>): Promise<void> {
  for (const [candidate, interviews] of Object.entries(byCandidate)) {
    const deviceId = `device-${devices++}`;
    const token = await joinDevice(server, await createInvite(server, cookie), deviceId, candidate);
    let seq = 1;
    const events = interviews.flatMap((interview) => {
      const out = eventsOf(interview, seq);
      seq += out.length;
      return out;
    });
    const response = await push(server, token, deviceId, events);
    expect(response.status, await response.clone().text()).toBe(200);
  }
}

interface Page {
  interviews: { id: string; templateId: string | null; startedAt: string }[];
  nextCursor: string | null;
}

async function list(cookie: string, query: string): Promise<Page> {
  const response = await server.app.request(`/api/interviewer/interviews?${query}`, { headers: { cookie } });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
}
const ids = (page: Page) => page.interviews.map((row) => row.id);

async function orgWithFive() {
  const org = await orgWithDevice(server, 'Acme', 'device-admin');
  await seed(org.cookie, {
    'Grace Hopper': [{ id: 'a', role: 'Backend engineer', startedAt: '2026-11-01T09:00:00.000Z', overall: 80 }],
    'Alan Turing': [{ id: 'b', role: 'Data scientist', startedAt: '2026-11-02T09:00:00.000Z', overall: 55, templateId: 'tpl-1' }],
    'Ada Lovelace': [{ id: 'c', role: 'Backend engineer', startedAt: '2026-11-03T09:00:00.000Z', overall: null }],
    // Lower case, an accent, and the same start as c: the id breaks the tie.
    'élodie grace': [{ id: 'd', role: 'Frontend engineer', startedAt: '2026-11-03T09:00:00Z', overall: 70, templateId: 'tpl-1' }],
    'Edsger Dijkstra': [{ id: 'e', role: 'BACKEND engineer', startedAt: '2026-11-05T23:30:00.000Z', overall: 91 }],
  });
  return org;
}

describe('the interviewer list, filtered, sorted and paged in the database', () => {
  it('filters by candidate and role (any part, any case), template, dates (a bare to-date is the whole day) and score', async () => {
    const { cookie } = await orgWithFive();
    expect(ids(await list(cookie, 'candidate=GRACE'))).toEqual(['d', 'a']);
    expect(ids(await list(cookie, 'candidate=%C3%89LODIE'))).toEqual(['d']);
    expect(ids(await list(cookie, 'role=backend'))).toEqual(['e', 'c', 'a']);
    expect(ids(await list(cookie, 'template=tpl-1'))).toEqual(['d', 'b']);
    expect(ids(await list(cookie, 'from=2026-11-02&to=2026-11-05'))).toEqual(['e', 'd', 'c', 'b']);
    expect(ids(await list(cookie, 'from=2026-11-03T09:00:00Z&to=2026-11-03'))).toEqual(['d', 'c']);
    // Unscored interviews are left out by any score filter.
    expect(ids(await list(cookie, 'minScore=60&maxScore=90'))).toEqual(['d', 'a']);
  });

  it('sorts by start, overall (unscored lowest) or candidate (case-folded), with the id breaking ties', async () => {
    const { cookie } = await orgWithFive();
    expect(ids(await list(cookie, 'sort=startedAt&order=asc'))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(await list(cookie, 'sort=overall'))).toEqual(['e', 'a', 'd', 'b', 'c']);
    expect(ids(await list(cookie, 'sort=candidate&order=asc'))).toEqual(['c', 'b', 'e', 'a', 'd']);
    // Start times are stored in one form whatever the device sent, so text order is time order.
    expect((await list(cookie, 'candidate=elodie')).interviews).toEqual([]);
    expect((await list(cookie, 'template=tpl-1')).interviews.map((row) => [row.startedAt, row.templateId])).toEqual([
      ['2026-11-03T09:00:00.000Z', 'tpl-1'],
      ['2026-11-02T09:00:00.000Z', 'tpl-1'],
    ]);
  });

  it('pages by keyset in every sort: rows synced between pages neither repeat nor push others off', async () => {
    const { cookie } = await orgWithFive();
    const first = await list(cookie, 'limit=2');
    expect(ids(first)).toEqual(['e', 'd']);
    // A newer interview and one in the middle arrive before the next page is asked for.
    await seed(cookie, {
      'New One': [{ id: 'f', role: 'Backend engineer', startedAt: '2026-11-09T09:00:00.000Z', overall: 60 }],
      'Mid One': [{ id: 'c2', role: 'Backend engineer', startedAt: '2026-11-02T12:00:00.000Z', overall: 60 }],
    });
    const second = await list(cookie, `limit=2&cursor=${first.nextCursor}`);
    expect(ids(second)).toEqual(['c', 'c2']);
    const third = await list(cookie, `limit=2&cursor=${second.nextCursor}`);
    expect(ids(third)).toEqual(['b', 'a']);
    expect(third.nextCursor).toBeNull();

    for (const sort of ['overall', 'candidate']) {
      for (const order of ['asc', 'desc']) {
        const whole = ids(await list(cookie, `sort=${sort}&order=${order}`));
        const paged: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Page = await list(cookie, `sort=${sort}&order=${order}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
          paged.push(...ids(page));
          cursor = page.nextCursor;
        } while (cursor);
        expect(paged, `${sort} ${order}`).toEqual(whole);
        expect(paged).toHaveLength(7);
      }
    }
  });

  it('refuses a cursor it did not give, or one from another sort', async () => {
    const { cookie } = await orgWithFive();
    const first = await list(cookie, 'limit=2');
    for (const query of ['cursor=not-a-cursor', `sort=overall&cursor=${first.nextCursor}`]) {
      const response = await server.app.request(`/api/interviewer/interviews?${query}`, { headers: { cookie } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_cursor');
    }
  });

  it('pages through an organisation with more interviews than the old 500-row window, and exports them all', async () => {
    const org = await orgWithDevice(server, 'Big', 'device-admin');
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const many: Seeded[] = Array.from({ length: 620 }, (_, i) => ({
      id: `iv-${String(i).padStart(4, '0')}`,
      role: 'Engineer',
      startedAt: new Date(start + i * 60_000).toISOString(),
      overall: i % 101,
    }));
    const token = await joinDevice(server, await createInvite(server, org.cookie), 'device-many', 'Many');
    for (let i = 0; i < many.length; i += 100) {
      const chunk = many.slice(i, i + 100).flatMap((interview, j) => eventsOf(interview, 1 + (i + j) * 2));
      expect((await push(server, token, 'device-many', chunk)).status).toBe(200);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(org.cookie, `limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(many.map((interview) => interview.id).reverse());
    const csv = await (await server.app.request('/api/interviewer/interviews.csv', { headers: { cookie: org.cookie } })).text();
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 620);
  });
});
