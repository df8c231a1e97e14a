// The operator dashboard end to end: an admin signs in to the interviewer area in Chromium and opens
// the dashboard; a candidate's device (the HTTP client the app's sync uses: redeem an invite, push an
// interview) syncs an interview; without a click, the dashboard's next refresh shows interviews today
// and active devices risen, and the push's route with its p95 latency. /metrics, asked from this
// machine, carries the same figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SyncEvent } from '../../sync-server/protocol/index.ts';
import { interviewEvents } from '../../sync-server/test-support/fixtures.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { signInInBrowser } from '../helpers/interviewer-session.ts';
import { createInviteCode } from '../helpers/invite-code.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const ADMIN = { name: 'Acme Hiring', email: 'ada@acme.test', adminName: 'Ada Admin', password: 'correct horse battery' };

/** The text of one figure tile's value. */
function figure(page: Page, id: string) {
  return page.locator(`[data-figure="${id}"] .dashboard-figure-value`).textContent();
}

/** A finished interview as the device records it, stamped now so it counts for today (UTC). */
function interviewNow(interviewId: string): SyncEvent[] {
  const at = new Date().toISOString();
  return JSON.parse(JSON.stringify(interviewEvents(interviewId, 1, 2)).replaceAll('2026-11-20T10:00:00.000Z', at)) as SyncEvent[];
}

describe.skipIf(!chromiumAvailable)('operator dashboard', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSyncServer({ ALERT_P95_MS: '400' });
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows an admin the figures rising after a device pushes an interview', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInBrowser(page, server.url, ADMIN);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Operator dashboard' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Whole server' }).waitFor();

    expect(await figure(page, 'interviews-today')).toBe('0');
    expect(await figure(page, 'active-devices')).toBe('0');
    // The thresholds are shown beside their figures: ALERT_P95_MS from the environment, the rest defaults.
    expect(await page.locator('[data-figure="error-rate"]').textContent()).toContain('Threshold: 5%');
    expect(await page.getByRole('img', { name: /p95 latency of \d+ routes; \d+ over the 400 ms threshold/ }).count()).toBe(1);
    const firstUpdate = await page.getByTestId('dashboard-updated').textContent();

    // A candidate's device joins the organisation and syncs one finished interview.
    const inviteCode = await createInviteCode(server.url, ADMIN);
    const redeem = await fetch(`${server.url}/api/devices/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, inviteCode, deviceId: 'device-e2e', candidateName: 'Grace' }),
    });
    expect(redeem.status).toBe(200);
    const { deviceToken } = (await redeem.json()) as { deviceToken: string };
    const pushed = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
      body: JSON.stringify({ v: 1, deviceId: 'device-e2e', events: interviewNow('interview-e2e') }),
    });
    expect(pushed.status).toBe(200);

    // No click: the page refreshes itself every 10 seconds while visible.
    await expect.poll(() => figure(page, 'interviews-today'), { timeout: 25_000, interval: 500 }).toBe('1');
    expect(await figure(page, 'completed-today')).toBe('1');
    expect(await figure(page, 'active-devices')).toBe('1');
    expect(await page.locator('[data-figure="active-devices"]').textContent()).toContain('of 1 joined device');
    expect(await page.getByTestId('dashboard-updated').textContent()).not.toBe(firstUpdate);

    // The requests just made appear per route pattern, each with a p95, in the chart's data table.
    const latencyTable = page.locator('figure', { has: page.getByText('p95 latency per route', { exact: true }) }).locator('table');
    await expect.poll(() => latencyTable.locator('th[scope="row"]').allTextContents()).toContain('POST /api/sync/push');
    const pushRow = latencyTable.locator('tr', { has: page.locator('th', { hasText: 'POST /api/sync/push' }) });
    expect(await pushRow.locator('td').textContent()).toMatch(/^\d[\d,.]* ms/);
    expect(await latencyTable.locator('th[scope="row"]').allTextContents()).toContain('GET /api/interviewer/dashboard');

    expect(await seriousAxeViolations(page)).toEqual([]);
    // On a phone the charts scroll sideways (keyboard-reachable) rather than shrink their labels.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('serves the same figures at /metrics to this machine', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^ib_interviews_started_today 1$/m);
    expect(text).toMatch(/^ib_devices_active\{window="24h"\} 1$/m);
    expect(text).toMatch(/^ib_http_requests_total\{method="POST",route="\/api\/sync\/push",status_class="2xx"\} 1$/m);
    expect(text).toMatch(/^ib_alert_threshold_p95_seconds 0.4$/m);
  });
});
