// The on-device model's download, as a candidate does it in AI settings, from the organisation's
// mirror (the sync server's /models, served from MODELS_DIR): the size and free space first, consent,
// progress, cancel, a reload that resumes, the cached list, an interview that tries the model and
// falls back visibly when it cannot run, and delete. A full disk is shown as what it is.
// The mirror holds a generated FAKE model laid out where the recommended catalogue model's record
// points (tests/helpers/fake-mlc-model.ts): real files, sizes and Range requests, but random bytes,
// so web-llm fails to compile its library; what a real model does is listed in ARCHITECTURE.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { writeFakeMlcModel, type FakeMlcModel } from '../helpers/fake-mlc-model.ts';
import { submitAnswer } from '../helpers/interview-actions.ts';
import { startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

// Three 3 MB shards, each held back before it starts, so there is time to cancel between files.
const SHARD_BYTES = [3_000_001, 3_000_003, 3_000_007];
const SHARD_DELAY_MS = 700;

describe.skipIf(!chromiumAvailable)('on-device model download in AI settings', () => {
  let server: RunningServer;
  let browser: Browser;
  let modelsDir: string;

  beforeAll(async () => {
    modelsDir = mkdtempSync(join(tmpdir(), 'ib-e2e-models-'));
    server = await startSyncServer({ MODELS_DIR: modelsDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(modelsDir, { recursive: true, force: true });
  });

  /** Opens AI settings and puts a fake model on the mirror where the recommended model's record points. */
  async function openSettingsWithMirroredModel(page: Page): Promise<FakeMlcModel> {
    await page.goto(`${server.url}/settings/ai`);
    await page.getByRole('heading', { name: 'AI settings' }).waitFor();
    const recommended = page.locator('input[name="model"]:checked');
    await recommended.waitFor({ state: 'attached' });
    const modelId = await recommended.getAttribute('value');
    const record = prebuiltAppConfig.model_list.find((candidate) => candidate.model_id === modelId);
    expect(record, `the recommended model ${modelId} is in web-llm's catalogue`).toBeTruthy();
    return writeFakeMlcModel(modelsDir, { modelId: record!.model_id, modelUrl: record!.model, modelLibUrl: record!.model_lib, shardBytes: SHARD_BYTES });
  }

  /** Records the shard requests the page makes (with any Range header), holding each back a little. */
  async function watchShards(context: BrowserContext): Promise<{ url: string; range: string | null }[]> {
    const seen: { url: string; range: string | null }[] = [];
    await context.route(/\/models\/.*params_shard_\d+\.bin$/, async (route) => {
      seen.push({ url: route.request().url(), range: (await route.request().allHeaders())['range'] ?? null });
      await new Promise((resolve) => setTimeout(resolve, SHARD_DELAY_MS));
      await route.continue();
    });
    return seen;
  }

  it('asks first, shows progress, cancels, resumes after a reload, runs an interview that falls back visibly, and deletes', async () => {
    // Service workers are blocked so the route above sees the page's requests (a controlling service
    // worker would fetch them itself); the download code is the same either way.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const shardRequests = await watchShards(context);
    const fake = await openSettingsWithMirroredModel(page);
    await expect(page.getByTestId('tier-reason').innerText()).resolves.toMatch(/shader-f16|f32/i);
    await expect(page.getByTestId('engine-now').getAttribute('data-engine')).resolves.toBe('basic');

    // Consent: the size and the free space before anything is fetched, and "Not now" fetches nothing.
    await page.getByRole('button', { name: 'Download model…' }).click();
    const offer = page.getByRole('group', { name: / download\. This device has / });
    await offer.waitFor();
    const offerText = await offer.innerText();
    expect(offerText).toMatch(/is a [\d.]+ MB download\. This device has [\d.]+ [KMGT]?B free storage\./);
    await page.getByRole('button', { name: 'Not now' }).click();
    await expect.poll(() => page.getByTestId('download-panel').getAttribute('data-phase')).toBe('idle');
    expect(shardRequests).toHaveLength(0);

    // Start, watch progress, cancel once the first shard is in.
    await page.getByRole('button', { name: 'Download model…' }).click();
    await page.getByRole('button', { name: /^Download [\d.]+ MB$/ }).click();
    await page.getByRole('progressbar', { name: 'Model download' }).waitFor();
    await expect
      .poll(async () => Number(await page.getByRole('progressbar', { name: 'Model download' }).getAttribute('aria-valuenow')), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(SHARD_BYTES[0]!);
    await expect(page.getByTestId('download-progress').innerText()).resolves.toMatch(/[\d.]+ [KM]?B of [\d.]+ MB · [\d.]+ [KM]?B\/s/);
    await page.getByRole('button', { name: 'Cancel download' }).click();
    await expect.poll(() => page.getByTestId('download-panel').getAttribute('data-phase')).toBe('idle');
    await expect(page.getByText('No model is stored on this device.').isVisible()).resolves.toBe(true);
    const firstTry = shardRequests.splice(0);
    expect(firstTry.length).toBeGreaterThanOrEqual(1);

    // A reload, then the download again: what arrived before is not fetched again.
    await page.reload();
    await page.getByRole('heading', { name: 'AI settings' }).waitFor();
    await page.getByRole('button', { name: 'Download model…' }).click();
    await page.getByRole('button', { name: /^Download [\d.]+ MB$/ }).click();
    await page.getByTestId('cached-models').waitFor({ timeout: 30_000 });
    const firstShard = fake.files.find((file) => file.mirrorPath.endsWith('params_shard_0.bin'))!;
    expect(shardRequests.some((request) => request.url.endsWith(firstShard.mirrorPath) && request.range === null)).toBe(false);
    expect(shardRequests.length).toBeLessThan(SHARD_BYTES.length + firstTry.length);
    const cachedText = await page.getByTestId('cached-models').innerText();
    expect(cachedText).toMatch(/in use/);
    await expect.poll(() => page.getByTestId('engine-now').getAttribute('data-engine'), { timeout: 15_000 }).toBe('local');

    // An interview on the downloaded model: it cannot run (its library is random bytes), so basic
    // scoring stands in and the report says so next to the answer.
    await page.goto(`${server.url}/new`);
    await expect.poll(() => page.getByTestId('engine-note').getAttribute('data-engine'), { timeout: 15_000 }).toBe('local');
    await page.getByLabel('Role').fill('Software Engineer');
    await page.getByLabel('Interview type').selectOption('behavioural');
    await page.getByLabel('Number of questions').fill('2');
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.getByText('Question 1 of 2').waitFor({ timeout: 30_000 });
    await page.getByLabel('Your answer').fill('I led the move of our billing service to Postgres, cut p95 latency by 40%, and wrote the rollback plan myself.');
    await submitAnswer(page);
    // The candidate is told at once, not only in the report.
    await page.getByText('Question 2 of 2').waitFor();
    await expect(page.getByTestId('stand-in-notice').innerText()).resolves.toMatch(/could not be used \(The on-device model's files are damaged.*\), so basic scoring stood in\.$/);
    await page.getByLabel('Your answer').fill('When two teammates disagreed on an API design, I wrote down both options and we agreed on criteria first.');
    await submitAnswer(page);
    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });
    await expect(page.getByText(/answer could not be used \(The on-device model's files are damaged/).first().isVisible()).resolves.toBe(true);
    // And the report does not claim the on-device model scored it.
    await expect(page.getByTestId('stand-in').innerText()).resolves.toBe('basic scoring stood in');
    await expect(page.getByRole('note').innerText()).resolves.toMatch(/^The interview started on on-device AI \(SmolLM2 360M\), but it could not be used for 2 of 2 answers and the summary, so basic scoring stood in\./);

    // Delete: the model goes, and with it the local engine.
    await page.goto(`${server.url}/settings/ai`);
    await page.getByTestId('cached-models').waitFor();
    await page.getByTestId('cached-models').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No model is stored on this device.').waitFor();
    await expect.poll(() => page.getByTestId('engine-now').getAttribute('data-engine')).toBe('basic');
    await context.close();
  });

  it('says so when the disk is full, and keeps basic scoring', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // A real QuotaExceededError: Chromium is told this origin may store 2 MB, less than one shard.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: 2 * 1024 * 1024 });
    await openSettingsWithMirroredModel(page);
    await page.getByRole('button', { name: 'Download model…' }).click();
    await page.getByRole('button', { name: /^Download [\d.]+ MB$/ }).click();
    const alert = page.getByTestId('download-error');
    await alert.waitFor({ timeout: 30_000 });
    const message = await alert.innerText();
    expect(message).toMatch(/^Not enough free storage: .*\d+ MB.* choose a smaller model\./);
    expect(message).toMatch(/basic scoring is used/);
    await expect(page.getByText('No model is stored on this device.').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('engine-now').getAttribute('data-engine')).resolves.toBe('basic');
    await context.close();
  });
});
