// The candidate's data, end to end in Chromium against the real server: three interviews on a device
// that shares with an organisation; a JSON export through the real download, imported into a fresh
// browser context that then shows the same history and reports (and never receives the membership
// token); foreign and truncated files refused with nothing changed; Markdown of one interview and of
// all; the report printed to PDF (checked with poppler's pdftotext and pdftoppm); and "Delete
// everything", which empties the device, stays empty after a reload, and deletes the organisation's
// copies at the next sync. axe-core checks the "Your data" page and what this feature adds to the report.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startBehaviouralInterview, submitAnswer } from '../helpers/interview-actions.ts';
import { createInviteCode } from '../helpers/invite-code.ts';
import { joinOrganisation } from '../helpers/join-organisation.ts';
import { createOrgWithAdmin, REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const ADMIN = { name: 'Transfer Org', email: 'admin@transfer.test', adminName: 'Ada', password: 'correct horse battery' };
const RESULTS = join(REPO_ROOT, 'test-results');

const INTERVIEWS = [
  {
    role: 'Software Engineer',
    answers: [
      'At my last job our checkout service was timing out during peak sales. I was responsible for fixing it before the holidays. I profiled the service, found a slow query, added a cache and batched the queries. As a result latency fell from two seconds to 180 ms.',
      'When two teammates disagreed about an API design, I set up a short meeting, wrote down both options with their trade-offs, and we agreed on criteria first. We shipped in two weeks and both felt heard.',
    ],
  },
  {
    role: 'Product Manager',
    answers: [
      'I led the launch of a billing page. Customers were confused by invoices, so I interviewed twelve of them, wrote a one page brief and worked with design on three prototypes. Support tickets about invoices dropped by 40 percent in a month.',
      'I keep a weekly list of priorities, I ask my manager which outcome matters most, and I say no to work that does not move our goals. Last quarter this helped me deliver the pricing change on time.',
    ],
  },
  {
    role: 'Data Analyst',
    answers: [
      'Our churn report was wrong because two tables counted customers differently. I traced the difference, documented one definition with finance and rebuilt the dashboard. The monthly review now uses one number that everyone trusts.',
      'When a deadline moved up by a week, I cut the analysis to the three questions the director needed, shared a draft early and finished the rest after the meeting.',
    ],
  },
];

interface HistoryItem {
  role: string;
  score: string;
  startedAt: string;
}

/** The history as the home screen lists it. */
async function historyOf(page: Page, serverUrl: string): Promise<HistoryItem[]> {
  await page.goto(serverUrl);
  await page.getByRole('heading', { name: 'Past interviews' }).waitFor();
  await page.locator('.interview-list, .empty-state').first().waitFor();
  const items = await page.locator('.interview-list > li').evaluateAll((elements) =>
    elements.map((element) => ({
      role: element.querySelector('h3')?.textContent?.trim() ?? '',
      score: element.querySelector('.score-badge')?.textContent?.trim() ?? '',
      startedAt: element.querySelector('time')?.getAttribute('datetime') ?? '',
    })),
  );
  return items.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** What a report shows: the overall score, the dimensions, each question with its score. */
async function reportOf(page: Page, url: string): Promise<{ overall: string; dimensions: string[]; questions: string[]; chart: string }> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Report', exact: true }).waitFor();
  return {
    overall: await page.getByTestId('overall-score').innerText(),
    dimensions: await page.getByTestId('dimension').allInnerTexts(),
    questions: await page.locator('.turn-card').evaluateAll((cards) => cards.map((card) => `${card.querySelector('h3')?.textContent} ${card.querySelector('.score-badge')?.textContent ?? ''}`)),
    chart: await page.getByTestId('score-chart').locator('table').evaluate((table) => table.textContent ?? ''),
  };
}

/** axe-core on the page, or only on the parts matching `include` (the report is another area's screen). */
async function expectNoSeriousAxeViolations(page: Page, where: string, include: string[] = []): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  for (const selector of include) builder = builder.include(selector);
  const results = await builder.analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const described = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(described, `axe-core on ${where}`).toEqual([]);
}

