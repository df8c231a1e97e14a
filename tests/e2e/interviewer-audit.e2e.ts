// The audit log screen, in Chromium against the real server and build. An admin's own actions (a
// failed and a successful sign-in, an invite code, a CSV export) and the team's (an invited
// interviewer joining) show up newest first in words, with their details; the area filter narrows
// them and stays in the address; "load older" pages back to the first entry. An interviewer gets no
// link to the screen, a plain refusal on its address, and a 403 from the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from '../helpers/axe.ts';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { signInOverHttp } from '../helpers/interviewer-session.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const ADMIN = { name: 'Acme Hiring', email: 'ada@acme.test', adminName: 'Ada Admin', password: 'correct horse battery' };
const BOB = { email: 'bob@acme.test', name: 'Bob Builder', password: 'bobs long password' };
/** Enough invite codes that the log runs past its first page (50 entries). */
const MORE_CODES = 50;

async function signInThroughPage(page: Page, serverUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${serverUrl}/interviewer`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/interviewer\/interviews/);
}

const actions = (page: Page) => page.getByTestId('audit-entry').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action') ?? ''));

describe.skipIf(!chromiumAvailable)('the audit log screen', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSyncServer();
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();

    // Before the admin's own steps: an interviewer invited and joined, and a run of invite codes.
    const admin = await signInOverHttp(server.url, ADMIN);
    const invited = await fetch(`${server.url}/api/interviewer/users/invitations`, {
      method: 'POST',
      headers: admin.headers,
      body: JSON.stringify({ v: 1, email: BOB.email, role: 'interviewer' }),
    });
    if (!invited.ok) throw new Error(`invite Bob: HTTP ${invited.status} ${await invited.text()}`);
    const { token } = (await invited.json()) as { token: string };
    const accepted = await fetch(`${server.url}/api/interviewer/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, token, name: BOB.name, password: BOB.password }),
    });
    if (!accepted.ok) throw new Error(`Bob accepts: HTTP ${accepted.status} ${await accepted.text()}`);
    for (let i = 0; i < MORE_CODES; i++) {
      const code = await fetch(`${server.url}/api/interviewer/invites`, { method: 'POST', headers: admin.headers, body: JSON.stringify({ v: 1, maxUses: 1, label: `Batch ${i}` }) });
      if (!code.ok) throw new Error(`invite code ${i}: HTTP ${code.status}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows an admin what happened, newest first, in words; filters by area; pages back to the start', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();

    // A wrong password first: refused, in words.
    await page.goto(`${server.url}/interviewer`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That email and password do not match' }).waitFor();
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();

    // An invite code, labelled, and a CSV export of the (empty) list.
    await page.getByRole('link', { name: 'Invites' }).click();
    await page.getByLabel('Label (optional)').fill('Autumn cohort');
    await page.getByRole('button', { name: 'Create invite code' }).click();
    await page.getByTestId('invite-code').waitFor();
    await page.getByRole('link', { name: 'Interviews', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    await download.path();

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByTestId('audit-entry').first().waitFor();
    const first = await actions(page);
    expect(first).toHaveLength(50);
    expect(first.slice(0, 4)).toEqual(['interviews.exported', 'invite_code.created', 'sign_in.succeeded', 'sign_in.failed']);
    expect(first).not.toContain('user.invited');

    const row = (action: string) => page.locator(`[data-testid="audit-entry"][data-action="${action}"]`).first();
    expect(await row('interviews.exported').innerText()).toContain('Exported interviews as CSV');
    expect(await row('invite_code.created').innerText()).toMatch(/Created an invite code[\s\S]*Invite code \w+[\s\S]*label “Autumn cohort” · admits 1 device/);
    const failed = await row('sign_in.failed').innerText();
    expect(failed).toContain('Sign-in failed');
    expect(failed).toContain('email ada@acme.test');
    expect(failed).toContain('Someone not signed in');
    expect(await row('sign_in.succeeded').innerText()).toMatch(/ada@acme\.test[\s\S]*Signed in[\s\S]*User Ada Admin \(ada@acme\.test\)/);
    await expectNoSeriousAxeViolations(page, 'the audit log');

    // Older entries, to the very first.
    await page.getByRole('button', { name: 'Load older entries' }).click();
    await expect.poll(async () => (await actions(page)).includes('user.invited')).toBe(true);
    const all = await actions(page);
    expect(all.length).toBeGreaterThan(50);
    expect(all.slice(-3)).toEqual(['user.joined', 'user.invited', 'sign_in.succeeded']);
    expect(all.filter((action) => action === 'invite_code.created')).toHaveLength(MORE_CODES + 1);
    await page.getByTestId('audit-status').filter({ hasText: `${all.length} entries shown · That is the oldest entry.` }).waitFor();
    expect(await page.getByRole('button', { name: 'Load older entries' }).count()).toBe(0);
    const times = await page.locator('[data-testid="audit-entry"] time').evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime') ?? ''));
    expect([...times].sort().reverse()).toEqual(times);
    expect(await row('user.invited').innerText()).toMatch(/Invited a team member[\s\S]*email bob@acme\.test · role Interviewer/);

    // The filter narrows the list, and the address keeps it.
    await page.getByLabel('Show').selectOption({ label: 'Sign-ins' });
    await page.waitForURL(/[?&]area=signIns/);
    await expect.poll(async () => [...new Set(await actions(page))].sort()).toEqual(['sign_in.failed', 'sign_in.succeeded']);
    expect((await actions(page)).length).toBe(3);
    await page.getByLabel('Show').selectOption({ label: 'Exports' });
    await expect.poll(() => actions(page)).toEqual(['interviews.exported']);
    await page.getByLabel('Show').selectOption({ label: 'Users and team' });
    await expect.poll(() => actions(page)).toEqual(['user.joined', 'user.invited']);
    await page.getByLabel('Show').selectOption({ label: 'Templates and settings' });
    await page.getByTestId('audit-status').filter({ hasText: 'Nothing of this kind has been recorded.' }).waitFor();
    expect(await page.getByTestId('audit-entry').count()).toBe(0);
    await page.reload();
    await page.getByTestId('audit-status').filter({ hasText: 'Nothing of this kind has been recorded.' }).waitFor();
    expect(await page.getByLabel('Show').inputValue()).toBe('templates');
    await context.close();
  });

  it('gives an interviewer no link, a plain refusal on the address, and no data from the server', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInThroughPage(page, server.url, BOB.email, BOB.password);
    await page.getByText(`${BOB.name} · ${ADMIN.name}`).waitFor();
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    await page.goto(`${server.url}/interviewer/audit`);
    await page.getByTestId('audit-refused').filter({ hasText: 'Only an admin of your organisation can see the audit log' }).waitFor();
    expect(await page.getByTestId('audit-entry').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/interviewer/audit', { credentials: 'same-origin' })).status);
    expect(status).toBe(403);
    await context.close();
  });
});
