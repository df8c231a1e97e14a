// The team under /api/interviewer/users and the invitation links, through the app on a real database:
// admins invite, disable, enable and delete; interviewers cannot; an organisation keeps an admin;
// each change is in the audit log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD } from '../test-support/fixtures.ts';
import { cookiesOf, createOrg, createTestServer, json, queryRaw, signIn, type TestServer } from '../test-support/fixtures.ts';
import type { CreatedUserInvitation, InvitationPreview, TeamResponse } from '../protocol/index.ts';
import { INVITATION_TTL_MS } from './users.ts';

let now: Date;
let server: TestServer;
let admin: string;
beforeEach(async () => {
  now = new Date('2026-11-20T10:00:00Z');
  server = await createTestServer({ now: () => now });
  await createOrg(server, 'Acme', 'ada@acme.test');
  admin = await signIn(server, 'ada@acme.test');
});
afterEach(() => server.cleanup());

const api = (path: string, cookie: string, body?: unknown, method = 'POST') =>
  body === undefined ? server.app.request(`/api/interviewer${path}`, { headers: { cookie } }) : server.app.request(`/api/interviewer${path}`, json(body, { cookie }, method));

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

async function invite(email: string, role: 'admin' | 'interviewer' = 'interviewer'): Promise<CreatedUserInvitation> {
  const response = await api('/users/invitations', admin, { v: 1, email, role });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedUserInvitation;
}

/** Accepts an invitation as the invited person would, and returns their session cookies. */
async function accept(token: string, name = 'Bob Builder', password = PASSWORD): Promise<string> {
  const response = await server.app.request('/api/interviewer/invitations/accept', json({ v: 1, token, name, password }));
  expect(response.status, await response.clone().text()).toBe(201);
  return cookiesOf(response);
}

async function team(cookie = admin): Promise<TeamResponse> {
  return (await (await api('/users', cookie)).json()) as TeamResponse;
}

describe('inviting someone to the team', () => {
  it('makes a one-time link that shows who it is for, creates the account with the chosen name and password, and signs them in', async () => {
    const created = await invite('Bob@Acme.test');
    expect(created.acceptPath).toBe(`/interviewer/accept?token=${created.token}`);
    expect(created.invitation).toMatchObject({ email: 'bob@acme.test', role: 'interviewer' });
    expect(Date.parse(created.invitation.expiresAt) - now.getTime()).toBe(INVITATION_TTL_MS);
    // Only the hash is stored.
    expect(JSON.stringify(await queryRaw(server, 'SELECT * FROM user_invitations'))).not.toContain(created.token);
    expect((await team()).invitations.map((i) => i.email)).toEqual(['bob@acme.test']);

    const preview = await server.app.request('/api/interviewer/invitations/inspect', json({ v: 1, token: created.token }));
    expect((await preview.json()) as InvitationPreview).toMatchObject({ orgName: 'Acme', email: 'bob@acme.test', role: 'interviewer' });

    const bob = await accept(created.token);
    const me = await (await api('/me', bob)).json();
    expect(me).toMatchObject({ user: { email: 'bob@acme.test', name: 'Bob Builder', role: 'interviewer' }, org: { name: 'Acme' } });
    expect((await signIn(server, 'bob@acme.test')).length).toBeGreaterThan(0);
    const listed = await team();
    expect(listed.invitations).toEqual([]);
    expect(listed.members.map((m) => [m.email, m.role, m.status])).toEqual([
      ['ada@acme.test', 'admin', 'active'],
      ['bob@acme.test', 'interviewer', 'active'],
    ]);

    // The link works once.
    const again = await server.app.request('/api/interviewer/invitations/accept', json({ v: 1, token: created.token, name: 'Eve', password: PASSWORD }));
    expect(again.status).toBe(410);
    expect(await errorCode(again)).toBe('invitation_used');
  });

  it('refuses expired, withdrawn and made-up links with what to do, and weak passwords with the rule', async () => {
    const expiring = await invite('old@acme.test');
    const withdrawn = await invite('gone@acme.test');
    const revoke = await api(`/users/invitations/${withdrawn.invitation.id}`, admin, { v: 1 }, 'DELETE');
    expect(revoke.status).toBe(200);
    now = new Date(now.getTime() + INVITATION_TTL_MS);
    const cases: [string, number, string][] = [
      [expiring.token, 410, 'invitation_expired'],
      [withdrawn.token, 410, 'invitation_revoked'],
      [`inv_${'A'.repeat(43)}`, 404, 'invitation_unknown'],
    ];
    for (const [token, status, code] of cases) {
      const response = await server.app.request('/api/interviewer/invitations/inspect', json({ v: 1, token }));
      expect(response.status, code).toBe(status);
      expect(await errorCode(response)).toBe(code);
    }
    admin = await signIn(server, 'ada@acme.test');
    const fresh = await invite('new@acme.test');
    const weak = await server.app.request('/api/interviewer/invitations/accept', json({ v: 1, token: fresh.token, name: 'New', password: 'short' }));
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { message: string } }).error.message).toMatch(/password: Use at least 10 characters/);
    const garbled = await server.app.request('/api/interviewer/invitations/inspect', json({ v: 1, token: 'not a token' }));
    expect(((await garbled.json()) as { error: { message: string } }).error.message).toMatch(/Open the link exactly as you received it/);
  });

  it('refuses to invite an email that already has an account', async () => {
    const response = await api('/users/invitations', admin, { v: 1, email: 'ADA@acme.test', role: 'admin' });
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe('email_taken');
  });
});

