// The walking skeleton end to end, as a person would do it, with no shortcuts through internal APIs:
// a candidate installs the app, goes offline, does a 3-question interview (reloading mid-answer),
// reads the report, comes back online, joins an organisation with an invite code an interviewer made,
// syncs, and the interviewer sees the same interview with the same scores.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { submitAnswer } from '../helpers/interview-actions.ts';
import { createOrgWithAdmin, REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';
import { fillJoinForm } from '../helpers/join-organisation.ts';
import { signInInBrowser } from '../helpers/interviewer-session.ts';

const ADMIN = { name: 'Acme Hiring', email: 'ada@acme.test', adminName: 'Ada Admin', password: 'correct horse battery' };
const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS === '1' ? join(REPO_ROOT, 'tests/e2e/screenshots') : join(REPO_ROOT, 'test-results');

const ANSWERS = [
  'At my last job our checkout service was timing out during peak sales. I was responsible for fixing it before Black Friday. ' +
    'I profiled the service, found an N+1 query in PostgreSQL, added a Redis cache and batched the queries. ' +
    'As a result p95 latency fell from 2.1 seconds to 180 ms and we handled 3x the traffic with no incidents.',
  'When two teammates disagreed about an API design, I set up a short meeting, wrote down both options with their trade-offs, ' +
    'and we agreed on criteria first. I suggested a small spike to test the riskier option. In the end we shipped in two weeks and both felt heard.',
  'I keep a weekly list of priorities, I ask my manager which outcome matters most, and I say no to work that does not move our goals. ' +
    'Last quarter this helped me deliver the billing migration on time.',
];

describe.skipIf(!chromiumAvailable)('walking skeleton: offline interview, sync, interviewer view', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startSyncServer();
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('does a whole interview offline, syncs it, and the interviewer sees the same scores', async () => {
    const candidateContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const candidate = await candidateContext.newPage();
    await candidate.goto(server.url);
    await expect.poll(() => candidate.evaluate(() => navigator.serviceWorker.ready.then(() => true))).toBe(true);
    // The first visit installed the service worker; from here on the network is off.
    await candidate.reload();
    await expect.poll(() => candidate.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await candidateContext.setOffline(true);
    await candidate.reload();
    await candidate.getByRole('heading', { name: 'Past interviews' }).waitFor();

    await candidate.getByRole('link', { name: 'New interview' }).or(candidate.getByRole('button', { name: 'New interview' })).first().click();
    await candidate.getByLabel('Role').fill('Software Engineer');
    await candidate.getByLabel('Seniority').selectOption('mid');
    await candidate.getByLabel('Interview type').selectOption('behavioural');
    await candidate.getByLabel('Number of questions').fill('3');
    await candidate.getByLabel('Length (minutes)').fill('15');
    await candidate.getByRole('button', { name: 'Start interview' }).click();

    for (let index = 0; index < 3; index++) {
      await candidate.getByText(`Question ${index + 1} of 3`).waitFor();
      const answer = candidate.getByLabel('Your answer');
      const text = ANSWERS[index]!;
      if (index === 1) {
        // Half the answer, a reload while offline, and the half must still be there.
        const half = text.slice(0, Math.floor(text.length / 2));
        await answer.pressSequentially(half, { delay: 2 });
        await waitForDraftSaved(candidate);
        await candidate.reload();
        await candidate.getByText('Question 2 of 3').waitFor();
        await expect.poll(() => candidate.getByLabel('Your answer').inputValue()).toBe(half);
        const resume = candidate.getByRole('button', { name: 'Resume' });
        if (await resume.isVisible()) await resume.click();
        await candidate.getByLabel('Your answer').press('End');
        await candidate.getByLabel('Your answer').pressSequentially(text.slice(half.length), { delay: 1 });
      } else {
        await answer.fill(text);
      }
      if (index === 0) await candidate.screenshot({ path: join(SCREENSHOT_DIR, 'interview.png') });
      await submitAnswer(candidate);
    }

    await candidate.getByRole('heading', { name: 'Report' }).waitFor();
    await expect(candidate.getByText('basic scoring').first().isVisible()).resolves.toBe(true);
    // Skipping a follow-up keeps the answer that prompted it: all three count as answered.
    await expect(candidate.getByText('3 questions answered').isVisible()).resolves.toBe(true);
    const overall = Number(await candidate.getByTestId('overall-score').innerText());
    expect(overall).toBeGreaterThan(0);
    expect(overall).toBeLessThanOrEqual(100);
    const candidateDimensions = await candidate.getByTestId('dimension').allInnerTexts();
    expect(candidateDimensions.length).toBeGreaterThan(0);
    await candidate.screenshot({ path: join(SCREENSHOT_DIR, 'report.png') });

    // An interviewer makes an invite code in a second browser context.
    const interviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const interviewer = await interviewerContext.newPage();
    await signInInBrowser(interviewer, server.url, ADMIN);
    await interviewer.getByRole('link', { name: 'Invites' }).click();
    await interviewer.getByRole('button', { name: 'Create invite code' }).click();
    const inviteCode = (await interviewer.getByTestId('invite-code').first().innerText()).trim();
    expect(inviteCode.length).toBeGreaterThanOrEqual(4);

    // The candidate comes back online, joins and syncs.
    await candidateContext.setOffline(false);
    await candidate.getByRole('link', { name: 'Sync' }).click();
    await fillJoinForm(candidate, inviteCode, 'Grace Candidate');

    await interviewer.getByRole('link', { name: 'Interviews' }).click();
    const row = interviewer.getByRole('row').filter({ hasText: 'Grace Candidate' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(String(overall));
    await row.getByRole('link').first().click();
    for (const answer of ANSWERS) await interviewer.getByText(answer.slice(0, 60)).first().waitFor();
    const detailText = await interviewer.locator('body').innerText();
    expect(detailText).toContain(String(overall));
    for (const dimension of candidateDimensions) {
      const [label] = dimension.split('\n');
      expect(detailText).toContain(label!.trim());
    }

    await interviewerContext.close();
    await candidateContext.close();
  });
});

async function waitForDraftSaved(page: Page): Promise<void> {
  // The draft is saved on a short debounce; the UI says so.
  await page.getByText(/saved/i).first().waitFor({ timeout: 10_000 });
}
