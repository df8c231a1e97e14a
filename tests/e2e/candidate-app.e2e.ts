// The candidate's app in real Chromium: installable and offline-capable, usable on a phone with the
// keyboard alone, honest when storage is full, and able to delete what it stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { submitAnswer } from '../helpers/interview-actions.ts';
import { startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';


/** Text of random letters in word-sized pieces, which neither Snappy nor anything else shrinks much. */
function incompressibleWords(bytes: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let text = '';
  while (text.length < bytes) {
    const length = 3 + Math.floor(Math.random() * 7);
    for (let i = 0; i < length; i++) text += letters[Math.floor(Math.random() * letters.length)];
    text += ' ';
  }
  return text;
}

describe.skipIf(!chromiumAvailable)('the candidate app in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSyncServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function startInterview(page: Page, questions: number): Promise<void> {
    await page.getByRole('link', { name: 'New interview' }).first().click();
    await page.getByLabel('Role').fill('Registered nurse');
    await page.getByLabel('Seniority').selectOption('junior');
    await page.getByLabel('Interview type').selectOption('mixed');
    await page.getByLabel('Number of questions').fill(String(questions));
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.getByText(`Question 1 of ${questions}`).waitFor();
  }

  it('is installable: a manifest with icons, and a service worker that precaches the shell and the engine', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBeTruthy();
    const manifest = (await (await fetch(new URL(manifestHref!, server.url))).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toBe('Interview Buddy');
    expect(manifest.display).toBe('standalone');
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((candidate) => candidate.sizes === size && candidate.type === 'image/png');
      expect(icon, size).toBeTruthy();
      const response = await fetch(new URL(icon!.src, server.url));
      expect(response.headers.get('content-type')).toBe('image/png');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    }
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.some((url) => /\/assets\/basic-.*\.js$/.test(url))).toBe(true);
    await context.close();
  });

  it('works on a phone-sized screen with the keyboard alone: pause, resume, skip, answer, end early', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Past interviews' }).waitFor();
    await expectNoHorizontalScroll(page);

    await tabTo(page, (el) => el.textContent?.trim() === 'New interview');
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.id !== '' && document.querySelector(`label[for="${el.id}"]`)?.textContent?.trim() === 'Role');
    await page.keyboard.type('Registered nurse');
    await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Start interview');
    await expectNoHorizontalScroll(page);
    await page.keyboard.press('Enter');
    await page.getByText(/Question 1 of \d+/).waitFor();
    await expectNoHorizontalScroll(page);

    await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Pause');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await expect(page.getByRole('button', { name: 'Submit answer' }).isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Pause' }).waitFor();

    await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Skip question');
    await page.keyboard.press('Enter');
    await page.getByText(/Question 2 of \d+/).waitFor();

    await tabTo(page, (el) => el.tagName === 'TEXTAREA');
    await page.keyboard.type('When a patient on my ward deteriorated, I checked the early warning score, escalated to the doctor and documented it.');
    await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Submit answer');
    await page.keyboard.press('Enter');
    // A thin answer may get one follow-up; skip it by keyboard too.
    await page.getByTestId('follow-up').or(page.getByText(/Question 3 of \d+/)).first().waitFor();
    if (await page.getByTestId('follow-up').isVisible()) {
      await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Skip follow-up');
      await page.keyboard.press('Enter');
    }
    await page.getByText(/Question 3 of \d+/).waitFor();

    await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'End interview');
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Finish and see report');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Report', exact: true }).waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: 'test-results/keyboard-failure.png', fullPage: true });
      throw error;
    });
    await expect(page.getByText(/ended early/i).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(/1 question skipped|skipped 1 question/i).first().isVisible()).resolves.toBe(true);
    await expectNoHorizontalScroll(page);
    await context.close();
  });

  it('tells the candidate when storage is full, keeps the typed text, and loses nothing stored', async () => {
    const storeFirstAnswer = async (page: Page) => {
      await page.goto(server.url);
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.ready.then(() => true))).toBe(true);
      await startInterview(page, 2);
      await page.getByLabel('Your answer').fill('A first answer that is stored before the disk fills up.');
      await submitAnswer(page);
      await page.getByText('Question 2 of 2').waitFor();
    };
    // Chromium fixes an origin's quota when it first stores something, so the quota is measured on a
    // dry run in one fresh profile and enforced in a second: there the origin may store only 24 KB more
    // than the app shell and the first answer take. A long draft (up to the 20,000 characters an answer
    // may have, in words that do not compress, kept twice: the turn and the resume snapshot) then no
    // longer fits, and IndexedDB throws a real QuotaExceededError.
    const dryRun = await browser.newContext();
    const dryPage = await dryRun.newPage();
    await storeFirstAnswer(dryPage);
    const usage = await dryPage.evaluate(() => navigator.storage.estimate().then((estimate) => estimate.usage ?? 0));
    await dryRun.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: usage + 24 * 1024 });
    await storeFirstAnswer(page);
    const longAnswer = incompressibleWords(19_500);
    await page.getByLabel('Your answer').fill(longAnswer);
    await page.getByRole('alert').filter({ hasText: /storage/i }).first().waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Your answer').inputValue()).toBe(longAnswer);

    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url });
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Past interviews' }).waitFor();
    await expect(page.getByRole('listitem').filter({ hasText: 'Registered nurse' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('deletes one interview, then everything, after confirmation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    for (let i = 0; i < 2; i++) {
      await startInterview(page, 1);
      await page.getByLabel('Your answer').fill(`Answer number ${i}: I checked the patient, escalated and documented it.`);
      await submitAnswer(page);
      await page.getByRole('heading', { name: 'Report' }).waitFor();
      await page.getByRole('link', { name: 'Interviews', exact: true }).click();
    }
    const items = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Open report' }) });
    await expect.poll(() => items.count()).toBe(2);

    await items.first().getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await expect.poll(() => items.count()).toBe(1);

    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await expect.poll(() => items.count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Past interviews' }).waitFor();
    await expect(items.count()).resolves.toBe(0);
    await context.close();
  });
});

async function tabTo(page: Page, matches: (element: HTMLElement) => boolean, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(`(${matches.toString()})(document.activeElement)`);
    if (found) return;
  }
  throw new Error(`No focusable element matched after ${limit} tabs: ${matches.toString()}`);
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

export type { BrowserContext };
