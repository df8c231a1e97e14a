// Progress over time, in real Chromium against the built app and the real sync server: three typed
// interviews scored by the basic engine, then the progress screen's charts, tables, personal bests
// and next-practice suggestion checked against the scores the app stored in IndexedDB (read back
// here, never hard-coded), then the history's search, filters, sort and back/forward on the home
// screen. No Whisper weights can be had here, so two of the interviews get a spoken answer written
// into IndexedDB the way the interview stores one (as tests/e2e/speech-report.e2e.ts does); the
// speech charts are then the app's own code on that data, and the third interview has no voice.
// Both screens are checked with axe-core, on a desktop and a phone, and the progress screen is saved
// as the README's screenshot.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import english from '../../web/i18n/locales/en/progress.json' with { type: 'json' };
import { DIMENSION_WEIGHTS } from '../../workers/llm/basic/heuristic-scorer/score-answer.ts';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startBehaviouralInterview, submitAnswer } from '../helpers/interview-actions.ts';
import { REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

// The README's screenshot is replaced only when asked (UPDATE_SCREENSHOTS=1), like the other screens'.
const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(REPO_ROOT, 'tests/e2e/screenshots') : resolve(REPO_ROOT, 'test-results');
const SCREENSHOT = resolve(SCREENSHOT_DIR, 'progress.png');

interface Plan {
  role: string;
  answers: string[];
  /** Words of a spoken answer to store on the first turn, each `wordSeconds` long, back to back. */
  voice?: { wordSeconds: number };
}

// Three different candidates' worth of answers: thin, middling, strong.
const PLANS: Plan[] = [
  { role: 'Registered nurse', answers: ['I helped a patient once and it went fine.'] },
  {
    role: 'Software Engineer',
    answers: [
      'When our deploys kept failing, I was asked to fix the pipeline. I moved the build to Kubernetes runners and added retries, and failures dropped from 12 to 2 a week.',
      'In my last team I disagreed with a colleague about testing. I proposed we try contract tests for two sprints, we measured the bugs, and we kept them.',
    ],
    voice: { wordSeconds: 0.4 },
  },
  {
    role: 'Product manager',
    answers: [
      'Situation: in 2024 our checkout conversion fell 8% after a redesign at Acme. Task: as the product manager I had to find the cause within two weeks. ' +
        'Action: I analysed 3,000 sessions with our data team, interviewed 12 customers, and found the new address form confused mobile users, so I led a fix with design and engineering. ' +
        'Result: conversion recovered to 4.1% within a month, 0.3 points above where it started, and we now run a usability test before every checkout change.',
    ],
    voice: { wordSeconds: 0.3 },
  },
];

const SPOKEN_WORDS = 'We moved the billing service to a queue so retries stopped losing payments and the team could ship on Fridays again'.split(' ');

interface StoredTurn {
  interviewId: string;
  index: number;
  status: string;
  score: { dimensions: { key: string; label: string; score: number }[] } | null;
}
interface StoredInterview {
  id: string;
  startedAt: string;
  status: string;
  overall: number | null;
  spec: { role: string; type: string; seniority: string };
}

async function readStore(page: Page): Promise<{ interviews: StoredInterview[]; turns: StoredTurn[] }> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const request = indexedDB.open('interview-buddy');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((ok, fail) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => ok(request.result as T[]);
        request.onerror = () => fail(request.error);
      });
    const [interviews, turns] = await Promise.all([all<StoredInterview>('interviews'), all<StoredTurn>('turns')]);
    db.close();
    return { interviews, turns };
  });
}

/** Writes a spoken answer onto an interview's first turn, as the interview stores one. */
async function storeSpokenAnswer(page: Page, interviewId: string, wordSeconds: number): Promise<void> {
  const words = SPOKEN_WORDS.map((text, index) => ({ text: ` ${text}`, start: Math.round(index * wordSeconds * 100) / 100, end: Math.round((index + 1) * wordSeconds * 100) / 100 }));
  await page.evaluate(
    async ({ interviewId, words, transcribed, recordingSeconds }) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const request = indexedDB.open('interview-buddy');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      await new Promise<void>((ok, fail) => {
        const store = db.transaction('turns', 'readwrite').objectStore('turns');
        const read = store.get(`${interviewId}-q0`);
        read.onsuccess = () => {
          store.put({ ...read.result, voice: { words, transcribed, language: 'en', recordingSeconds, modelId: 'onnx-community/whisper-base.en_timestamped' } });
          store.transaction.oncomplete = () => ok();
          store.transaction.onerror = () => fail(store.transaction.error);
        };
      });
      db.close();
    },
    { interviewId, words, transcribed: SPOKEN_WORDS.join(' '), recordingSeconds: words.at(-1)!.end },
  );
}

