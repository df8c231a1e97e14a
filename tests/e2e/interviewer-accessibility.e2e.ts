// Every interviewer screen, in both interface languages and both themes, checked with axe-core (WCAG
// 2.0 and 2.1, A and AA; serious and critical findings fail) against the built app and the real sync
// server: sign-in and an invitation link (signed out), then the interview list with interviews pushed
// by candidates' devices, one interview in full with its review panel, the comparison, templates, the
// dashboard, the team, invite codes and the audit log (signed in as an admin). On each: <html lang>
// and the theme are the chosen ones, and in Spanish no heading, control, label or caption reads as one
// of the interviewer catalogues' English strings. Switching language and theme is checked once through
// the header's own controls; after that the choice is written to localStorage and the page reloaded,
// which is what those controls store. Spanish in the dark theme also runs 375 px wide, where no
// screen may scroll sideways.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { interviewEvents, joinDevices, pushBody } from '../helpers/interview-push.ts';
import { signInInBrowser, signInOverHttp } from '../helpers/interviewer-session.ts';
import { createOrgWithAdmin, REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

type Language = 'en' | 'es';
type Theme = 'light' | 'dark';

const ADMIN = { name: 'Acme Hiring', email: 'ada@acme.test', adminName: 'Ada Admin', password: 'correct horse battery' };

/** Every English string of a catalogue that Spanish says differently. */
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
  ready: string;
  /** The catalogues whose English must not show in Spanish (the layout's are always checked). */
  catalogues: string[];
}