/** Nothing on the screen itself (the shell's header is another area's) reaches past the viewport. */
async function expectMainFitsWidth(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('main, main *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest('.visually-hidden'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  });
  expect(wide).toEqual([]);
}

async function download(page: Page, click: () => Promise<void>, saveAs: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  await file.saveAs(saveAs);
  return { name: file.suggestedFilename(), text: readFileSync(saveAs, 'utf8') };
}

async function countStored(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('interview-buddy');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const count = tx.objectStore(name).count();
            count.onsuccess = () => (counts[name] = count.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}

async function serverInterviewCount(serverUrl: string): Promise<number> {
  const signIn = await fetch(`${serverUrl}/api/interviewer/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ v: 1, email: ADMIN.email, password: ADMIN.password }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const list = (await (await fetch(`${serverUrl}/api/interviewer/interviews`, { headers: { cookie } })).json()) as { interviews: unknown[] };
  return list.interviews.length;
}

/** Share of pixels darker than light grey in a binary PGM (P5) image. */
function inkShare(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const value of pixels) if (value < 200) dark++;
  return dark / pixels.length;
}

describe.skipIf(!chromiumAvailable)('your data: export, import, Markdown, PDF, delete everything', () => {
  let server: RunningServer;
  let browser: Browser;
  let work: string;
  let original: BrowserContext;
  let page: Page;
  let exported: { name: string; text: string };
  let history: HistoryItem[];

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'ib-transfer-'));
    server = await startSyncServer();
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();
    original = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await original.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('completes three interviews on a device that shares with an organisation', async () => {
    for (const interview of INTERVIEWS) {
      await startBehaviouralInterview(page, server.url, interview.answers.length, interview.role);
      for (const answer of interview.answers) {
        await page.getByLabel('Your answer').fill(answer);
        await submitAnswer(page);
      }
      await page.getByRole('heading', { name: 'Report', exact: true }).waitFor();
    }
    await joinOrganisation(page, server.url, await createInviteCode(server.url, ADMIN), 'Grace Candidate');
    await expect.poll(() => serverInterviewCount(server.url), { timeout: 30_000 }).toBe(3);
    history = await historyOf(page, server.url);
    expect(history.map((item) => item.role).sort()).toEqual(INTERVIEWS.map((interview) => interview.role).sort());
  });

  it('exports everything as JSON through a real download, without the membership token', async () => {
    await page.goto(`${server.url}/my-data`);
    await page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the Your data page');
    await page.screenshot({ path: join(RESULTS, 'data-transfer-my-data.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await expectMainFitsWidth(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    exported = await download(page, () => page.getByRole('button', { name: 'Export everything (JSON)' }).click(), join(work, 'backup.json'));
    expect(exported.name).toMatch(/^interview-buddy-\d{4}-\d{2}-\d{2}\.json$/);
    await expect.poll(() => page.getByTestId('export-status').innerText()).toContain(`Saved ${exported.name}`);

    const file = JSON.parse(exported.text) as { format: string; formatVersion: number; db: { version: number }; tables: Record<string, unknown[]>; excluded: { tables: string[]; settings: string[] } };
    expect(file.format).toBe('interview-buddy-export');
    expect(file.formatVersion).toBe(1);
    expect(file.tables.interviews).toHaveLength(3);
    expect(file.tables.turns).toHaveLength(6);
    expect(file.tables.outbox).toBeUndefined();
    expect(file.excluded.tables).toContain('outbox');
    expect(file.excluded.settings).toEqual(expect.arrayContaining(['deviceToken', 'org', 'deviceId']));
    const token = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('interview-buddy');
          request.onsuccess = () => {
            const get = request.result.transaction('settings').objectStore('settings').get('deviceToken');
            get.onsuccess = () => resolve((get.result as { value: string }).value);
          };
        }),
    );
    expect(token.length).toBeGreaterThan(10);
    expect(exported.text).not.toContain(token);
  });

  it('imports it into a fresh browser: the same history and the same reports; bad files change nothing', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await fresh.newPage();
    expect(await historyOf(other, server.url)).toEqual([]);

    await other.goto(`${server.url}/my-data`);
    const chooser = other.getByLabel('Backup file');
    await chooser.setInputFiles(join(work, 'backup.json'));
    await other.getByText('interviews in it: 3').waitFor();
    await other.getByRole('button', { name: 'Import', exact: true }).click();
    await other.getByText('Interviews added: 3.').waitFor();
    await expectNoSeriousAxeViolations(other, 'the Your data page after an import');

    expect(await historyOf(other, server.url)).toEqual(history);
    const ids = (JSON.parse(exported.text) as { tables: { interviews: { id: string }[] } }).tables.interviews.map((interview) => interview.id);
    for (const id of ids) {
      const before = await reportOf(page, `${server.url}/report/${id}`);
      expect(before.dimensions.length).toBeGreaterThan(0);
      expect(await reportOf(other, `${server.url}/report/${id}`)).toEqual(before);
    }
    // The restored device did not receive the membership: it has not joined anything.
    await other.goto(`${server.url}/my-data`);
    await expect(other.getByTestId('delete-org-note').innerText()).resolves.toMatch(/has not joined an organisation/);

    // Foreign, truncated and empty files: a message that says what to do, and the history unchanged.
    const cases = [
      { name: 'contacts.json', body: JSON.stringify({ contacts: [{ name: 'Ada' }] }), message: 'This is not an Interview Buddy backup' },
      { name: 'interview-buddy-cut.json', body: exported.text.slice(0, Math.floor(exported.text.length * 0.6)), message: 'This file is not complete' },
      { name: 'notes.txt', body: 'just some notes', message: 'This is not an Interview Buddy backup' },
      {
        name: 'interview-buddy-newer.json',
        body: JSON.stringify({ ...(JSON.parse(exported.text) as object), formatVersion: 99 }),
        message: 'made by a newer version of Interview Buddy',
      },
    ];
    for (const bad of cases) {
      await chooser.setInputFiles({ name: bad.name, mimeType: 'application/json', buffer: Buffer.from(bad.body) });
      await expect(other.getByTestId('import-error').innerText(), bad.name).resolves.toContain(bad.message);
      await expect(other.getByRole('button', { name: 'Import', exact: true }).count()).resolves.toBe(0);
      await expect(other.getByTestId('import-error').innerText()).resolves.toContain('Nothing was changed.');
    }
    expect(await historyOf(other, server.url)).toEqual(history);
    await fresh.close();
  });

  it('exports Markdown of one interview from its report, and of all from the Your data page', async () => {
    const first = (JSON.parse(exported.text) as { tables: { interviews: { id: string; spec: { role: string } }[] } }).tables.interviews.find(
      (interview) => interview.spec.role === 'Software Engineer',
    )!;
    await page.goto(`${server.url}/report/${first.id}`);
    await page.getByRole('heading', { name: 'Report', exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the report\'s chart and actions', ['[data-testid="score-chart"]', '.report-actions']);
    const one = await download(page, () => page.getByRole('button', { name: 'Export Markdown' }).click(), join(work, 'one.md'));
    expect(one.name).toMatch(/^interview-buddy-\d{4}-\d{2}-\d{2}-software-engineer\.md$/);
    expect(one.text.startsWith('# Software Engineer: interview report\n')).toBe(true);
    for (const expected of ['- **Scored by:** basic scoring', '- **Overall:** ', '## Summary', '| Dimension | Score (1–5) |', '## Question 1 · ', '## Question 2 · ', '*Your answer*', '**Scores**']) {
      expect(one.text).toContain(expected);
    }
    expect(one.text).toContain('> When two teammates disagreed about an API design');
    expect(one.text).toContain(`- **Overall:** ${await page.getByTestId('overall-score').innerText()} / 100`);

    await page.goto(`${server.url}/my-data`);
    await page.getByLabel('Interviews to include').selectOption('all');
    const all = await download(page, () => page.getByRole('button', { name: 'Export Markdown' }).click(), join(work, 'all.md'));
    expect(all.name).toMatch(/-all\.md$/);
    expect(all.text.startsWith('# Interview Buddy: your interviews\n\nInterviews: 3.')).toBe(true);
    for (const interview of INTERVIEWS) expect(all.text).toContain(`## ${interview.role}: interview report`);
  });

  it('prints the report for paper: its sections and the chart, no controls, answers open', async () => {
    const id = (JSON.parse(exported.text) as { tables: { interviews: { id: string; spec: { role: string } }[] } }).tables.interviews.find(
      (interview) => interview.spec.role === 'Product Manager',
    )!.id;
    await page.goto(`${server.url}/report/${id}`);
    await page.getByRole('heading', { name: 'Report', exact: true }).waitFor();
    const dimensionLabels = (await page.getByTestId('dimension').allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
    // For people reviewing the layout; not compared with anything.
    await page.screenshot({ path: join(RESULTS, 'data-transfer-report-screen.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(RESULTS, 'data-transfer-report.pdf');
    await page.pdf({ path: pdfPath, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    for (const heading of ['Interview Buddy · interview report', 'Prepared for Grace Candidate', 'Report', 'Scores by dimension', 'Strengths', 'To improve', 'Question by question']) {
      expect(text, heading).toContain(heading);
    }
    // The chart, drawn in SVG: its axis title and its labels are text in the PDF.
    expect(text).toContain('Score from 1 (weak) to 5 (strong)');
    for (const label of dimensionLabels) expect(text, label).toContain(label.slice(0, 20));
    // The answers sit in collapsed sections on screen; on paper they are open. (Evidence quotes hold
    // single sentences of it, so the whole answer in one piece can only come from the answer itself.)
    expect(text.replace(/\s+/g, ' ')).toContain(INTERVIEWS[1]!.answers[0]);
    // No controls or navigation on paper.
    for (const control of ['Export Markdown', 'Print / PDF', 'Back to interviews', 'Practise again', 'Skip to content']) expect(text, control).not.toContain(control);

    const png = join(RESULTS, 'data-transfer-report-page1');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, png]);
    const pngBytes = readFileSync(`${png}.png`);
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(`${png}.png`).size).toBeGreaterThan(20_000);
    execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', '-singlefile', pdfPath, png]);
    const ink = inkShare(readFileSync(`${png}.pgm`));
    // A printed page with text and a chart: some ink, but white paper, not a dark theme.
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.5);
  });

  it('deletes everything after a typed confirmation: the device is empty, stays empty after a reload, and the organisation\'s copies go', async () => {
    await page.goto(`${server.url}/my-data`);
    await expect(page.getByTestId('delete-org-note').innerText()).resolves.toContain('This device shares with Transfer Org');
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    const confirm = page.getByRole('button', { name: 'Delete everything now' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Type DELETE to confirm').fill('delet');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await expectNoSeriousAxeViolations(page, 'the delete confirmation');
    await confirm.click();
    await expect.poll(() => page.getByTestId('delete-status').innerText()).toContain('Interviews deleted: 3.');
    await expect(page.getByTestId('delete-status').innerText()).resolves.toContain('They will be deleted from Transfer Org at the next sync.');

    expect(await historyOf(page, server.url)).toEqual([]);
    await page.reload();
    expect(await historyOf(page, server.url)).toEqual([]);
    const stored = await countStored(page);
    expect(stored.interviews).toBe(0);
    expect(stored.turns).toBe(0);
    await expect.poll(() => serverInterviewCount(server.url), { timeout: 30_000 }).toBe(0);
    await original.close();
  });
});
