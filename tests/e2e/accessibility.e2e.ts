// Every candidate screen, in both interface languages and both themes, checked with axe-core (WCAG 2.0
// and 2.1, A and AA; serious and critical findings fail) against the built app and the real sync
// server. The data is made through the UI: a finished typed interview (its first answer then given
// the words and camera samples a spoken, filmed answer stores, as speech-report.e2e.ts does, so the
// report's speech and camera sections and the replay have content) and an interview left in
// progress. Switching language and theme is checked once through /settings; after that the choice
// is written to localStorage and the page reloaded, which is what /settings stores. One combination
// is also run at 375 px wide, where no screen may scroll sideways.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startBehaviouralInterview, submitAnswer } from '../helpers/interview-actions.ts';
import { REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

type Language = 'en' | 'es';
type Theme = 'light' | 'dark';

const SPOKEN = 'Um, so I led the, you know, migration of billing to Postgres. Uh, it cut latency by forty percent.';

function spokenWords() {
  let at = 1.2;
  return SPOKEN.split(' ').map((text) => {
    if (text === 'Uh,') at += 2.5;
    const word = { text, start: Math.round(at * 100) / 100, end: Math.round((at + 0.3) * 100) / 100 };
    at += 0.36;
    return word;
  });
}

/** Ten seconds of camera samples: a face in view, mostly looking at the camera, a smile, a busy head. */
function visionSamples() {
  return Array.from({ length: 10 }, (_, second) => ({
    second,
    frames: 10,
    framesWithFace: 10,
    framesWithSeveralFaces: 0,
    eyeContact: second < 7 ? 0.9 : 0.2,
    yaw: 3,
    pitch: -2,
    roll: 1,
    headMovement: 3.5,
    smile: second === 4 ? 0.6 : 0.1,
    browRaise: 0.1,
    jawTension: 0.1,
    blinks: second % 3 === 0 ? 1 : 0,
  }));
}

/** Every English string of a catalogue that Spanish says differently, placeholders and all. */
function englishOnly(namespace: string): Set<string> {
  const read = (language: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'web/i18n/locales', language, `${namespace}.json`), 'utf8')) as unknown;
  const leaves = (node: unknown, path = ''): [string, string][] =>
    typeof node === 'string' ? [[path, node]] : Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leaves(value, `${path}.${key}`));
  const spanish = new Map(leaves(read('es')));
  return new Set(leaves(read('en')).filter(([key, english]) => spanish.get(key) !== english).map(([, english]) => english.trim()));
}

interface Screen {
  name: string;
  path: string;
  /** Waited for after the h1: the screen's content once loaded. */
  ready?: string;
  /** Presses Next this many times on the tour, checking each step. */
  tourSteps?: number;
  /** Tabs through this many stops, checking that focus can be seen at each. */
  focusStops?: number;
  /** In Spanish, no heading, control or tag may read as one of these catalogues' English strings. */
  catalogues?: string[];
}

