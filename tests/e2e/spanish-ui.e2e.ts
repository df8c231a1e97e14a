// The candidate's screens in Spanish, as a Spanish speaker would use them: the interface language is
// switched on /settings, then a whole typed interview runs in the Spanish interface (setup → interview
// → report) while the interview itself stays in English, chosen separately on the setup screen. Each
// screen is checked for its Spanish labels, and for English left behind: every English sentence of
// the screen's catalogues that Spanish says differently must be absent from the main content.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const ANSWER =
  'At my last job our checkout service was timing out during peak sales. I profiled it, found an N+1 query, added a cache and batched the queries. ' +
  'As a result p95 latency fell from 2.1 seconds to 180 ms and we handled three times the traffic with no incidents.';

type Catalogue = Record<string, unknown>;

function catalogue(language: 'en' | 'es', namespace: string): Catalogue {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'web/i18n/locales', language, `${namespace}.json`), 'utf8')) as Catalogue;
}

function leaves(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  return Object.entries(node as Catalogue).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

/**
 * The English a screen must no longer show: each sentence of these namespaces whose Spanish differs,
 * cut at its placeholders, keeping the pieces long enough to mean something ("Draft saved").
 */
function englishLeftovers(namespaces: string[]): string[] {
  const pieces = new Set<string>();
  for (const namespace of namespaces) {
    const spanish = new Map(leaves(catalogue('es', namespace)));
    for (const [key, english] of leaves(catalogue('en', namespace))) {
      if (spanish.get(key) === english) continue;
      for (const piece of english.split(/\{\{\s*\w+\s*\}\}/)) {
        const trimmed = piece.trim();
        if (trimmed.length >= 8 && /[a-z] [a-z]/i.test(trimmed)) pieces.add(trimmed);
      }
    }
  }
  return [...pieces];
}

async function mainText(page: Page, leaveOut: string[] = []): Promise<string> {
  let text = await page.locator('main').innerText();
  // What the candidate typed and the interview's own (English) questions are not interface text.
  for (const part of leaveOut) text = text.split(part).join(' ');
  return text;
}

async function expectNoEnglish(page: Page, namespaces: string[], leaveOut: string[] = []): Promise<void> {
  const text = await mainText(page, leaveOut);
  const found = englishLeftovers(namespaces).filter((english) => text.includes(english));
  expect(found, `English left on ${page.url()}`).toEqual([]);
}

describe.skipIf(!chromiumAvailable)('the candidate screens in Spanish', () => {
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

  it('runs a whole typed interview in the Spanish interface, in English, with no English left on screen', async () => {
    // An English-speaking browser: Spanish comes only from the candidate's choice.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();

    await page.goto(`${server.url}/settings`);
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('es');
    await page.getByRole('heading', { name: 'Ajustes', exact: true }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');

    // Setup.
    await page.goto(`${server.url}/new`);
    await page.getByRole('heading', { name: 'Nueva entrevista' }).waitFor();
    await expect(page.title()).resolves.toBe('Nueva entrevista · Interview Buddy');
    await expect.poll(() => page.getByTestId('engine-note').getAttribute('data-engine')).toBe('basic');
    await expect(page.getByTestId('engine-note').innerText()).resolves.toMatch(/puntuación básica[\s\S]*Las preguntas salen del banco seleccionado/);
    // The interview's language is its own choice: still English by default, with Spanish on offer.
    const interviewLanguage = page.getByLabel('Idioma de la entrevista');
    await expect(interviewLanguage.inputValue()).resolves.toBe('en');
    await expect(interviewLanguage.locator('option').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['English', 'Español']));
    await expect(page.getByLabel('Nivel').locator('option:checked').innerText()).resolves.toBe('Intermedio');
    await expect(page.getByLabel('Tipo de entrevista').locator('option:checked').innerText()).resolves.toBe('Conductual');
    await page.getByRole('button', { name: 'Empezar la entrevista' }).click();
    await expect(page.locator('#setup-error').innerText()).resolves.toBe('Escribe el puesto para el que practicas.');
    await expectNoEnglish(page, ['setup', 'engine', 'format']);

    await page.getByLabel('Puesto').fill('Software Engineer');
    await page.getByLabel('Número de preguntas').fill('2');
    await page.getByLabel('Duración (minutos)').fill('10');
    await page.getByRole('button', { name: 'Empezar la entrevista' }).click();

    // The interview: its screen in Spanish, its questions in English.
    await page.getByText('Pregunta 1 de 2', { exact: true }).waitFor({ timeout: 30_000 });
    await expect(page.title()).resolves.toBe('Pregunta 1 de 2 · Interview Buddy');
    const firstQuestion = await page.getByTestId('question-text').innerText();
    expect(firstQuestion).toMatch(/\b(you|your|the|a|an)\b/i);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expect(page.getByText('Transcurrido · 10 min previstos').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Encender la cámara' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Responder en voz alta' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('progressbar', { name: 'Progreso de la entrevista' }).getAttribute('aria-valuetext')).resolves.toBe('0 preguntas hechas');
    // An empty answer is refused, and the refusal is said in Spanish.
    await page.getByRole('button', { name: 'Enviar respuesta' }).click();
    await page.getByText('Escribe primero una respuesta o salta la pregunta.').waitFor();
    // Pause and resume.
    await page.getByRole('button', { name: 'Pausar' }).click();
    await page.getByText('La entrevista está en pausa.').waitFor();
    await expect(page.getByText(/El temporizador está parado en \d\d:\d\d\. Pulsa Reanudar cuando quieras seguir\./).isVisible()).resolves.toBe(true);
    await expectNoEnglish(page, ['interview', 'format'], [firstQuestion]);
    await page.getByRole('button', { name: 'Reanudar' }).click();

    await page.getByLabel('Tu respuesta').fill(ANSWER);
    await page.getByText('Borrador guardado').waitFor({ timeout: 10_000 });
    await expect(page.locator('#answer-hint').innerText()).resolves.toMatch(/^\d+ palabras · Ctrl\+Intro para enviar$/);
    await expectNoEnglish(page, ['interview', 'format'], [firstQuestion]);
    await submitInSpanish(page);

    await page.getByText('Pregunta 2 de 2', { exact: true }).waitFor();
    const secondQuestion = await page.getByTestId('question-text').innerText();
    await expect(page.getByText('Esta es la última pregunta: al enviarla se abre tu informe.').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Terminar entrevista' }).click();
    await expect(page.getByRole('group').innerText()).resolves.toContain('¿Terminar la entrevista ahora?');
    await expectNoEnglish(page, ['interview', 'format'], [secondQuestion]);
    await page.getByRole('button', { name: 'Seguir' }).click();
    await page.getByLabel('Tu respuesta').fill(ANSWER);
    await submitInSpanish(page);

    // The report: its own sections belong to the report screen's catalogue; what this area puts
    // there (the interview's level and type) is in Spanish, and the questions stayed English.
    await page.waitForURL(/\/report\//, { timeout: 30_000 });
    await page.getByText(firstQuestion).first().waitFor({ timeout: 30_000 });
    const report = await mainText(page);
    expect(report).toContain('Intermedio · Conductual');
    for (const english of ['Mid-level', 'Behavioural']) expect(report).not.toContain(english);
    expect(report).toContain(secondQuestion);

    // The sync screen, and an error made by the sync client, said in Spanish.
    await page.goto(`${server.url}/sync`);
    await page.getByRole('heading', { name: 'Sincronizar', exact: true }).waitFor();
    await page.getByLabel('Tu nombre').fill('Lucía');
    await page.getByRole('button', { name: 'Unirse a la organización' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toBe('Escribe el código de invitación que te dieron (de 4 a 64 caracteres).');
    await expectNoEnglish(page, ['sync', 'errors']);

    // AI settings, once the device check is done.
    await page.goto(`${server.url}/settings/ai`);
    await page.getByRole('heading', { name: 'Ajustes de IA', exact: true }).waitFor();
    await page.getByTestId('device-facts').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('tier-reason').innerText(), { timeout: 30_000 }).not.toBe('');
    await expect(page.getByRole('radio', { name: /^Automático/ }).isChecked()).resolves.toBe(true);
    await expectNoEnglish(page, ['ai-settings', 'engine', 'format', 'errors']);

    // Back to English: the same screens read as before.
    await page.goto(`${server.url}/settings`);
    await page.getByRole('combobox', { name: 'Idioma de la interfaz' }).selectOption('en');
    await page.goto(`${server.url}/new`);
    await page.getByRole('heading', { name: 'New interview' }).waitFor();
    await expect(page.getByRole('button', { name: 'Start interview' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});

/** Submits the answer in the box; a follow-up, if the engine asks one, is skipped with its Spanish button. */
async function submitInSpanish(page: Page): Promise<void> {
  const before = await page.getByTestId('question-text').innerText();
  await page.getByRole('button', { name: 'Enviar respuesta', exact: true }).click();
  const outcome = await page.waitForFunction(
    (previous) => {
      if (document.querySelector('[data-testid="follow-up"]')) return 'follow-up';
      if (location.pathname.startsWith('/report/')) return 'report';
      const question = document.querySelector('[data-testid="question-text"]');
      return question && question.textContent !== previous ? 'next' : false;
    },
    before,
    { timeout: 30_000 },
  );
  if ((await outcome.jsonValue()) !== 'follow-up') return;
  await expect(page.getByTestId('follow-up').innerText()).resolves.toMatch(/^Tu respuesta: [\s\S]*Repregunta/);
  await page.getByRole('button', { name: 'Saltar repregunta' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="follow-up"]'), undefined, { timeout: 30_000 });
}
