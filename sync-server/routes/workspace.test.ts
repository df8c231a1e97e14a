import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TemplateBody } from '../protocol/interview-template.ts';
import { pullResponse } from '../protocol/pull.ts';
import { createOrg, createTestServer, interviewEvents, joinDevice, createInvite, json, orgWithDevice, push, queryRaw, signIn, type TestServer } from '../test-support/fixtures.ts';

let server: TestServer;
let now = new Date('2026-11-23T10:00:00Z');
beforeEach(async () => {
  now = new Date('2026-11-23T10:00:00Z');
  server = await createTestServer({ now: () => now });
});
afterEach(() => server.cleanup());

const body = (overrides: Partial<TemplateBody> = {}): TemplateBody => ({
  name: 'Backend screen',
  role: 'Backend engineer',
  seniority: 'mid',
  questions: [
    { id: 'own-1', kind: 'technical', text: 'How would you make a slow SQL query fast?', talkingPoints: [], rubricHint: '', expectedSeconds: 120, source: 'own' },
  ],
  rubricWeights: [{ key: 'coverage', weight: 2 }],
  timeLimitMinutes: 20,
  language: 'en',
  cameraRequired: false,
  voiceRequired: true,
  ...overrides,
});

const api = (path: string, cookie: string, payload?: unknown, method = 'POST') =>
  payload === undefined ? server.app.request(`/api/interviewer${path}`, { headers: { cookie } }) : server.app.request(`/api/interviewer${path}`, json(payload, { cookie }, method));

