// The cloud engine end to end: a candidate who joined an organisation, on a device with no usable
// local model, does a whole interview scored by the organisation's cloud AI. The providers are small
// local HTTP servers speaking OpenAI's chat-completions protocol, started here, with one that
// answers 429, one that returns broken JSON, and one that hangs: the gateway fails over past each,
// the circuit breaker stops calling the broken and hanging ones, and the interview completes, streamed
// over SSE, with evidence-quoted scores from the cloud engine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startFakeOpenAiProvider, type FakeOpenAiProvider } from '../helpers/fake-openai-provider.ts';
import { submitAnswer } from '../helpers/interview-actions.ts';
import { createInviteCode } from '../helpers/invite-code.ts';
import { joinOrganisation } from '../helpers/join-organisation.ts';
import { answerInterviewTask } from '../helpers/scripted-interview-model.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const ADMIN = { name: 'Cloud Co', email: 'ops@cloud.test', adminName: 'Olu Ops', password: 'correct horse battery' };
const KEY = 'sk-e2e-secret-key';
const BREAKER_THRESHOLD = 3;

const ANSWERS = [
  'I decided to rewrite our flaky deploy script in a week, and deploy failures dropped from five a month to none.',
  'I mentored two juniors through their first on-call rotation and wrote the runbook we still use.',
];

