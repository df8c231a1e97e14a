// The cloud engine end to end: a candidate who joined an organisation, on a device with no usable
// local model, does a whole interview scored by the organisation's cloud AI. The providers are small
// local HTTP servers speaking OpenAI's chat-completions protocol, started here, with one that
// answers 429, one that returns broken JSON, and one that hangs: the gateway fails over past each,
// the circuit breaker stops calling the broken and hanging ones, and the interview completes, streamed
// over SSE, with evidence-quoted scores from the cloud engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startFakeOpenAiProvider, type FakeOpenAiProvider } from '../helpers/fake-openai-provider.ts';
import { submitAnswer } from '../helpers/interview-actions.ts';
import { createInviteCode } from '../helpers/invite-code.ts';
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

    await page.goto(`${server.url}/sync`);
    await page.getByLabel('Invite code').fill(code);
    await page.getByLabel('Your name').fill('Cleo Cloud');
    await page.getByRole('button', { name: 'Join organisation' }).click();
    await expect.poll(() => page.getByTestId('sync-status').innerText(), { timeout: 30_000 }).toMatch(/up to date/i);

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
});