async function pull(token: string, cursor = '0') {
  const response = await server.app.request(`/api/sync/pull?cursor=${cursor}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return pullResponse.parse(await response.json());
}

async function createTemplate(cookie: string, overrides: Partial<TemplateBody> = {}) {
  const response = await api('/templates', cookie, { v: 1, template: body(overrides) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { template: { id: string; version: number } }).template;
}

/** An org with a device that has pushed one finished interview (three scored answers). */
async function orgWithInterview(name = 'Acme', deviceId = 'device-a') {
  const org = await orgWithDevice(server, name, deviceId);
  const interviewId = `${deviceId}-iv`;
  expect((await push(server, org.token, deviceId, interviewEvents(interviewId, 1))).status).toBe(200);
  return { ...org, interviewId };
}

describe('interview templates', () => {
  it('are created, listed, versioned on save and deleted, within the organisation', async () => {
    const { cookie } = await orgWithDevice(server);
    const created = await createTemplate(cookie);
    expect(created.version).toBe(1);

    const saved = await api(`/templates/${created.id}`, cookie, { v: 1, template: body({ timeLimitMinutes: 30 }) }, 'PUT');
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { template: { version: number; timeLimitMinutes: number } }).template).toMatchObject({ version: 2, timeLimitMinutes: 30 });

    const list = (await (await api('/templates', cookie)).json()) as { templates: { id: string; voiceRequired: boolean }[] };
    expect(list.templates).toEqual([expect.objectContaining({ id: created.id, voiceRequired: true })]);

    expect((await api(`/templates/${created.id}`, cookie, { v: 1 }, 'DELETE')).status).toBe(200);
    expect(((await (await api('/templates', cookie)).json()) as { templates: unknown[] }).templates).toEqual([]);
    expect((await api(`/templates/${created.id}`, cookie)).status).toBe(404);
  });

  it('refuse a template without questions, saying which field', async () => {
    const { cookie } = await orgWithDevice(server);
    const response = await api('/templates', cookie, { v: 1, template: body({ questions: [] }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/template\.questions/);
  });

  it("are invisible to another organisation: its ids answer 404 and it cannot assign them", async () => {
    const acme = await orgWithDevice(server, 'Acme', 'device-a');
    const globex = await orgWithDevice(server, 'Globex', 'device-g');
    const template = await createTemplate(acme.cookie);
    expect((await api(`/templates/${template.id}`, globex.cookie)).status).toBe(404);
    expect((await api(`/templates/${template.id}`, globex.cookie, { v: 1, template: body() }, 'PUT')).status).toBe(404);
    expect((await api(`/templates/${template.id}/assign`, globex.cookie, { v: 1, target: { type: 'org' } })).status).toBe(404);
    // Nor can Acme assign to Globex's device.
    expect((await api(`/templates/${template.id}/assign`, acme.cookie, { v: 1, target: { type: 'device', deviceId: 'device-g' } })).status).toBe(404);
    expect(((await (await api('/templates', globex.cookie)).json()) as { templates: unknown[] }).templates).toEqual([]);
  });

  it('need a session', async () => {
    expect((await server.app.request('/api/interviewer/templates')).status).toBe(401);
  });
});

describe('assignments', () => {
  it('reach the one device assigned, once, with the version it was made from', async () => {
    const { cookie, token } = await orgWithDevice(server);
    const first = (await queryRaw<{ id: string }>(server, 'SELECT id FROM devices'))[0]!.id;
    const template = await createTemplate(cookie);
    const before = await pull(token);
    const response = await api(`/templates/${template.id}/assign`, cookie, { v: 1, target: { type: 'device', deviceId: first } });
    expect(response.status).toBe(201);
    // An edit after assigning does not change what the device was given.
    await api(`/templates/${template.id}`, cookie, { v: 1, template: body({ timeLimitMinutes: 45 }) }, 'PUT');

    const after = await pull(token, before.cursor);
    expect(after.changes).toHaveLength(1);
    const change = after.changes[0]!;
    if (change.type !== 'template.assigned') throw new Error(`expected an assignment, got ${change.type}`);
    expect(change.payload).toMatchObject({ orgName: 'Acme', template: { id: template.id, version: 1, timeLimitMinutes: 20, voiceRequired: true } });
    // Pulled again from the same cursor: nothing new.
    expect((await pull(token, after.cursor)).changes).toEqual([]);
  });

  it('to the organisation reach every device joined now, each with its own assignment id', async () => {
    const { cookie, token } = await orgWithDevice(server);
    const second = await joinDevice(server, await createInvite(server, cookie), 'device-b', 'Linus');
    const template = await createTemplate(cookie);
    const response = await api(`/templates/${template.id}/assign`, cookie, { v: 1, target: { type: 'org' } });
    expect(response.status).toBe(201);
    const { assignments } = (await response.json()) as { assignments: { id: string; candidateName: string }[] };
    expect(assignments.map((a) => a.candidateName).sort()).toEqual(['Grace', 'Linus']);
    const ids = [];
    for (const deviceToken of [token, second]) {
      const assigned = (await pull(deviceToken)).changes.filter((change) => change.type === 'template.assigned');
      expect(assigned).toHaveLength(1);
      ids.push(assigned[0]!.payload.id);
    }
    expect(new Set(ids).size).toBe(2);
  });
});

describe('comments, overrides and controls', () => {
  it('reach the device of the interview in the order they were made, and show in the review', async () => {
    const { cookie, token, interviewId } = await orgWithInterview();
    const start = (await pull(token)).cursor;
    expect((await api(`/interviews/${interviewId}/comments`, cookie, { v: 1, body: 'Good structure. Add numbers.' })).status).toBe(201);
    const override = await api(`/interviews/${interviewId}/overrides`, cookie, { v: 1, turnId: `${interviewId}-t0`, dimensionKey: 'coverage', score: 2, reason: 'Missed the rollback.' });
    expect(override.status).toBe(201);
    expect(((await override.json()) as { override: { from: number; to: number } }).override).toMatchObject({ from: 4, to: 2 });
    // A second override of the same dimension starts from the first one's score; both are kept.
    const again = await api(`/interviews/${interviewId}/overrides`, cookie, { v: 1, turnId: `${interviewId}-t0`, dimensionKey: 'coverage', score: 3, reason: 'On reflection, partly covered.' });
    expect(((await again.json()) as { override: { from: number; to: number } }).override).toMatchObject({ from: 2, to: 3 });
    expect((await api(`/interviews/${interviewId}/controls`, cookie, { v: 1, action: 'extend', minutes: 5, message: 'Take five more minutes.' })).status).toBe(201);

    const pulled = await pull(token, start);
    expect(pulled.changes.map((change) => change.type)).toEqual(['comment.added', 'score.overridden', 'score.overridden', 'control.issued']);
    const cursors = pulled.changes.map((change) => Number(change.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(pulled.changes[3]).toMatchObject({ payload: { action: 'extend', minutes: 5, message: 'Take five more minutes.', interviewId } });
    expect((await pull(token, pulled.cursor)).changes).toEqual([]);

    const review = (await (await api(`/interviews/${interviewId}/review`, cookie)).json()) as {
      comments: { body: string; authorName: string }[];
      overrides: { from: number; to: number; reason: string }[];
      controls: { action: string }[];
    };
    expect(review.comments).toEqual([expect.objectContaining({ body: 'Good structure. Add numbers.', authorName: 'Acme admin' })]);
    expect(review.overrides.map((o) => [o.from, o.to, o.reason])).toEqual([
      [4, 2, 'Missed the rollback.'],
      [2, 3, 'On reflection, partly covered.'],
    ]);
    expect(review.controls.map((c) => c.action)).toEqual(['extend']);

    // Both are in the organisation's audit log.
    const audit = await queryRaw<{ action: string }>(server, "SELECT action FROM audit_log WHERE action IN ('comment.added', 'score.overridden') ORDER BY id");
    expect(audit.map((row) => row.action).sort()).toEqual(['comment.added', 'score.overridden', 'score.overridden']);
  });

  it('refuse an override without a reason, or of a dimension the answer was not scored on, and store nothing', async () => {
    const { cookie, interviewId } = await orgWithInterview();
    const noReason = await api(`/interviews/${interviewId}/overrides`, cookie, { v: 1, turnId: `${interviewId}-t0`, dimensionKey: 'coverage', score: 2, reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { error: { message: string } }).error.message).toMatch(/reason/);
    const noDimension = await api(`/interviews/${interviewId}/overrides`, cookie, { v: 1, turnId: `${interviewId}-t0`, dimensionKey: 'star', score: 2, reason: 'Because.' });
    expect(noDimension.status).toBe(400);
    const noTurn = await api(`/interviews/${interviewId}/overrides`, cookie, { v: 1, turnId: 'nope', dimensionKey: 'coverage', score: 2, reason: 'Because.' });
    expect(noTurn.status).toBe(404);
    expect(await queryRaw(server, 'SELECT id FROM score_overrides')).toEqual([]);
  });

  it("cannot touch another organisation's interview, which answers 404 like one that does not exist", async () => {
    const acme = await orgWithInterview('Acme', 'device-a');
    await createOrg(server, 'Globex', 'globex@example.test');
    const globex = await signIn(server, 'globex@example.test');
    for (const [path, payload] of [
      ['comments', { v: 1, body: 'Hi' }],
      ['overrides', { v: 1, turnId: `${acme.interviewId}-t0`, dimensionKey: 'coverage', score: 1, reason: 'Because.' }],
      ['controls', { v: 1, action: 'pause', message: 'Stop' }],
    ] as const) {
      expect((await api(`/interviews/${acme.interviewId}/${path}`, globex, payload)).status).toBe(404);
    }
    expect((await api(`/interviews/${acme.interviewId}/review`, globex)).status).toBe(404);
    expect(await queryRaw(server, 'SELECT id FROM interview_comments UNION ALL SELECT id FROM interview_controls')).toEqual([]);
  });

  it('need minutes to extend the time', async () => {
    const { cookie, interviewId } = await orgWithInterview();
    const response = await api(`/interviews/${interviewId}/controls`, cookie, { v: 1, action: 'extend', message: '' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/minutes/);
  });

  it('refuse a state change without the CSRF token', async () => {
    const { cookie, interviewId } = await orgWithInterview();
    const response = await server.app.request(`/api/interviewer/interviews/${interviewId}/comments`, {
      method: 'POST',
      body: JSON.stringify({ v: 1, body: 'Hi' }),
      headers: { 'content-type': 'application/json', cookie },
    });
    expect(response.status).toBe(403);
  });
});
