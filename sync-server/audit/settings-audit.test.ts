// The audit log's record of setting changes (templates, assignments, live controls) and of sign-outs,
// read back the way the audit-log screen reads it: GET /api/interviewer/audit, as the organisation's admin.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditPage, type AuditEntry } from '../protocol/audit.ts';
import type { TemplateBody } from '../protocol/interview-template.ts';
import { createInvite, createTestServer, interviewEvents, joinDevice, json, orgWithDevice, push, signIn, type TestServer } from '../test-support/fixtures.ts';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.cleanup());

const template = (name: string): TemplateBody => ({
  name,
  role: 'Backend engineer',
  seniority: 'mid',
  questions: [{ id: 'own-1', kind: 'technical', text: 'How would you make a slow SQL query fast?', talkingPoints: [], rubricHint: '', expectedSeconds: 120, source: 'own' }],
  rubricWeights: [],
  timeLimitMinutes: 20,
  language: 'en',
  cameraRequired: false,
  voiceRequired: false,
});

async function send(cookie: string, path: string, body: unknown, method = 'POST', expected = 200) {
  const response = await server.app.request(`/api/interviewer${path}`, json(body, { cookie }, method));
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBe(expected);
  return (await response.json()) as Record<string, unknown>;
}

async function auditOf(cookie: string, action: string): Promise<AuditEntry[]> {
  const response = await server.app.request(`/api/interviewer/audit?action=${action}&limit=200`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return auditPage.parse(await response.json()).entries;
}

describe('the audit log records setting changes', () => {
  it('template.created, template.updated, template.deleted and assignment.created, with the actor and what changed', async () => {
    const { cookie } = await orgWithDevice(server, 'Acme', 'device-a');
    await joinDevice(server, await createInvite(server, cookie), 'device-b', 'Linus');
    const created = (await send(cookie, '/templates', { v: 1, template: template('Backend screen') }, 'POST', 201)).template as { id: string };
    await send(cookie, `/templates/${created.id}`, { v: 1, template: template('Backend screen, longer') }, 'PUT');
    await send(cookie, `/templates/${created.id}/assign`, { v: 1, target: { type: 'org' } }, 'POST', 201);
    const devices = (await (await server.app.request('/api/interviewer/devices', { headers: { cookie } })).json()) as { devices: { id: string; candidateName: string }[] };
    const linus = devices.devices.find((device) => device.candidateName === 'Linus')!.id;
    await send(cookie, `/templates/${created.id}/assign`, { v: 1, target: { type: 'device', deviceId: linus } }, 'POST', 201);
    await send(cookie, `/templates/${created.id}`, { v: 1 }, 'DELETE');

    const actor = { type: 'user', label: 'acme@example.test' };
    const target = `template:${created.id}`;
    const templates = await auditOf(cookie, 'template');
    // Newest first.
    expect(templates.map((entry) => entry.action)).toEqual(['template.deleted', 'template.updated', 'template.created']);
    expect(templates).toEqual([
      expect.objectContaining({ actor: expect.objectContaining(actor), target, detail: { name: 'Backend screen, longer', version: 2 } }),
      expect.objectContaining({ actor: expect.objectContaining(actor), target, detail: { name: 'Backend screen, longer', version: 2 } }),
      expect.objectContaining({ actor: expect.objectContaining(actor), target, detail: { name: 'Backend screen', version: 1 } }),
    ]);

    const assignments = await auditOf(cookie, 'assignment.created');
    expect(assignments).toHaveLength(2);
    expect(assignments[0]).toMatchObject({ actor, target, detail: { to: 'device', device: linus, assignments: 1, candidates: ['Linus'] } });
    expect(assignments[1]).toMatchObject({ actor, target, detail: { to: 'org', assignments: 2 } });
    expect((assignments[1]!.detail.candidates as string[]).sort()).toEqual(['Grace', 'Linus']);
  });

  it('records nothing for a change that was refused', async () => {
    const acme = await orgWithDevice(server, 'Acme', 'device-a');
    const globex = await orgWithDevice(server, 'Globex', 'device-g');
    const created = (await send(acme.cookie, '/templates', { v: 1, template: template('Backend screen') }, 'POST', 201)).template as { id: string };
    // Another organisation's template is not found, so nothing happened to it.
    await send(globex.cookie, `/templates/${created.id}`, { v: 1 }, 'DELETE', 404);
    await send(globex.cookie, `/templates/${created.id}`, { v: 1, template: template('Hijacked') }, 'PUT', 404);
    await send(globex.cookie, `/templates/${created.id}/assign`, { v: 1, target: { type: 'org' } }, 'POST', 404);
    expect(await auditOf(globex.cookie, 'template')).toEqual([]);
    expect(await auditOf(globex.cookie, 'assignment')).toEqual([]);
    expect((await auditOf(acme.cookie, 'template')).map((entry) => entry.action)).toEqual(['template.created']);
  });

  it('control.sent for each live control, with the action, the minutes and the message', async () => {
    const { cookie, token, deviceId } = await orgWithDevice(server);
    expect((await push(server, token, deviceId, interviewEvents('iv-1', 1, 1))).status).toBe(200);
    await send(cookie, '/interviews/iv-1/controls', { v: 1, action: 'extend', minutes: 10, message: 'Take your time.' }, 'POST', 201);
    await send(cookie, '/interviews/iv-1/controls', { v: 1, action: 'pause' }, 'POST', 201);
    await send(cookie, '/interviews/iv-1/controls', { v: 1, action: 'end', message: 'Thanks, we are done.' }, 'POST', 201);
    await send(cookie, '/interviews/iv-1/controls', { v: 1, action: 'lock' }, 'POST', 201);
    await send(cookie, '/interviews/no-such/controls', { v: 1, action: 'lock' }, 'POST', 404);

    const controls = await auditOf(cookie, 'control.sent');
    expect(controls.map((entry) => entry.detail)).toEqual([
      { control: expect.any(String), action: 'lock' },
      { control: expect.any(String), action: 'end', message: 'Thanks, we are done.' },
      { control: expect.any(String), action: 'pause' },
      { control: expect.any(String), action: 'extend', minutes: 10, message: 'Take your time.' },
    ]);
    for (const entry of controls) expect(entry).toMatchObject({ actor: { type: 'user', label: 'acme@example.test' }, target: 'interview:iv-1' });
  });
});

describe('the audit log records sign-outs', () => {
  it('session.signed_out, by the user who signed out, naming the session', async () => {
    const { cookie } = await orgWithDevice(server);
    const other = await signIn(server, 'acme@example.test');
    await send(other, '/sign-out', { v: 1 });
    const entries = await auditOf(cookie, 'session');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'session.signed_out', actor: { type: 'user', label: 'acme@example.test' }, detail: { session: expect.any(String) } });
    expect(entries[0]!.target).toMatch(/^user:/);
  });
});