describe('disabling and deleting members', () => {
  it('disabling signs the member out at once, and enabling lets them sign in again', async () => {
    const bob = await accept((await invite('bob@acme.test')).token);
    const bobId = ((await (await api('/me', bob)).json()) as { user: { id: string } }).user.id;
    const disabled = await api(`/users/${bobId}/disable`, admin, { v: 1 });
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as { member: { status: string } }).member.status).toBe('disabled');
    expect((await api('/me', bob)).status).toBe(401);
    expect((await server.app.request('/api/interviewer/sign-in', json({ v: 1, email: 'bob@acme.test', password: PASSWORD }))).status).toBe(403);
    expect((await api(`/users/${bobId}/enable`, admin, { v: 1 })).status).toBe(200);
    expect((await signIn(server, 'bob@acme.test')).length).toBeGreaterThan(0);
  });

  it('deleting revokes the sessions, frees the email, and keeps the audit entries that name them', async () => {
    const bob = await accept((await invite('bob@acme.test')).token);
    const bobId = ((await (await api('/me', bob)).json()) as { user: { id: string } }).user.id;
    const deleted = await api(`/users/${bobId}`, admin, { v: 1 }, 'DELETE');
    expect(deleted.status).toBe(200);
    expect((await api('/me', bob)).status).toBe(401);
    expect((await team()).members.map((m) => m.email)).toEqual(['ada@acme.test']);
    expect((await server.app.request('/api/interviewer/sign-in', json({ v: 1, email: 'bob@acme.test', password: PASSWORD }))).status).toBe(401);
    const bobsEntries = await queryRaw<{ action: string }>(server, 'SELECT action FROM audit_log WHERE actor_id = ? ORDER BY at, id', bobId);
    expect(bobsEntries.map((entry) => entry.action)).toEqual(['user.joined']);
    // The address can be invited again.
    await invite('bob@acme.test');
    expect((await api(`/users/${bobId}`, admin, { v: 1 }, 'DELETE')).status).toBe(404);
  });

  it('never leaves the organisation without an enabled admin, and an admin cannot disable or delete themselves', async () => {
    const adaId = ((await (await api('/me', admin)).json()) as { user: { id: string } }).user.id;
    for (const [path, method] of [[`/users/${adaId}/disable`, 'POST'], [`/users/${adaId}`, 'DELETE']] as const) {
      const response = await api(path, admin, { v: 1 }, method);
      expect(response.status).toBe(409);
      expect(await errorCode(response)).toBe('cannot_change_self');
    }
    // The store itself holds the rule, whoever asks.
    const org = (await server.store.findOrgByName('Acme'))!;
    expect(await server.store.setUserDisabled({ orgId: org.id, userId: adaId, disabled: true, now: now.toISOString() })).toEqual({ ok: false, reason: 'last_admin' });
    expect(await server.store.deleteUser({ orgId: org.id, userId: adaId, now: now.toISOString() })).toEqual({ ok: false, reason: 'last_admin' });
    // With a second admin, one may go.
    const grace = await accept((await invite('grace@acme.test', 'admin')).token, 'Grace');
    expect((await api(`/users/${adaId}/disable`, grace, { v: 1 })).status).toBe(200);
  });

  it('lets two admins who disable each other at the same moment not both succeed', async () => {
    const grace = await accept((await invite('grace@acme.test', 'admin')).token, 'Grace');
    const ids = await Promise.all([admin, grace].map(async (cookie) => ((await (await api('/me', cookie)).json()) as { user: { id: string } }).user.id));
    const [one, two] = await Promise.all([api(`/users/${ids[1]}/disable`, admin, { v: 1 }), api(`/users/${ids[0]}/disable`, grace, { v: 1 })]);
    const statuses = [one.status, two.status].sort();
    // The second either finds itself disabled (signed out) or is the last admin: one admin stays.
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    expect(await queryRaw(server, "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL")).toEqual([{ n: 1 }]);
  });

  it('is for admins only: an interviewer gets 403 on every team route', async () => {
    const bob = await accept((await invite('bob@acme.test')).token);
    const attempts: [string, unknown, string][] = [
      ['/users', undefined, 'GET'],
      ['/users/invitations', { v: 1, email: 'x@acme.test', role: 'admin' }, 'POST'],
      ['/users/someone/disable', { v: 1 }, 'POST'],
      ['/users/someone', { v: 1 }, 'DELETE'],
      ['/audit', undefined, 'GET'],
    ];
    for (const [path, body, method] of attempts) {
      const response = await api(path, bob, body, method);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await errorCode(response)).toBe('admin_only');
    }
  });
});

