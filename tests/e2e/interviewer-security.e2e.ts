// The interviewer side under attack and at work, in Chromium against the real server and build:
// - a candidate whose name, answer and summary hold HTML and script: the interviewer's pages show the
//   text literally; nothing runs, no dialog opens, no element is injected;
// - the team: an admin invites someone, the link is shown once, the invited person chooses their name
//   and password and is signed in; the admin disables them (after confirming) and they are out at once;
// - short access tokens (ACCESS_TTL_MINUTES here is 6 seconds): the pages renew them on their own with
//   one refresh and keep working;
// - the Team page passes axe-core; and, as in every e2e flow, the app breaks its CSP nowhere
//   (tests/helpers/chromium.ts fails on any violation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { expectNoSeriousAxeViolations } from '../helpers/axe.ts';
import { createInviteCode } from '../helpers/invite-code.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';
import { interviewEvents } from '../../sync-server/test-support/fixtures.ts';

const ADMIN = { name: 'Acme Hiring', email: 'ada@acme.test', adminName: 'Ada Admin', password: 'correct horse battery' };
const ACCESS_TTL_MS = 6_000;

// Markup that would run if any page put it into the DOM as HTML.
const HOSTILE_NAME = `Mallory <img src=x onerror="window.__pwned='name';alert('name')">`;
const HOSTILE_ANSWER = `I fixed it. <script>window.__pwned='answer';alert('answer')</script><img src=x onerror="window.__pwned='answer-img'"> Then I wrote tests.`;
const HOSTILE_STRENGTH = `<b onmouseover="alert('strength')">Bold claims</b>`;

async function pushHostileInterview(serverUrl: string, inviteCode: string): Promise<string> {
  const redeem = await fetch(`${serverUrl}/api/devices/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ v: 1, inviteCode, deviceId: 'hostile-device', candidateName: HOSTILE_NAME }),
  });
  const { deviceToken } = (await redeem.json()) as { deviceToken: string };
  const interviewId = 'iv-hostile';
  const events = interviewEvents(interviewId, 1, 2).map((event) => {
    if (event.type === 'turn.answered') return { ...event, payload: { ...event.payload, answer: HOSTILE_ANSWER } };
    if (event.type === 'interview.completed') return { ...event, payload: { ...event.payload, summary: { ...event.payload.summary, strengths: [HOSTILE_STRENGTH] } } };
    return event;
  });
  const push = await fetch(`${serverUrl}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
    body: JSON.stringify({ v: 1, deviceId: 'hostile-device', events }),
  });
  const outcome = (await push.json()) as { accepted: string[] };
  if (outcome.accepted.length !== events.length) throw new Error(`push: ${JSON.stringify(outcome)}`);
  return interviewId;
}

async function signInThroughPage(page: Page, serverUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${serverUrl}/interviewer`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/interviewer\/interviews/);
}

/** Everything that would show that hostile markup became live DOM or ran. */
async function injectionTraces(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')].filter((script) => script.textContent?.includes('__pwned')).length,
    bold: document.querySelectorAll('b[onmouseover]').length,
  }));
}

describe.skipIf(!chromiumAvailable)('interviewer security in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSyncServer({ ACCESS_TTL_MINUTES: String(ACCESS_TTL_MS / 60_000) });
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a candidate’s HTML and script as text: nothing runs, no dialog, no element injected', async () => {
    const interviewId = await pushHostileInterview(server.url, await createInviteCode(server.url, ADMIN));
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInThroughPage(page, server.url, ADMIN.email, ADMIN.password);

    const row = page.getByRole('row').filter({ hasText: 'Mallory' });
    await row.waitFor();
    expect(await row.innerText()).toContain(HOSTILE_NAME);
    expect(await injectionTraces(page)).toEqual({ pwned: null, images: 0, scripts: 0, bold: 0 });

    await page.goto(`${server.url}/interviewer/interviews/${interviewId}`);
    await page.getByRole('heading', { name: HOSTILE_NAME }).waitFor();
    await page.getByText(HOSTILE_ANSWER).first().waitFor();
    await page.getByText(HOSTILE_STRENGTH).first().waitFor();
    // Hovering where the bold text would be triggers nothing either.
    await page.getByText(HOSTILE_STRENGTH).first().hover();
    expect(await injectionTraces(page)).toEqual({ pwned: null, images: 0, scripts: 0, bold: 0 });
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('invites someone with a one-time link, signs them in, and signs them out at once when disabled', async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await adminContext.newPage();
    await signInThroughPage(admin, server.url, ADMIN.email, ADMIN.password);
    await admin.getByRole('link', { name: 'Team' }).click();
    await admin.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    await admin.getByLabel('Their email').fill('bob@acme.test');
    await admin.getByLabel('Role').selectOption('interviewer');
    await admin.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await admin.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/interviewer/accept\\?token=inv_[\\w-]{43}$`));
    await admin.getByTestId('team-invitation').filter({ hasText: 'bob@acme.test' }).waitFor();
    await expectNoSeriousAxeViolations(admin, 'the Team page');

    // Bob opens the link in his own browser.
    const bobContext = await browser.newContext();
    const bob = await bobContext.newPage();
    await bob.goto(link);
    await bob.getByText('You are invited to join Acme Hiring as Interviewer').waitFor();
    // The token left the address bar as soon as the page read it.
    expect(bob.url()).toBe(`${server.url}/interviewer/accept`);
    expect(await bob.getByLabel('Email').inputValue()).toBe('bob@acme.test');
    await bob.getByLabel('Your name').fill('Bob Builder');
    await bob.getByLabel('Password', { exact: true }).fill('bobs long password');
    await bob.getByLabel('Password again').fill('bobs long password');
    await bob.getByRole('button', { name: 'Join and sign in' }).click();
    await bob.waitForURL(/\/interviewer\/interviews/);
    await bob.getByText('Bob Builder · Acme Hiring').waitFor();
    // An interviewer has no Team link.
    expect(await bob.getByRole('link', { name: 'Team' }).count()).toBe(0);

    // The link worked once.
    const again = await bobContext.newPage();
    await again.goto(link);
    await again.getByText(/already been used/).waitFor();

    // The admin disables Bob, after confirming.
    await admin.reload();
    const bobRow = admin.getByTestId('team-member').filter({ hasText: 'bob@acme.test' });
    await bobRow.getByRole('button', { name: 'Disable Bob Builder' }).click();
    await bobRow.getByText('Disable Bob Builder (bob@acme.test)? They are signed out at once').waitFor();
    await bobRow.getByRole('button', { name: 'Yes, disable' }).click();
    await bobRow.getByText('Disabled', { exact: true }).waitFor();

    // Bob's next step finds him signed out.
    await bob.getByRole('link', { name: 'Invites' }).click();
    await bob.getByRole('heading', { name: 'Sign in' }).waitFor();
    await adminContext.close();
    await bobContext.close();
  });

  it('renews a short-lived access token on its own, with one refresh, and keeps working', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughPage(page, server.url, ADMIN.email, ADMIN.password);
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/interviewer/refresh')) refreshes.push(request.headers()['x-ib-csrf'] ?? 'no CSRF header');
    });
    await page.waitForTimeout(ACCESS_TTL_MS + 1_000);
    await page.getByRole('link', { name: 'Invites' }).click();
    await page.getByRole('button', { name: 'Create invite code' }).click();
    await expect.poll(async () => (await page.getByTestId('invite-code').first().innerText()).trim()).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toMatch(/^csrf_/);
    expect(page.url()).toContain('/interviewer/invites');
    await context.close();
  });
});
