// operatorFigures on the real database of the test project (SQLite in `node`, PostgreSQL in
// `server-postgres`): interviews per UTC day, active devices, storage, one organisation at a time.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../protocol/index.ts';
import { createInvite, createOrg, createTestServer, interviewEvents, joinDevice, push, signIn, type TestServer } from '../test-support/fixtures.ts';

let now = new Date('2026-11-20T10:00:00Z');
let server: TestServer;
beforeEach(async () => {
  now = new Date('2026-11-20T10:00:00Z');
  server = await createTestServer({ now: () => now });
});
afterEach(() => server.cleanup());

/** The events of interviewEvents with their times moved to `at`; without completion when `complete` is false. */
function eventsAt(interviewId: string, firstSeq: number, at: string, complete = true): SyncEvent[] {
  const moved = JSON.parse(JSON.stringify(interviewEvents(interviewId, firstSeq, 1)).replaceAll('2026-11-20T10:00:00.000Z', at)) as SyncEvent[];
  return complete ? moved : moved.filter((event) => event.type !== 'interview.completed');
}

async function org(name: string) {
  const email = `${name.toLowerCase()}@example.test`;
  const { org } = await createOrg(server, name, email);
  const cookie = await signIn(server, email);
  return { orgId: org.id, join: async (deviceId: string) => joinDevice(server, await createInvite(server, cookie), deviceId) };
}

describe('operatorFigures', () => {
  it('counts started and completed interviews per UTC day, zero-filled, for one organisation only', async () => {
    const acme = await org('Acme');
    const globex = await org('Globex');
    const a = await acme.join('device-a');
    expect((await push(server, a, 'device-a', eventsAt('i-today', 1, '2026-11-20T08:00:00.000Z'))).status).toBe(200);
    expect((await push(server, a, 'device-a', eventsAt('i-yesterday', 10, '2026-11-19T23:30:00.000Z', false))).status).toBe(200);
    expect((await push(server, a, 'device-a', eventsAt('i-old', 20, '2026-11-01T12:00:00.000Z'))).status).toBe(200);
    const g = await globex.join('device-g');
    expect((await push(server, g, 'device-g', eventsAt('g-today', 1, '2026-11-20T09:00:00.000Z'))).status).toBe(200);

    const figures = await server.store.operatorFigures({ orgId: acme.orgId, now: now.toISOString(), days: 3 });
    expect(figures.interviewsPerDay).toEqual([
      { day: '2026-11-18', started: 0, completed: 0 },
      { day: '2026-11-19', started: 1, completed: 0 },
      { day: '2026-11-20', started: 1, completed: 1 },
    ]);
    const everyone = await server.store.operatorFigures({ orgId: null, now: now.toISOString(), days: 1 });
    expect(everyone.interviewsPerDay).toEqual([{ day: '2026-11-20', started: 2, completed: 2 }]);
  });

  it('counts devices that pushed in the last 24 hours and 7 days', async () => {
    const acme = await org('Acme');
    const fresh = await acme.join('device-fresh');
    const stale = await acme.join('device-stale');
    await acme.join('device-silent');
    now = new Date('2026-11-17T10:00:00Z');
    expect((await push(server, stale, 'device-stale', eventsAt('i-stale', 1, '2026-11-17T09:00:00.000Z'))).status).toBe(200);
    now = new Date('2026-11-20T09:00:00Z');
    expect((await push(server, fresh, 'device-fresh', eventsAt('i-fresh', 1, '2026-11-20T09:00:00.000Z'))).status).toBe(200);
    now = new Date('2026-11-20T10:00:00Z');
    const other = await org('Globex');
    await other.join('device-other');

    const figures = await server.store.operatorFigures({ orgId: acme.orgId, now: now.toISOString(), days: 1 });
    expect(figures.devices).toEqual({ total: 3, activeDay: 1, activeWeek: 2 });
    const later = await server.store.operatorFigures({ orgId: acme.orgId, now: '2026-11-28T10:00:00.000Z', days: 1 });
    expect(later.devices).toEqual({ total: 3, activeDay: 0, activeWeek: 0 });
  });

  it('reports the bytes the database takes, and more once more is stored', async () => {
    const acme = await org('Acme');
    const before = (await server.store.operatorFigures({ orgId: acme.orgId, now: now.toISOString(), days: 1 })).storageBytes;
    expect(before).toBeGreaterThan(0);
    const token = await acme.join('device-a');
    for (let i = 0; i < 20; i++) {
      const events = eventsAt(`bulk-${i}`, 1 + i * 10, '2026-11-20T08:00:00.000Z').map((event) =>
        event.type === 'turn.answered' ? { ...event, payload: { ...event.payload, answer: randomBytes(10_000).toString('hex') } } : event,
      );
      expect((await push(server, token, 'device-a', events)).status).toBe(200);
    }
    const after = (await server.store.operatorFigures({ orgId: acme.orgId, now: now.toISOString(), days: 1 })).storageBytes;
    expect(after).toBeGreaterThan(before);
  });
});