async function expectNoSeriousAxeViolations(page: Page, where: string, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const described = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(described, `axe-core on ${where}`).toEqual([]);
}

/** Nothing on the screen itself (the shell's header is another area's) reaches past the viewport. */
async function expectMainFitsWidth(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('main, main *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName}.${element.getAttribute('class') ?? ''}`);
  });
  expect(wide, 'elements wider than a phone screen').toEqual([]);
}

const oneDecimal = (value: number) => value.toFixed(1);

/** Per interview (oldest first), the mean of each dimension over its scored, answered turns. */
function dimensionMeans(interviews: StoredInterview[], turns: StoredTurn[]): { interview: StoredInterview; means: Map<string, number> }[] {
  return interviews.map((interview) => {
    const sums = new Map<string, { total: number; count: number }>();
    for (const turn of turns.filter((t) => t.interviewId === interview.id && t.status === 'answered' && t.score)) {
      for (const dimension of turn.score!.dimensions) {
        const sum = sums.get(dimension.key) ?? { total: 0, count: 0 };
        sum.total += dimension.score;
        sum.count += 1;
        sums.set(dimension.key, sum);
      }
    }
    return { interview, means: new Map([...sums].map(([key, sum]) => [key, sum.total / sum.count])) };
  });
}

const historyCount = (page: Page) => page.getByTestId('history-count').innerText();
const listedRoles = (page: Page) => page.locator('.interview-list h3').allInnerTexts();