describe.skipIf(!chromiumAvailable)('accessibility of every candidate screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let screens: Screen[];

  beforeAll(async () => {
    server = await startSyncServer();
    browser = await launchChromium();
    // axe-core needs a page from an explicit context.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();

    await startBehaviouralInterview(page, server.url, 2);
    for (const answer of [
      'I led the migration of billing to Postgres, planned it with the team, and it cut latency by forty percent for our customers.',
      'When two teams disagreed about an API, I wrote down both options with their costs, we agreed on one in a day, and shipped it.',
    ]) {
      await page.getByLabel('Your answer').fill(answer);
      await submitAnswer(page, { followUpAnswer: 'I measured it before and after with the same load test, and wrote it up for the team.' });
    }
    await page.getByTestId('overall-score').waitFor({ timeout: 30_000 });
    const finishedId = new URL(page.url()).pathname.split('/').pop()!;
    await page.evaluate(
      async ({ interviewId, words, transcribed, samples }) => {
        const db: IDBDatabase = await new Promise((ok, fail) => {
          const request = indexedDB.open('interview-buddy');
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
        await new Promise<void>((ok, fail) => {
          const store = db.transaction('turns', 'readwrite').objectStore('turns');
          const all = store.getAll();
          all.onsuccess = () => {
            const turns = (all.result as Record<string, unknown>[]).filter((turn) => turn.interviewId === interviewId);
            const first = turns.find((turn) => turn.index === 0)!;
            store.put({ ...first, vision: samples, voice: { words, transcribed, language: 'en', recordingSeconds: 12, modelId: 'onnx-community/whisper-tiny.en_timestamped' } });
            store.transaction.oncomplete = () => ok();
            store.transaction.onerror = () => fail(store.transaction.error);
          };
        });
        db.close();
      },
      { interviewId: finishedId, words: spokenWords(), transcribed: SPOKEN, samples: visionSamples() },
    );

    await startBehaviouralInterview(page, server.url, 3, 'Product Manager');
    const inProgressId = new URL(page.url()).pathname.split('/').pop()!;

    await page.goto(`${server.url}/challenges`);
    const challengeHref = await page
      .locator('main a[href^="/challenges/"]')
      .first()
      .getAttribute('href', { timeout: 15_000 });
    expect(challengeHref).toMatch(/^\/challenges\/[^/]+\/[^/]+$/);

    screens = [
      { name: 'home', path: '/', ready: '.interview-list', focusStops: 12, catalogues: ['home'] },
      { name: 'setup', path: '/new', focusStops: 8 },
      { name: 'interview', path: `/interview/${inProgressId}`, ready: 'textarea' },
      { name: 'report', path: `/report/${finishedId}`, ready: '[data-testid="speech-delivery"]', focusStops: 14, catalogues: ['report'] },
      { name: 'replay', path: `/replay/${finishedId}` },
      { name: 'progress', path: '/progress' },
      { name: 'challenges', path: '/challenges', ready: 'main a[href^="/challenges/"]' },
      { name: 'challenge', path: challengeHref!, ready: '.cm-editor' },
      { name: 'my data', path: '/my-data' },
      { name: 'settings', path: '/settings', focusStops: 8 },
      { name: 'AI settings', path: '/settings/ai', ready: '[data-testid="device-facts"]' },
      { name: 'sync', path: '/sync' },
      { name: 'welcome', path: '/welcome', tourSteps: 2 },
      { name: 'not found', path: '/no-such-screen' },
    ];
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  async function choose(language: Language, theme: Theme): Promise<void> {
    await page.evaluate(
      ({ language, theme }) => {
        localStorage.setItem('ib.uiLanguage', language);
        localStorage.setItem('ib.theme', theme);
      },
      { language, theme },
    );
  }

  async function htmlState(): Promise<{ lang: string; theme: string | undefined }> {
    return page.evaluate(() => ({ lang: document.documentElement.lang, theme: document.documentElement.dataset.theme }));
  }

  it('switches the language and the theme through /settings', async () => {
    await page.goto(`${server.url}/settings`);
    await page.locator('h1').waitFor();
    await page.locator('#ui-language').selectOption('es');
    await page.getByRole('radio', { name: 'Oscuro' }).check();
    await expect(htmlState()).resolves.toEqual({ lang: 'es', theme: 'dark' });
    await page.reload();
    await expect(page.locator('h1').innerText()).resolves.toBe('Ajustes');
    await expect(htmlState()).resolves.toEqual({ lang: 'es', theme: 'dark' });
    await page.getByRole('radio', { name: 'Claro' }).check();
    await page.locator('#ui-language').selectOption('en');
    await expect(htmlState()).resolves.toEqual({ lang: 'en', theme: 'light' });
  });

  /** axe-core on the current screen; what it finds is added to `found`, named by `where`. */
  async function check(where: string, found: string[]): Promise<void> {
    for (const violation of await seriousAxeViolations(page)) found.push(`${where}: ${violation}`);
  }

  /**
   * Tabs through the first `presses` stops of the screen and names each focused element whose focus
   * is not visible: no outline of 2 px or more and no box-shadow ring, or an outline whose colour has
   * less than 3:1 contrast against what is painted behind it.
   */
  async function invisibleFocus(presses: number): Promise<string[]> {
    await page.locator('body').focus();
    const problems: string[] = [];
    for (let press = 0; press < presses; press++) {
      await page.keyboard.press('Tab');
      const problem = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
        const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const luminance = (colour: string) => {
          const [r, g, b] = rgb(colour).map((v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const contrast = (a: string, b: string) => {
          const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (high! + 0.05) / (low! + 0.05);
        };
        const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        if (!outlined && style.boxShadow === 'none') return `${name}: no outline or ring`;
        if (!outlined) return null;
        // The outline sits just outside the element, on whatever its parents paint: a colour, or every
        // stop of a gradient.
        let backgrounds: string[] = [getComputedStyle(document.body).backgroundColor];
        for (let holder = element.parentElement; holder; holder = holder.parentElement) {
          const painted = getComputedStyle(holder);
          const stops = painted.backgroundImage.includes('gradient') ? (painted.backgroundImage.match(/rgba?\([^)]*\)/g) ?? []).filter((stop) => (stop.match(/[\d.]+/g) ?? []).map(Number)[3] !== 0) : [];
          const solid = (painted.backgroundColor.match(/[\d.]+/g) ?? []).map(Number)[3] !== 0 ? [painted.backgroundColor] : [];
          if (stops.length + solid.length > 0) {
            backgrounds = [...stops, ...solid];
            break;
          }
        }
        const faint = backgrounds.filter((background) => contrast(style.outlineColor, background) < 3);
        return faint.length > 0 ? `${name}: outline ${style.outlineColor} on ${faint.join(', ')} is under 3:1` : null;
      });
      if (problem) problems.push(problem);
    }
    return problems;
  }

  async function sidewaysOverflow(): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  const combinations: { language: Language; theme: Theme; phone: boolean }[] = [
    { language: 'en', theme: 'light', phone: false },
    { language: 'en', theme: 'dark', phone: false },
    { language: 'es', theme: 'light', phone: false },
    // Spanish is the longer language, so it is the one that must fit a phone.
    { language: 'es', theme: 'dark', phone: true },
  ];

  for (const { language, theme, phone } of combinations) {
    it(`finds nothing serious on any screen in ${language}, ${theme}${phone ? ', 375 px wide' : ''}`, { timeout: 150_000 }, async () => {
      await page.setViewportSize(phone ? { width: 375, height: 667 } : { width: 1280, height: 900 });
      await page.goto(`${server.url}/settings`);
      await choose(language, theme);
      const found: string[] = [];
      const overflowing: string[] = [];
      const unfocused: string[] = [];
      for (const screen of screens) {
        await page.goto(`${server.url}${screen.path}`);
        await page.locator('h1').first().waitFor({ timeout: 15_000 });
        if (screen.ready) await page.locator(screen.ready).first().waitFor({ timeout: 15_000 });
        const where = `${screen.name} (${screen.path}, ${language}, ${theme}${phone ? ', phone' : ''})`;
        await expect(htmlState(), where).resolves.toEqual({ lang: language, theme });
        await check(where, found);
        if (language === 'es' && screen.catalogues) {
          const english = new Set(screen.catalogues.flatMap((namespace) => [...englishOnly(namespace)]));
          const labels = await page
            .locator('main')
            .locator('h1, h2, summary, a, button, .tag, .eyebrow, .score-ring-label, .muted, [aria-label]')
            .evaluateAll((elements) => elements.flatMap((element) => [((element as HTMLElement).innerText ?? element.textContent ?? '').trim(), element.getAttribute('aria-label') ?? '']));
          for (const label of labels) if (english.has(label)) found.push(`${where}: "${label}" is still in English`);
        }
        // Whether focus shows depends on the theme, not the language: checked in English only, to save time.
        if (screen.focusStops && language === 'en') for (const problem of await invisibleFocus(screen.focusStops)) unfocused.push(`${where}: ${problem}`);
        if (phone) {
          const overflow = await sidewaysOverflow();
          if (overflow > 0) overflowing.push(`${where} scrolls sideways by ${overflow} px`);
        }
        for (let step = 1; step <= (screen.tourSteps ?? 0); step++) {
          const heading = await page.locator('h1').first().innerText();
          await page.getByRole('button', { name: language === 'es' ? 'Siguiente' : 'Next', exact: true }).click();
          await expect.poll(() => page.locator('h1').first().innerText()).not.toBe(heading);
          await check(`${where}, tour step ${step + 1}`, found);
        }
      }
      const report = [...found, ...overflowing, ...unfocused.map((problem) => `focus cannot be seen: ${problem}`)];
      expect(report, `accessibility problems:\n\n${report.join('\n\n')}`).toEqual([]);
    });
  }
});
