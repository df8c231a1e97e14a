// The interviewer's review end to end in Chromium: an admin filters the interview list, downloads it
// as CSV (header row, only the rows that match) and compares two candidates; then opens an interview while the candidate's
// device is still syncing it (the HTTP client the app's sync uses: redeem an invite, push events), sees
// the "Live" badge, and the candidate's next answer appears on the page without a reload.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { SyncEvent } from '../../sync-server/protocol/index.ts';
import { interviewEvents } from '../../sync-server/test-support/fixtures.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { signInInBrowser } from '../helpers/interviewer-session.ts';
import { createInviteCode } from '../helpers/invite-code.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const ADMIN = { name: 'Acme Hiring', email: 'ada@acme.test', adminName: 'Ada Admin', password: 'correct horse battery' };

describe.skipIf(!chromiumAvailable)('interviewer review', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSyncServer();
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Joins a device for `candidateName` and syncs one finished interview from it. */
  async function candidateWithInterview(deviceId: string, candidateName: string, interviewId: string): Promise<void> {
    const inviteCode = await createInviteCode(server.url, ADMIN);
    const redeem = await fetch(`${server.url}/api/devices/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, inviteCode, deviceId, candidateName }),
    });
    expect(redeem.status).toBe(200);
    const { deviceToken } = (await redeem.json()) as { deviceToken: string };
    const pushed = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
      body: JSON.stringify({ v: 1, deviceId, events: interviewEvents(interviewId, 1, 1) }),
    });
    expect(pushed.status).toBe(200);
  }

  it('filters the list and exports the filtered list as CSV', async () => {
    await candidateWithInterview('device-1', 'Linus Ada', 'iv-linus');
    await candidateWithInterview('device-2', 'Barbara Liskov', 'iv-barbara');
    await candidateWithInterview('device-3', 'Ada Yonath', 'iv-yonath');

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInInBrowser(page, server.url, ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
    const names = () => page.locator('table.interviewer-table tbody th').allTextContents();
    await expect.poll(names).toHaveLength(3);

    await page.getByLabel('Candidate', { exact: true }).fill('ada');
    await page.getByLabel('Sort by').selectOption('candidate');
    await page.getByLabel('Order').selectOption('asc');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(names).toEqual(['Ada Yonath', 'Linus Ada']);
    expect(await page.getByTestId('interview-count').textContent()).toBe('2 interviews shown');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^interviews-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,candidate,role,seniority,type,started_at,completed_at,overall,engine');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['iv-yonath,Ada Yonath', 'iv-linus,Linus Ada']);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Two of them side by side on the rubric.
    await page.getByLabel('Compare Ada Yonath').check();
    await page.getByLabel('Compare Linus Ada').check();
    await page.getByRole('link', { name: 'Compare selected' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare candidates' }).waitFor();
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    expect(await table.locator('thead th a').allTextContents()).toEqual(['Ada Yonath', 'Linus Ada']);
    expect(await table.locator('tbody tr').nth(0).locator('td').allTextContents()).toEqual(['61', '61']);
    expect(await table.locator('tbody tr').nth(1).textContent()).toBe('Talking points4.04.0');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("follows an interview live: the candidate's new answer appears without a reload", async () => {
    const inviteCode = await createInviteCode(server.url, ADMIN);
    const redeem = await fetch(`${server.url}/api/devices/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, inviteCode, deviceId: 'device-live', candidateName: 'Grace' }),
    });
    expect(redeem.status).toBe(200);
    const { deviceToken } = (await redeem.json()) as { deviceToken: string };
    const push = async (events: SyncEvent[]) => {
      const pushed = await fetch(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
        body: JSON.stringify({ v: 1, deviceId: 'device-live', events }),
      });
      expect(pushed.status).toBe(200);
    };
    const events = interviewEvents('interview-live', 1, 3);
    // Started, and the first answer synced: the candidate is mid-interview.
    await push(events.slice(0, 2));

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInBrowser(page, server.url, ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
    await page.goto(`${server.url}/interviewer/interviews/interview-live`);
    await page.getByRole('heading', { level: 1, name: 'Grace' }).waitFor();
    await page.getByTestId('live-badge').waitFor();
    expect(await page.getByTestId('live-follow').textContent()).toContain('Following live');
    expect(await page.locator('blockquote.interviewer-answer').allTextContents()).toEqual(['I read the logs and found the root cause in answer 0.']);

    // A marker on the window: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await push(events.slice(2, 3));
    await expect
      .poll(() => page.locator('blockquote.interviewer-answer').allTextContents(), { timeout: 15_000 })
      .toEqual(['I read the logs and found the root cause in answer 0.', 'I read the logs and found the root cause in answer 1.']);
    expect(await page.getByTestId('live-follow').textContent()).toContain('1 new answer arrived.');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The stream drops when the server stops; the page says so.
    await server.stop();
    // Stopped cleanly (exit 0), not cut off by the shutdown's grace period (exit 1).
    expect(server.process.exitCode).toBe(0);
    await page.getByText('The live connection dropped. Reconnecting…').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('live-badge').count()).toBe(0);
    await context.close();
  });
});