describe.skipIf(!chromiumAvailable)('progress over time', () => {
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

  it('charts three interviews per rubric area and speech metric, with bests, a next practice and a searchable history', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();

    for (const plan of PLANS) {
      await startBehaviouralInterview(page, server.url, plan.answers.length, plan.role);
      for (const answer of plan.answers) {
        await page.getByLabel('Your answer').fill(answer);
        await submitAnswer(page);
      }
      await page.getByRole('heading', { name: 'Report', exact: true }).waitFor({ timeout: 30_000 });
    }

    let store = await readStore(page);
    const oldestFirst = [...store.interviews].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    expect(oldestFirst.map((interview) => [interview.spec.role, interview.status])).toEqual(PLANS.map((plan) => [plan.role, 'completed']));
    for (const [index, plan] of PLANS.entries()) {
      if (plan.voice) await storeSpokenAnswer(page, oldestFirst[index]!.id, plan.voice.wordSeconds);
    }
    store = await readStore(page);

    // From the home screen's history to the progress screen.
    await page.goto(server.url);
    await page.getByRole('link', { name: 'See your progress' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
    await expect(page.getByTestId('progress-count').innerText()).resolves.toBe('Based on 3 finished interviews.');

    // A chart per rubric area, each with the three interviews' means in its table, oldest first.
    const history = dimensionMeans(oldestFirst, store.turns);
    const keys = [...new Set(history.flatMap((item) => [...item.means.keys()]))];
    expect(keys.length).toBeGreaterThanOrEqual(4);
    const formatDate = (iso: string) => page.evaluate((value) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(value)), iso);
    for (const key of keys) {
      const chart = page.getByTestId(`chart-dimension-${key}`);
      await expect(chart.getByRole('heading', { level: 3 }).innerText(), key).resolves.toBe((english.dimensions as Record<string, string>)[key]);
      await expect(chart.locator('.chart-point').count(), key).resolves.toBe(3);
      await chart.getByText('Show the data').click();
      const rows = await chart.getByTestId(`chart-table-dimension-${key}`).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
      const expected = await Promise.all(
        history.map(async (item) => [await formatDate(item.interview.startedAt), `${item.interview.spec.role} · Behavioural`, `${oneDecimal(item.means.get(key)!)} out of 5`]),
      );
      expect(rows, key).toEqual(expected);
    }
    // The overall chart has the stored overall scores.
    const overallRows = await page.getByTestId('chart-table-overall').locator('tbody tr td:last-child').allTextContents();
    expect(overallRows).toEqual(oldestFirst.map((interview) => `${Math.round(interview.overall!)} out of 100`));

    // Personal best: the highest overall, from the first interview that reached it.
    const best = Math.max(...oldestFirst.map((interview) => interview.overall!));
    const bestInterview = oldestFirst.find((interview) => interview.overall === best)!;
    const bestCard = page.getByTestId('personal-best-overall');
    await expect(bestCard.innerText()).resolves.toContain(`${best} out of 100`);
    await expect(bestCard.getAttribute('data-interview-id')).resolves.toBe(bestInterview.id);
    await expect(bestCard.getByRole('link', { name: /^Open report/ }).getAttribute('href')).resolves.toBe(`/report/${bestInterview.id}`);

    // Next practice: the weakest area over the three, the newest counting most (weights 0.49, 0.7, 1).
    const weights = [0.7 ** 2, 0.7, 1];
    const weighted = keys.map((key) => {
      let total = 0;
      let sum = 0;
      history.forEach((item, index) => {
        const mean = item.means.get(key);
        if (mean === undefined) return;
        total += weights[index]! * mean;
        sum += weights[index]!;
      });
      return { key, shown: Math.round((total / sum) * 10) / 10 };
    });
    const lowest = Math.min(...weighted.map((item) => item.shown));
    const weakest = weighted.filter((item) => item.shown === lowest).map((item) => item.key);
    const suggestion = page.getByTestId('next-practice');
    const suggested = (await suggestion.getAttribute('data-dimension'))!;
    expect(weakest).toContain(suggested);
    const suggestedName = (english.dimensions as Record<string, string>)[suggested]!;
    await expect(page.getByTestId('next-practice-dimension').innerText()).resolves.toBe(`Work on ${suggestedName}`);
    await expect(suggestion.innerText()).resolves.toContain(`over your last 3 interviews: ${oneDecimal(lowest)} out of 5`);
    if (weakest.length > 1) {
      // A tie is explained, and the basic scorer's weights decide it first.
      const tie = page.getByTestId('next-practice-tie');
      await expect(tie.innerText()).resolves.toContain(`Tied at ${oneDecimal(lowest)}`);
      const heaviest = Math.max(...weakest.map((key) => DIMENSION_WEIGHTS[key] ?? 0));
      if (weakest.filter((key) => (DIMENSION_WEIGHTS[key] ?? 0) === heaviest).length === 1) {
        expect(DIMENSION_WEIGHTS[suggested]).toBe(heaviest);
        await expect(tie.getAttribute('data-rule')).resolves.toBe('weight');
      }
    } else {
      await expect(page.getByTestId('next-practice-tie').count()).resolves.toBe(0);
    }
    const newest = oldestFirst.at(-1)!;
    const start = new URL((await page.getByTestId('next-practice-start').getAttribute('href'))!, server.url);
    expect(start.pathname).toBe('/new');
    expect(Object.fromEntries(start.searchParams)).toMatchObject({ role: newest.spec.role, type: newest.spec.type, focus: suggested });
    // The link's setup arrives prefilled, with the dimension to work on said above the form.
    const setup = await page.context().newPage();
    await setup.goto(start.href);
    await setup.locator('#role').waitFor();
    await expect(setup.locator('#role').inputValue()).resolves.toBe(newest.spec.role);
    await expect(setup.locator('#type').inputValue()).resolves.toBe(newest.spec.type);
    await expect(setup.locator('#seniority').inputValue()).resolves.toBe(newest.spec.seniority);
    await expect(setup.getByRole('note').innerText()).resolves.toContain(`This time, work on ${suggestedName}.`);
    await setup.close();

    // Speech: two interviews had a spoken answer (words of 0.4 s and of 0.3 s back to back: 150 and
    // 200 words per minute); the typed one has no point.
    const pace = page.getByTestId('chart-speech-pace');
    await expect(pace.locator('.chart-point').count()).resolves.toBe(2);
    await pace.getByText('Show the data').click();
    await expect(pace.locator('tbody td:last-child').allTextContents()).resolves.toEqual(['150 words per minute', '200 words per minute']);
    await expect(pace.innerText()).resolves.toContain('Target: 120 to 160 words per minute.');
    await expect(page.getByTestId('personal-best-speech-pace').getAttribute('data-interview-id')).resolves.toBe(oldestFirst[1]!.id);

    // Points are one Tab stop per chart; the arrow keys move between interviews, each named with its value.
    const firstKey = keys[0]!;
    const firstChart = page.getByTestId(`chart-dimension-${firstKey}`);
    await firstChart.locator('.chart-point[tabindex="0"]').focus();
    await page.keyboard.press('Home');
    const focusedLabel = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focusedLabel).toBe(`${await formatDate(oldestFirst[0]!.startedAt)}, Registered nurse · Behavioural: ${oneDecimal(history[0]!.means.get(firstKey)!)} out of 5`);
    await expect(firstChart.locator('.chart-tooltip').innerText()).resolves.toBe(focusedLabel);
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-interview-id'))).resolves.toBe(oldestFirst[1]!.id);
    await expect(firstChart.locator('.chart-point[tabindex="0"]').count()).resolves.toBe(1);
    // Reduced motion asked for: the line is drawn at once.
    await expect(firstChart.locator('.chart-line').evaluate((line) => getComputedStyle(line).animationName)).resolves.toBe('none');

    await expectNoSeriousAxeViolations(page, 'the progress screen');
    // The README's picture: the screen as it opens (tables folded), its first screenful and a half.
    await page.reload();
    await page.getByTestId('next-practice').waitFor();
    await page.setViewportSize({ width: 1024, height: 1500 });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // On a phone the charts stack in one column and nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 740 });
    await expectMainFitsWidth(page);
    const lefts = await page.locator('.progress-chart').evaluateAll((charts) => charts.map((chart) => Math.round(chart.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    await expectNoSeriousAxeViolations(page, 'the progress screen on a phone');
    await page.setViewportSize({ width: 1024, height: 900 });

    // A type that has no finished interview says so.
    await page.getByLabel('Show progress for').selectOption('technical');
    await page.getByTestId('progress-empty').waitFor();
    expect(new URL(page.url()).searchParams.get('type')).toBe('technical');
    await page.goBack();
    await page.getByTestId('next-practice').waitFor();

    // In Spanish, the same screen in Spanish words and numbers.
    await page.evaluate(() => localStorage.setItem('ib.uiLanguage', 'es'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tu progreso' }).waitFor();
    await expect(page.getByTestId('next-practice-dimension').innerText()).resolves.toMatch(/^Aspecto a trabajar: /);
    await expect(page.getByTestId(`chart-dimension-${keys[0]}`).locator('tbody td:last-child').first().textContent()).resolves.toBe(
      `${oneDecimal(history[0]!.means.get(keys[0]!)!).replace('.', ',')} sobre 5`,
    );
    await expectNoSeriousAxeViolations(page, 'the progress screen in Spanish');
    await page.evaluate(() => localStorage.setItem('ib.uiLanguage', 'en'));

    // The history: search by role, by words of an answer, filter by score, sort, and step back.
    await page.goto(server.url);
    await page.getByTestId('history-filters').waitFor();
    await expect(historyCount(page)).resolves.toBe('Showing 3 of 3 interviews');
    const search = page.getByLabel('Search your interviews');
    await search.fill('nurse');
    await expect.poll(() => listedRoles(page)).toEqual(['Registered nurse']);
    await expect(historyCount(page)).resolves.toBe('Showing 1 of 3 interviews');
    expect(new URL(page.url()).searchParams.get('q')).toBe('nurse');
    // "Kubernetes" is only in an answer of the second interview.
    await search.fill('kubernetes');
    await expect.poll(() => listedRoles(page)).toEqual(['Software Engineer']);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => listedRoles(page)).toEqual(['Product manager', 'Software Engineer', 'Registered nurse']);

    // Lowest score: the middle interview's overall, so the ones at or above it stay.
    const overalls = oldestFirst.map((interview) => interview.overall!);
    const middle = [...overalls].sort((a, b) => a - b)[1]!;
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Lowest score').fill(String(middle));
    await page.getByLabel('Lowest score').press('Enter');
    const atLeast = oldestFirst.filter((interview) => interview.overall! >= middle);
    await expect.poll(() => historyCount(page)).toBe(`Showing ${atLeast.length} of 3 interviews`);
    await page.getByLabel('Sort by').selectOption('score-high');
    const byScore = [...atLeast].sort((a, b) => b.overall! - a.overall! || b.startedAt.localeCompare(a.startedAt)).map((interview) => interview.spec.role);
    await expect.poll(() => listedRoles(page)).toEqual(byScore);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ min: String(middle), sort: 'score-high' });

    // A reversed range is explained, kept as typed, and not applied.
    await page.getByLabel('Highest score').fill(String(Math.max(0, middle - 1)));
    await page.getByLabel('Highest score').press('Enter');
    await page.getByText('This is below the lowest score, so scores are not being filtered. Swap the two scores.').waitFor();
    await expect(page.getByLabel('Highest score').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect.poll(() => historyCount(page)).toBe('Showing 3 of 3 interviews');
    // The search and filters are this feature's part of the home screen; the list's score badges are
    // the home screen's own (their low-score colours fail contrast, reported to that area).
    await expectNoSeriousAxeViolations(page, 'the history search and filters', '[data-testid="history-filters"]');

    // Back steps through the changes: the range, then the sort.
    await page.goBack();
    await expect.poll(() => historyCount(page)).toBe(`Showing ${atLeast.length} of 3 interviews`);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe(null);
    await expect(page.getByLabel('Sort by').inputValue()).resolves.toBe('newest');
    await page.goForward();
    await expect.poll(() => listedRoles(page)).toEqual(byScore);

    // The search box, the filters and the sort are reachable with the keyboard.
    await page.goto(server.url);
    await page.getByTestId('history-filters').waitFor();
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let presses = 0; presses < 40 && (await focusedId()) !== 'history-search'; presses++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('history-search');
    await page.keyboard.type('nurse');
    await expect.poll(() => listedRoles(page)).toEqual(['Registered nurse']);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('history-sort');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('details.history-more').getAttribute('open')).resolves.toBe('');

    await context.close();
  });
});
