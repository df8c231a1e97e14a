// Coding challenges in real Chromium against the built app and the real sync server: the practice
// library opened and used with the keyboard, a challenge solved in the CodeMirror editor and run in
// the sandboxed runner worker (all tests pass), an explanation scored by the basic engine and the
// attempt stored in IndexedDB (checked against what the screen shows), the draft surviving a reload,
// a wrong solution failing with expected and got, a syntax error pointing at its line, and an endless
// loop stopped by the time limit. A practice set from the question bank starts an ordinary interview.
// The library and the challenge (before and after running, with scores) are checked with axe-core,
// on a desktop and a phone, and the first screen is checked not to load CodeMirror.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const CORRECT = `export function twoSum(nums: number[], target: number): number[] {
const seen = new Map<number, number>();
for (let i = 0; i < nums.length; i++) {
const j = seen.get(target - nums[i]);
if (j !== undefined) return [j, i];
seen.set(nums[i], i);
}
return [];
}`;

// Pairs an element with itself: right on some tests, wrong where a number is half the target (or 0).
const WRONG = `export function twoSum(nums: number[], target: number): number[] {
for (let i = 0; i < nums.length; i++) {
for (let j = i; j < nums.length; j++) {
if (nums[i] + nums[j] === target) return [i, j];
}
}
return [];
}`;

const ENDLESS = `export function twoSum(nums: number[], target: number): number[] {
while (true) {}
}`;

const BROKEN = `export function twoSum(nums: number[], target: number): number[] {
const seen = new Map<number, number>(;
return [];
}`;

const EXPLANATION =
  'I walk through the array once and keep a hash map from each value to its index. For each number I look up its complement, the target minus the number, ' +
  'before storing it, so the same element is never used twice. That is a single pass: O(n) time and O(n) extra space for the map, instead of checking every pair in O(n^2).';

async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const described = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(described, `axe-core on ${where}`).toEqual([]);
}

/** Presses Tab until `matches` holds for the focused element; fails after `limit` presses. */
async function tabTo(page: Page, matches: (element: Element) => boolean, what: string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Replaces the editor's text as typed input (CodeMirror's own bracket closing and indentation left out). */
async function replaceCode(page: Page, code: string): Promise<void> {
  await page.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.waitForFunction((expected) => document.querySelector('.cm-content')?.textContent?.includes(expected.split('\n')[1]!.trim()), code);
}

async function runSummary(page: Page, status: string): Promise<string> {
  await page.locator(`[data-testid="run-summary"][data-status="${status}"]`).waitFor({ timeout: 20_000 });
  return page.getByTestId('run-summary').innerText();
}

interface StoredAttempt {
  challengeId: string;
  source: string;
  code: string;
  codeScore: number;
  explanation: string;
  hintsRevealed: number;
  run: { status: string; passed: number; total: number };
  explanationScore: { overall: number; engine: string; dimensions: { evidence: string[] }[] } | null;
}

function readIndexedDb<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const request = indexedDB.open('interview-buddy');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const rows = await new Promise<unknown[]>((ok, fail) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    db.close();
    return rows;
  }, store) as Promise<T[]>;
}

describe.skipIf(!chromiumAvailable)('coding challenges', () => {
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

  it('solves, fails and times out a challenge from the keyboard, scores the explanation and keeps the attempt', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const scripts: { url: string; body: string }[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script' && response.ok()) scripts.push({ url: response.url(), body: await response.text().catch(() => '') });
    });

    // The first screen does not load CodeMirror.
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => script.body.includes('cm-editor')).map((script) => script.url)).toEqual([]);

    // The library, opened from the header's navigation with the keyboard.
    await tabTo(page, (element) => element.tagName === 'A' && element.getAttribute('href') === '/challenges', 'the Practice link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Practice library' }).waitFor();
    await page.getByTestId('challenge-card').first().waitFor();
    expect(await page.getByTestId('challenge-card').count()).toBeGreaterThanOrEqual(6);
    await expectNoSeriousAxeViolations(page, 'the practice library');
    await page.getByLabel('Difficulty').focus();
    await page.getByLabel('Difficulty').selectOption('easy');
    await page.waitForURL(/difficulty=easy/);
    const easy = await page.getByTestId('challenge-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-challenge')));
    expect(easy).toEqual(['two-sum', 'valid-parentheses', 'binary-search']);
    await tabTo(page, (element) => element.textContent === 'Two sum' && element.tagName === 'A', 'the Two sum link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Two sum' }).waitFor();
    await page.locator('.cm-content').waitFor();
    expect(scripts.some((script) => script.body.includes('cm-editor')), 'CodeMirror loads on the challenge screen').toBe(true);
    await expectNoSeriousAxeViolations(page, 'a challenge before running');

    // A hint, revealed with the keyboard.
    await page.getByRole('button', { name: 'Show a hint' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('hint').first().innerText()).resolves.toContain('which other number would complete the pair');
    await expect(page.getByTestId('hints-count').innerText()).resolves.toBe('1 of 3 hints shown.');

    // The editor is reached with Tab, is labelled, and lets go of the keyboard with Escape then Tab.
    await tabTo(page, (element) => element.classList.contains('cm-content'), 'the code editor');
    await expect(page.locator('.cm-content').getAttribute('aria-label')).resolves.toBe('Your code (TypeScript)');
    await replaceCode(page, CORRECT);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    // Tab now moves on to the next control, the Run tests button.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Run tests');
    await page.keyboard.press('Enter');
    await expect(runSummary(page, 'passed')).resolves.toContain('All 5 tests passed.');
    expect(await page.locator('[data-testid="test-row"][data-status="passed"]').count()).toBe(5);

    // Explain, submit, see both scores.
    // A challenge keeps no recording of the spoken explanation, so it offers no "keep recordings" choice.
    await page.getByTestId('voice-answer').waitFor();
    expect(await page.getByTestId('keep-recordings').count()).toBe(0);
    await page.getByLabel('Your explanation').fill(EXPLANATION);
    await expect(page.getByTestId('challenge-engine').getAttribute('data-engine')).resolves.toBe('basic');
    await page.getByRole('button', { name: 'Submit attempt' }).click();
    await page.getByTestId('attempt-scores').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('code-score').innerText()).resolves.toBe('100');
    const explanationScore = Number(await page.getByTestId('explanation-score').innerText());
    expect(explanationScore).toBeGreaterThan(40);
    await expect(page.getByTestId('explanation-dimensions').locator('blockquote').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('attempt').count()).resolves.toBe(1);
    await expectNoSeriousAxeViolations(page, 'a challenge with its scores');

    const [stored] = await readIndexedDb<StoredAttempt>(page, 'challengeAttempts');
    expect(stored).toMatchObject({ source: 'bank', challengeId: 'two-sum', code: CORRECT, codeScore: 100, explanation: EXPLANATION, hintsRevealed: 1, run: { status: 'passed', passed: 5, total: 5 } });
    expect(stored!.explanationScore).toMatchObject({ engine: 'basic', overall: explanationScore });

    // The draft survives a reload.
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await expect(page.locator('.cm-content').innerText()).resolves.toContain('seen.set(nums[i], i);');
    await expect(page.getByLabel('Your explanation').inputValue()).resolves.toBe(EXPLANATION);
    await expect(page.getByTestId('hints-count').innerText()).resolves.toBe('1 of 3 hints shown.');

    // A wrong solution fails, showing expected and got; Ctrl+Enter runs from the editor.
    await replaceCode(page, WRONG);
    await page.keyboard.press('Control+Enter');
    await expect(runSummary(page, 'failed')).resolves.toContain('2 of 5 tests passed.');
    const failed = page.locator('[data-testid="test-row"][data-status="failed"]');
    expect(await failed.count()).toBe(3);
    await expect(failed.first().locator('.test-call').innerText()).resolves.toBe('twoSum([3, 2, 4], 6)');
    await expect(failed.first().getByTestId('test-expected').innerText()).resolves.toBe('[1, 2]');
    await expect(failed.first().getByTestId('test-got').innerText()).resolves.toBe('[0, 0]');
    await expectNoSeriousAxeViolations(page, 'a challenge with failing tests');

    // A syntax error says where, and the button goes there.
    await replaceCode(page, BROKEN);
    await page.keyboard.press('Control+Enter');
    await runSummary(page, 'problem');
    await expect(page.getByTestId('run-problem').innerText()).resolves.toMatch(/^Your code does not compile: line 2, column \d+: Unexpected token/);
    await page.getByRole('button', { name: 'Go to line 2' }).click();
    await expect(page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).resolves.toBe(true);

    // An endless loop is stopped by the time limit, and the next run works.
    await replaceCode(page, ENDLESS);
    await page.keyboard.press('Control+Enter');
    await expect(runSummary(page, 'timed-out')).resolves.toContain('Stopped after the 2 s time limit while twoSum([2, 7, 11, 15], 9) was still running. Look for a loop that never ends');
    await expect(page.locator('[data-testid="test-row"][data-status="timed-out"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="test-row"][data-status="not-run"]').count()).resolves.toBe(4);
    await replaceCode(page, CORRECT);
    await page.keyboard.press('Control+Enter');
    await expect(runSummary(page, 'passed')).resolves.toContain('All 5 tests passed.');

    // On a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSeriousAxeViolations(page, 'a challenge on a phone');
    await page.goto(`${server.url}/challenges`);
    await page.getByTestId('challenge-card').first().waitFor();
    await expect(page.getByTestId('challenge-card').filter({ hasText: 'Two sum' }).innerText()).resolves.toContain('1 attempt · best code score 100');
    await expectNoSeriousAxeViolations(page, 'the practice library on a phone');
    await context.close();
  });

  it('starts an interview from a practice set of the question bank', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}/challenges?category=technical&difficulty=hard&role=frontend-engineer`);
    await page.getByTestId('practice-set').first().waitFor();
    await expect(page.getByTestId('coding-challenges').count()).resolves.toBe(0);
    const sets = page.getByTestId('practice-set');
    await expect(sets.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-set')))).resolves.toEqual(['frontend-engineer.technical.hard']);
    const firstQuestion = await sets.first().locator('p[lang="en"]').innerText();
    await expectNoSeriousAxeViolations(page, 'the library filtered to practice sets');
    await sets.first().getByRole('button', { name: 'Start practice set' }).click();
    await page.waitForURL(/\/interview\//);
    await page.getByTestId('question-text').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('question-text').innerText()).resolves.toBe(firstQuestion);
    await expect(page.getByText(/Question 1 of 4/).first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});