describe('the audit log', () => {
  it('records sign-ins, invitations and member changes, newest first, a page at a time, filtered by area', async () => {
    const bob = await accept((await invite('bob@acme.test')).token);
    const bobId = ((await (await api('/me', bob)).json()) as { user: { id: string } }).user.id;
    await api(`/users/${bobId}/disable`, admin, { v: 1 });
    await api('/invites', admin, { v: 1, label: 'Spring' });
    await server.app.request('/api/interviewer/sign-in', json({ v: 1, email: 'ada@acme.test', password: 'wrong password' }));

    type Page = { entries: { action: string; actor: { type: string; label: string | null }; target: string | null; detail: Record<string, unknown> }[]; next: string | null };
    const all = (await (await api('/audit', admin)).json()) as Page;
    expect(all.entries.map((entry) => entry.action)).toEqual([
      'sign_in.failed',
      'invite_code.created',
      'user.disabled',
      'user.joined',
      'user.invited',
      'sign_in.succeeded',
    ]);
    expect(all.entries.find((entry) => entry.action === 'user.disabled')).toMatchObject({ actor: { type: 'user', label: 'ada@acme.test' }, target: `user:${bobId}` });
    expect(JSON.stringify(all)).not.toMatch(/wrong password/);

    const firstPage = (await (await api('/audit?limit=4', admin)).json()) as Page;
    expect(firstPage.entries).toHaveLength(4);
    const secondPage = (await (await api(`/audit?limit=4&before=${firstPage.next}`, admin)).json()) as Page;
    expect([...firstPage.entries, ...secondPage.entries].map((entry) => entry.action)).toEqual(all.entries.map((entry) => entry.action));
    expect(secondPage.next).toBeNull();

    const users = (await (await api('/audit?action=user', admin)).json()) as Page;
    expect(users.entries.map((entry) => entry.action)).toEqual(['user.disabled', 'user.joined', 'user.invited']);
    const exact = (await (await api('/audit?action=user.joined', admin)).json()) as Page;
    expect(exact.entries).toHaveLength(1);

    const bad = await api('/audit?action=user%25', admin);
    expect(bad.status).toBe(400);
    expect((await api('/audit?before=nonsense', admin)).status).toBe(400);
  });
});