describe.skipIf(!chromiumAvailable)('cloud engine: a whole interview through the provider router', () => {
  let server: RunningServer;
  let browser: Browser;
  const providers: Record<'rateLimited' | 'broken' | 'hanging' | 'healthy', FakeOpenAiProvider> = {} as never;

  beforeAll(async () => {
    providers.broken = await startFakeOpenAiProvider({ apiKey: KEY, mode: 'broken-json' });
    providers.rateLimited = await startFakeOpenAiProvider({ apiKey: KEY, mode: 'rate-limited', retryAfterSeconds: 600 });
    providers.hanging = await startFakeOpenAiProvider({ apiKey: KEY, mode: 'hang' });
    providers.healthy = await startFakeOpenAiProvider({ apiKey: KEY, mode: 'ok', respond: answerInterviewTask, streamChunks: 6 });
    const entry = (name: string, provider: FakeOpenAiProvider, priority: number) => ({
      name,
      baseUrl: provider.url,
      apiKey: KEY,
      model: `${name}-model`,
      dailyQuota: 1000,
      requestsPerMinute: 600,
      priority,
      timeoutMs: 1500,
    });
    server = await startSyncServer({
      AI_PROVIDERS: JSON.stringify([
        entry('broken', providers.broken, 1),
        entry('rate-limited', providers.rateLimited, 2),
        entry('hanging', providers.hanging, 3),
        entry('healthy', providers.healthy, 4),
      ]),
      AI_BREAKER_COOLDOWN_SECONDS: '600',
    });
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all(Object.values(providers).map((provider) => provider?.close()));
  });

  it('fails over past 429, broken JSON and a hanging provider, and scores the interview in the cloud', async () => {
    const code = await createInviteCode(server.url, ADMIN);
    const context = await browser.newContext();
    const page = await context.newPage();

    await joinOrganisation(page, server.url, code, 'Cleo Cloud');

    await page.goto(`${server.url}/new`);
    const engineNote = page.getByTestId('engine-note');
    await expect.poll(() => engineNote.getAttribute('data-engine'), { timeout: 15_000 }).toBe('cloud');
    // Why not local: no model was downloaded on this device. Why cloud: the organisation offers it.
    await expect(engineNote.innerText()).resolves.toMatch(/No on-device model is downloaded.*Cloud AI through Cloud Co's server/s);

    await page.getByLabel('Role').fill('Platform Engineer');
    await page.getByLabel('Number of questions').fill('2');
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.getByText('Question 1 of 2').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('question-text').innerText()).resolves.toMatch(/^Cloud question 1: .*Platform Engineer/);

    for (const answer of ANSWERS) {
      await page.getByLabel('Your answer').fill(answer);
      await submitAnswer(page);
    }
    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });
    const report = await page.locator('main').innerText();
    expect(report).toContain('cloud AI');
    expect(report).toContain('Depth and specificity');
    expect(report).toContain('Rehearse two STAR stories with numbers.');
    // Evidence is the candidate's own words.
    expect(report).toContain(ANSWERS[0]!.split(/\s+/).slice(0, 6).join(' '));
    expect(report).not.toMatch(/stood in/);

    // The rate-limited provider was asked once, then left alone until its Retry-After.
    expect(providers.rateLimited.requests).toHaveLength(1);
    // The broken and hanging ones failed until their breakers opened, and were not called after.
    expect(providers.broken.requests).toHaveLength(BREAKER_THRESHOLD);
    expect(providers.hanging.requests).toHaveLength(BREAKER_THRESHOLD);
    // Every task (plan, follow-up checks, two scores, summary) reached the healthy provider, streamed.
    const tasks = providers.healthy.requests.map((body) => (body.response_format as { json_schema?: { name: string } }).json_schema?.name);
    expect(tasks).toEqual(expect.arrayContaining(['question_plan', 'follow_up', 'answer_scoring', 'interview_summary']));
    expect(providers.healthy.requests.every((body) => body.stream === true)).toBe(true);
    // Keys stay on the server: nothing the browser received contains one.
    expect(await page.content()).not.toContain(KEY);
    await context.close();
  });
  it('reads a PDF résumé, lets the candidate correct the analysis, and tailors the plan to it without the shared cache', async () => {
    const code = await createInviteCode(server.url, ADMIN);
    const context = await browser.newContext();
    const page = await context.newPage();
    const folder = mkdtempSync(join(tmpdir(), 'ib-e2e-resume-'));
    try {
      const pdfPath = join(folder, 'resume.pdf');
      writeFileSync(pdfPath, await resumePdf(['Ada Example', 'Senior Data Engineer at Acme, 2019 to now', 'Built Spark pipelines that process 2 TB a day']));

      await joinOrganisation(page, server.url, code, 'Ada Example');

      await page.goto(`${server.url}/new`);
      await expect.poll(() => page.getByTestId('engine-note').getAttribute('data-engine'), { timeout: 15_000 }).toBe('cloud');
      await page.getByLabel('Role').fill('Data Engineer');
      await page.getByText('Tailor the questions to your résumé').click();
      await page.locator('#resume-file').setInputFiles(pdfPath);
      await expect.poll(() => page.locator('#resume-text').inputValue(), { timeout: 15_000 }).toContain('Built Spark pipelines that process 2 TB a day');
      await expect(page.getByText('the résumé text is sent to your organisation').isVisible()).resolves.toBe(true);

      const analysisRequestsBefore = providers.healthy.requests.length;
      await page.getByRole('button', { name: 'Analyse my résumé' }).click();
      const analysis = page.getByTestId('resume-analysis');
      await analysis.waitFor({ timeout: 30_000 });
      const analysisRequest = providers.healthy.requests.slice(analysisRequestsBefore).find((body) => schemaNameOf(body) === 'resume_analysis');
      // The résumé reached the model only as fenced data.
      expect(analysisRequest?.messages.map((message) => message.content).join('\n')).toMatch(/<<<BEGIN RESUME>>>\n[\s\S]*Built Spark pipelines[\s\S]*\n<<<END RESUME>>>/);
      await expect(page.getByLabel('Skills (comma-separated)').inputValue()).resolves.toBe('TypeScript');
      // The candidate corrects what the model found.
      await page.getByLabel('Skills (comma-separated)').fill('TypeScript, Apache Spark');
      await page.getByLabel('Skills (comma-separated)').press('Tab');
      await page.getByLabel('Job description').fill('We need a data engineer to own our streaming pipelines.');

      const cacheRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/questions/cache')) cacheRequests.push(`${request.method()} ${request.url()}`);
      });
      const planRequestsBefore = providers.healthy.requests.length;
      await page.getByLabel('Number of questions').fill('1');
      await page.getByRole('button', { name: 'Start interview' }).click();
      await page.getByText('Question 1 of 1').waitFor({ timeout: 30_000 });
      const plan = providers.healthy.requests.slice(planRequestsBefore).find((body) => schemaNameOf(body) === 'question_plan');
      const planPrompt = plan?.messages.map((message) => message.content).join('\n') ?? '';
      expect(planPrompt).toMatch(/<<<BEGIN RESUME ANALYSIS>>>[\s\S]*Apache Spark[\s\S]*<<<END RESUME ANALYSIS>>>/);
      expect(planPrompt).toMatch(/<<<BEGIN JOB DESCRIPTION>>>\nWe need a data engineer to own our streaming pipelines\.\n<<<END JOB DESCRIPTION>>>/);
      // A plan built from one candidate's résumé is theirs: it is neither looked up in nor given to the shared cache.
      expect(cacheRequests).toEqual([]);
      await expect(page.getByTestId('question-text').innerText()).resolves.toMatch(/^Cloud question 1: .*Data Engineer/);
    } finally {
      await context.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!chromiumAvailable)('cloud engine: the candidate watches a slow answer stream in, and stops it', () => {
  let server: RunningServer;
  let browser: Browser;
  let slow: FakeOpenAiProvider;

  beforeAll(async () => {
    // Every answer streams in 25 pieces, 200 ms apart: five seconds to watch and to stop.
    slow = await startFakeOpenAiProvider({ apiKey: KEY, mode: 'ok', respond: answerInterviewTask, streamChunks: 25, chunkIntervalMs: 200 });
    server = await startSyncServer({
      AI_PROVIDERS: JSON.stringify([{ name: 'slow', baseUrl: slow.url, apiKey: KEY, model: 'slow-model', dailyQuota: 1000, requestsPerMinute: 600, priority: 1, timeoutMs: 30_000 }]),
    });
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await slow?.close();
  });

  it('shows the answer arriving, and Stop hands the answer to basic scoring at once, telling the candidate', async () => {
    const code = await createInviteCode(server.url, ADMIN);
    const context = await browser.newContext();
    const page = await context.newPage();
    await joinOrganisation(page, server.url, code, 'Sam Stop');

    await page.goto(`${server.url}/new`);
    await expect.poll(() => page.getByTestId('engine-note').getAttribute('data-engine'), { timeout: 15_000 }).toBe('cloud');
    await page.getByLabel('Role').fill('Support Engineer');
    await page.getByLabel('Number of questions').fill('1');
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.getByText('Question 1 of 1').waitFor({ timeout: 30_000 });
    await page.getByLabel('Your answer').fill(ANSWERS[0]!);
    await page.getByRole('button', { name: 'Submit answer' }).click();

    // First the follow-up check, then the scoring: each streams, and each can be stopped.
    const stream = page.getByTestId('model-stream');
    await expect.poll(() => stream.innerText(), { timeout: 15_000 }).toMatch(/^The AI has written \d+ characters…$/);
    const hungUpBefore = slow.hungUpEarly;
    await page.getByRole('button', { name: 'Stop the AI' }).click();
    // Stopping the follow-up check reaches the provider: the server hangs up on it before its answer is complete.
    await expect.poll(() => slow.hungUpEarly, { timeout: 5_000 }).toBe(hungUpBefore + 1);

    // Scoring (temperature 0) is stopped for the candidate at once; the server lets that upstream answer
    // finish into its response cache, since the same request usually comes again.
    await expect.poll(() => stream.innerText(), { timeout: 15_000 }).toMatch(/^The AI has written \d+ characters…$/);
    await page.getByRole('button', { name: 'Stop the AI' }).click();

    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });
    await expect(page.getByText('You stopped the AI, so basic scoring scored this answer.').first().isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('stand-in').innerText()).resolves.toBe('basic scoring stood in');
    await context.close();
  });
});

function schemaNameOf(body: { response_format?: unknown }): string | undefined {
  return (body.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema?.name;
}

/** A one-page résumé PDF made here, with real text for pdf.js to extract. */
async function resumePdf(lines: string[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595, 842]);
  lines.forEach((line, index) => page.drawText(line, { x: 50, y: 780 - index * 20, size: 12, font }));
  return document.save();
}