describe.skipIf(!chromiumAvailable)('accessibility of every interviewer screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let visitor: BrowserContext;
  let adminPage: Page;
  let visitorPage: Page;
  let signedOut: Screen[];
  let signedIn: Screen[];

  beforeAll(async () => {
    server = await startSyncServer();
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();

    // Three candidates' devices push one finished interview each.
    const session = await signInOverHttp(server.url, ADMIN);
    const devices = await joinDevices(server.url, session, 3, { prefix: 'a11y' });
    const ids: string[] = [];
    for (const device of devices) {
      const events = interviewEvents(device);
      ids.push((events[0]!.payload as { interviewId: string }).interviewId);
      const push = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` }, body: pushBody(device, events) });
      if (!push.ok) throw new Error(`push: HTTP ${push.status} ${await push.text()}`);
    }
    // A pending team invitation: its link is the signed-out accept screen, and the team page lists it.
    const invited = await fetch(`${server.url}/api/interviewer/users/invitations`, {
      method: 'POST',
      headers: session.headers,
      body: JSON.stringify({ v: 1, email: 'bob@acme.test', role: 'interviewer' }),
    });
    if (!invited.ok) throw new Error(`invitation: HTTP ${invited.status}`);
    const { acceptPath } = (await invited.json()) as { acceptPath: string };

    signedOut = [
      { name: 'sign-in', path: '/interviewer', ready: '#sign-in-email', catalogues: ['interviewer'] },
      { name: 'invitation', path: acceptPath, ready: '#accept-name', catalogues: ['team'] },
    ];
    signedIn = [
      { name: 'interviews', path: '/interviewer/interviews', ready: 'table.interviewer-table tbody tr', catalogues: ['interviewer', 'workspace-review'] },
      { name: 'interview', path: `/interviewer/interviews/${ids[0]}`, ready: '[data-testid="interviewer-dimension"]', catalogues: ['interviewer', 'workspace', 'workspace-review', 'sharing'] },
      { name: 'compare', path: `/interviewer/compare?ids=${ids.join(',')}`, ready: '[data-testid="compare-table"]', catalogues: ['workspace-review'] },
      { name: 'templates', path: '/interviewer/templates', ready: 'main form', catalogues: ['workspace'] },
      { name: 'dashboard', path: '/interviewer/dashboard', ready: '[data-figure="interviews-today"]', catalogues: ['dashboard'] },
      { name: 'team', path: '/interviewer/team', ready: '[data-testid="team-member"]', catalogues: ['team'] },
      { name: 'invites', path: '/interviewer/invites', ready: 'table.interviewer-table tbody tr', catalogues: ['interviewer'] },
      { name: 'audit log', path: '/interviewer/audit', ready: '[data-testid="audit-entry"]', catalogues: ['audit'] },
    ];

    // axe-core needs pages from explicit contexts.
    visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    visitorPage = await visitor.newPage();
    admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    adminPage = await admin.newPage();
    await signInInBrowser(adminPage, server.url, ADMIN);
    await adminPage.waitForURL(/\/interviewer\/interviews/);
  });

  afterAll(async () => {
    await visitor?.close();
    await admin?.close();
    await browser?.close();
    await server?.stop();
  });

  const htmlState = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, theme: document.documentElement.dataset.theme }));

  it('switches the language and the theme from the header, and remembers them', async () => {
    const page = adminPage;
    await page.goto(`${server.url}/interviewer/interviews`);
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
    await page.getByLabel('Language', { exact: true }).selectOption('es');
    await page.getByLabel('Theme', { exact: true }).selectOption('dark');
    // Spanish arrives as a separate chunk, so the switch may take a moment.
    await expect.poll(() => htmlState(page)).toEqual({ lang: 'es', theme: 'dark' });
    await page.getByRole('heading', { level: 1, name: 'Entrevistas' }).waitFor();
    await page.getByRole('navigation', { name: 'Páginas de entrevistador' }).getByRole('link', { name: 'Registro de auditoría' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Entrevistas' }).waitFor();
    await expect(htmlState(page)).resolves.toEqual({ lang: 'es', theme: 'dark' });
    await page.getByLabel('Tema', { exact: true }).selectOption('light');
    await page.getByLabel('Idioma', { exact: true }).selectOption('en');
    await expect.poll(() => htmlState(page)).toEqual({ lang: 'en', theme: 'light' });
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
  });

  const combinations: { language: Language; theme: Theme; phone: boolean }[] = [
    { language: 'en', theme: 'light', phone: false },
    { language: 'en', theme: 'dark', phone: false },
    { language: 'es', theme: 'light', phone: false },
    // Spanish is the longer language, so it is the one that must fit a phone.
    { language: 'es', theme: 'dark', phone: true },
  ];

  for (const { language, theme, phone } of combinations) {
    it(`finds nothing serious on any interviewer screen in ${language}, ${theme}${phone ? ', 375 px wide' : ''}`, { timeout: 150_000 }, async () => {
      const found: string[] = [];
      const layoutEnglish = englishOnly('interviewer');
      for (const [page, screens] of [
        [visitorPage, signedOut],
        [adminPage, signedIn],
      ] as const) {
        await page.setViewportSize(phone ? { width: 375, height: 667 } : { width: 1280, height: 900 });
        await page.goto(`${server.url}/interviewer/invites`);
        await page.evaluate(
          ({ language, theme }) => {
            localStorage.setItem('ib.uiLanguage', language);
            localStorage.setItem('ib.theme', theme);
          },
          { language, theme },
        );
        for (const screen of screens) {
          await page.goto(`${server.url}${screen.path}`);
          await page.locator('h1').first().waitFor({ timeout: 15_000 });
          await page.locator(screen.ready).first().waitFor({ timeout: 15_000 });
          const where = `${screen.name} (${screen.path}, ${language}, ${theme}${phone ? ', phone' : ''})`;
          await expect(htmlState(page), where).resolves.toEqual({ lang: language, theme });
          for (const violation of await seriousAxeViolations(page)) found.push(`${where}: ${violation}`);
          if (language === 'es') {
            const english = new Set([...layoutEnglish, ...screen.catalogues.flatMap((namespace) => [...englishOnly(namespace)])]);
            const labels = await page
              .locator('header, main')
              .locator('h1, h2, h3, legend, label, caption, th, summary, a, button, option, .tag, .muted, [role="status"], [aria-label], [placeholder]')
              .evaluateAll((elements) =>
                elements.flatMap((element) => [
                  ((element as HTMLElement).innerText ?? element.textContent ?? '').trim(),
                  element.getAttribute('aria-label') ?? '',
                  element.getAttribute('placeholder') ?? '',
                ]),
              );
            for (const label of new Set(labels)) if (label && english.has(label)) found.push(`${where}: "${label}" is still in English`);
          }
          if (phone) {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (overflow > 0) found.push(`${where} scrolls sideways by ${overflow} px`);
          }
        }
      }
      expect(found, `accessibility problems:\n\n${found.join('\n\n')}`).toEqual([]);
    });
  }
});
