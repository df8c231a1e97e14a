// The first-run tour and the device check, in real Chromium against the built app and the real sync
// server. With Chromium's fake camera (a moving face made from ../shared/fixtures) and fake
// microphone (espeak-ng sentences), the camera check finds the face through the real vision worker
// and the microphone check hears speech; WebGPU is Chromium's SwiftShader, which the check must call
// a software adapter; the sample question finds no Whisper weights on the mirror and is typed and
// scored instead. Then a denied camera and microphone, and a machine with none, each get their
// explanation and what still works. Every screen of the tour is checked with axe-core.
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { faceY4m, speechWav } from '../helpers/media-fixtures.ts';
import { REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const SHARED_MODELS = resolve(REPO_ROOT, '../shared/models');
const SAMPLE_ANSWER =
  'Last year I had to learn Rust from scratch for an urgent project with a deadline three weeks away. ' +
  'I read the official documentation, took a short course, and asked an expert on another team to review my first pull requests. ' +
  'Within a week I applied it to the real project and built the retry logic myself. We delivered on time, and I learned that practising on real work early is my best approach.';

async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const described = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(described, `axe-core on ${where}`).toEqual([]);
}

/** Presses Tab until the focused element's text is `name`: the control is reachable by keyboard. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === name) return;
  }
  throw new Error(`"${name}" was not reached with the Tab key`);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** Every getUserMedia call and the tracks it opened, recorded in the page before the app runs. */
async function recordMediaUse(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const record = { calls: [] as string[], tracks: [] as MediaStreamTrack[] };
    (window as unknown as { mediaUse: typeof record }).mediaUse = record;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      record.calls.push(constraints?.video ? 'video' : 'audio');
      const stream = await original(constraints);
      record.tracks.push(...stream.getTracks());
      return stream;
    };
  });
}

const mediaCalls = (page: Page) => page.evaluate(() => (window as unknown as { mediaUse: { calls: string[] } }).mediaUse.calls);
const liveTracks = (page: Page) =>
  page.evaluate(() => (window as unknown as { mediaUse: { tracks: MediaStreamTrack[] } }).mediaUse.tracks.filter((track) => track.readyState === 'live').map((track) => track.kind));

const status = (card: Locator) => card.getAttribute('data-status');
const text = (card: Locator, testId: string) => card.getByTestId(testId).innerText();

async function openDeviceCheck(page: Page, serverUrl: string): Promise<void> {
  await page.goto(`${serverUrl}/welcome`);
  await page.getByRole('heading', { level: 1, name: 'Practise interviews on your own device' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your device' }).waitFor();
}

async function storedCounts(page: Page): Promise<{ interviews: number; outbox: number; onboarding: unknown }> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const request = indexedDB.open('interview-buddy');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const read = <T,>(store: string, run: (objects: IDBObjectStore) => IDBRequest<T>) =>
      new Promise<T>((ok, fail) => {
        const request = run(db.transaction(store).objectStore(store));
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
    const onboarding = await read('settings', (store) => store.get('onboarding'));
    return {
      interviews: await read('interviews', (store) => store.count()),
      outbox: await read('outbox', (store) => store.count()),
      onboarding: (onboarding as { value?: unknown } | undefined)?.value ?? null,
    };
  });
}

describe.skipIf(!chromiumAvailable)('first-run onboarding and the device check', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startSyncServer({ MODELS_DIR: SHARED_MODELS });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('is offered on the home screen, runs by keyboard, checks the fake camera and microphone, and scores a typed sample when transcription is unavailable', { timeout: 240_000 }, async () => {
    const browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${faceY4m()}`,
      `--use-file-for-fake-audio-capture=${speechWav().path}`,
    ]);
    try {
      const context = await browser.newContext();
      await recordMediaUse(context);
      const sentWithBody: string[] = [];
      context.on('request', (request) => {
        if (request.postDataBuffer()?.length) sentWithBody.push(`${request.method()} ${request.url()}`);
      });
      const page = await context.newPage();

      await page.goto(server.url);
      const card = page.getByTestId('first-run-card');
      await card.waitFor();
      await expect(card.innerText()).resolves.toContain('what stays on this device');
      await expectNoSeriousAxeViolations(page, 'the home screen with the first-run card');
      await card.getByRole('link', { name: 'Take the tour' }).click();

      // Step 1: its heading has focus; the rest is done with the keyboard.
      await page.getByRole('heading', { level: 1, name: 'Practise interviews on your own device' }).waitFor();
      await expect.poll(() => focusedText(page)).toBe('Practise interviews on your own device');
      await expectNoSeriousAxeViolations(page, 'step 1');
      await tabTo(page, 'Next');
      await page.keyboard.press('Enter');

      // Step 2: what stays on the device, and what syncs once the candidate joins an organisation.
      await expect.poll(() => focusedText(page)).toBe('What stays on this device');
      const privacy = await page.getByTestId('onboarding-privacy').innerText();
      expect(privacy).toContain('Nothing syncs until you join an organisation');
      expect(privacy).toMatch(/Your face: camera frames are analysed inside the browser/);
      expect(privacy).toMatch(/Never synced: audio, video, camera measurements, word timings and your résumé/);
      await expectNoSeriousAxeViolations(page, 'step 2');
      await tabTo(page, 'Next');
      await page.keyboard.press('Enter');

      // Step 3: the device check. Nothing has asked for the camera or microphone yet.
      await expect.poll(() => focusedText(page)).toBe('Check your device');
      const camera = page.getByTestId('check-camera');
      const microphone = page.getByTestId('check-microphone');
      const gpu = page.getByTestId('check-gpu');
      const storage = page.getByTestId('check-storage');
      const install = page.getByTestId('check-install');
      const sample = page.getByTestId('check-sample');
      await expect(status(camera)).resolves.toBe('not-checked');
      await expect(status(microphone)).resolves.toBe('not-checked');

      // WebGPU here is SwiftShader: a software adapter, so the smallest model only and basic scoring.
      await expect.poll(() => status(gpu), { timeout: 60_000 }).toBe('warning');
      await expect(text(gpu, 'check-meaning')).resolves.toMatch(/^WebGPU runs here only on a software adapter \(.*swiftshader.*\).*Only the smallest model \(Tiny · SmolLM2 360M\) is offered, and it will be slow\.$/i);
      await expect(text(gpu, 'check-still-works')).resolves.toMatch(/Basic scoring works at full speed/);
      await expect.poll(() => status(storage)).toBe('ok');
      await expect(text(storage, 'check-meaning')).resolves.toMatch(/^[\d.]+ [KMGT]?B free: room for your interviews and an on-device AI model\.$/);
      // Headless Chromium never offers installation: the check says how to install from the menu.
      await expect(status(install)).resolves.toBe('warning');
      await expect(text(install, 'check-meaning')).resolves.toMatch(/open the browser's menu and choose “Install Interview Buddy”/);
      await expect(text(install, 'check-still-works')).resolves.toContain('Everything works in this browser tab too');
      expect(await mediaCalls(page)).toEqual([]);

      // The camera: a live preview and the face found by the vision worker.
      await camera.getByRole('button', { name: 'Check the camera' }).click();
      await expect.poll(() => status(camera), { timeout: 60_000 }).toBe('ok');
      await expect(text(camera, 'check-meaning')).resolves.toMatch(/^The camera works: your face is in view/);
      const playing = await page.getByTestId('camera-preview').evaluate((video: HTMLVideoElement) => !video.paused && video.readyState >= 2 && video.videoWidth > 0);
      expect(playing).toBe(true);

      // The microphone: the level meter moves and speech is heard.
      await microphone.getByRole('button', { name: 'Check the microphone' }).click();
      await expect.poll(() => status(microphone), { timeout: 30_000 }).toBe('ok');
      await expect(text(microphone, 'check-meaning')).resolves.toBe('The microphone works: we heard you.');
      await expect.poll(async () => Number(await page.getByTestId('microphone-meter').getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await mediaCalls(page)).toEqual(['video', 'audio']);
      await expectNoSeriousAxeViolations(page, 'step 3 with the camera and microphone on');

      // The sample question: answering aloud reaches the speech model, which the mirror lacks.
      await sample.getByRole('button', { name: 'Answer aloud' }).click();
      const problem = sample.getByTestId('voice-problem');
      await problem.waitFor({ timeout: 60_000 });
      await expect(problem.innerText()).resolves.toMatch(/^Voice transcription is not available: .* You can type your answers\.$/);
      await expect(sample.getByTestId('sample-typing-hint').innerText()).resolves.toContain('typing works');
      await sample.getByLabel('Your answer to the sample question').fill(SAMPLE_ANSWER);
      // A few seconds of the camera watching the answer, against a one-minute clock.
      await page.waitForTimeout(2_500);
      await expect(sample.getByTestId('sample-clock').innerText()).resolves.toMatch(/^\d{2}:\d{2} of about 01:00$/);
      await sample.getByRole('button', { name: 'Score my answer' }).click();
      const result = sample.getByTestId('sample-result');
      await result.waitFor({ timeout: 30_000 });
      await expect(result.getByRole('heading', { level: 3 }).innerText()).resolves.toMatch(/^Your sample score: \d+ out of 100$/);
      await expect(result.innerText()).resolves.toMatch(/STAR structure/);
      await expect(sample.getByTestId('sample-camera').innerText()).resolves.toMatch(/^The camera saw you looking at it \d+% of the time\.$/);
      await expect(status(sample)).resolves.toBe('warning');
      await expect(text(sample, 'check-meaning')).resolves.toMatch(/^Scored \d+ out of 100\. Voice transcription is not available on this device, so this answer was typed\.$/);
      await expect(text(sample, 'check-still-works')).resolves.toContain('Typing works for every answer');
      await expectNoSeriousAxeViolations(page, 'step 3 with the sample scored');

      // Checks can be run again.
      await camera.getByRole('button', { name: 'Check again' }).click();
      await expect.poll(() => status(camera), { timeout: 60_000 }).toBe('ok');

      // Leaving the screen releases the camera and microphone; the tour is remembered as done.
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.getByRole('heading', { level: 1, name: 'Practise your next interview' }).waitFor();
      await expect.poll(() => liveTracks(page)).toEqual([]);
      await expect(page.getByTestId('first-run-card').count()).resolves.toBe(0);
      // The sample made no interview and nothing to sync.
      const stored = await storedCounts(page);
      expect(stored).toMatchObject({ interviews: 0, outbox: 0, onboarding: { outcome: 'completed' } });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Practise your next interview' }).waitFor();
      await page.getByRole('heading', { name: 'Past interviews' }).waitFor();
      await expect(page.getByTestId('first-run-card').count()).resolves.toBe(0);
      expect(sentWithBody).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('explains a denied camera and microphone, says what still works, and scores a typed sample', { timeout: 180_000 }, async () => {
    // No fake permission prompt: Chromium's answer to a site that asks is no.
    const browser = await launchChromium(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${faceY4m()}`, `--use-file-for-fake-audio-capture=${speechWav().path}`]);
    try {
      // axe-core needs a page from an explicit context.
      const page = await (await browser.newContext()).newPage();
      await openDeviceCheck(page, server.url);
      const camera = page.getByTestId('check-camera');
      const microphone = page.getByTestId('check-microphone');
      const sample = page.getByTestId('check-sample');

      await camera.getByRole('button', { name: 'Check the camera' }).click();
      await expect.poll(() => status(camera), { timeout: 15_000 }).toBe('failed');
      await expect(text(camera, 'check-status')).resolves.toBe('Not working');
      await expect(text(camera, 'check-meaning')).resolves.toMatch(/^Camera access was denied\. To use it, allow the camera for this site/);
      await expect(text(camera, 'check-still-works')).resolves.toMatch(/^What still works: Interviews work without the camera: you get everything except feedback on eye contact/);

      await microphone.getByRole('button', { name: 'Check the microphone' }).click();
      await expect.poll(() => status(microphone), { timeout: 15_000 }).toBe('failed');
      await expect(text(microphone, 'check-meaning')).resolves.toMatch(/^Microphone access was denied\./);
      await expect(text(microphone, 'check-still-works')).resolves.toMatch(/You can type your answers: everything works, except feedback on how you spoke/);
      await expect(page.getByTestId('check-summary').innerText()).resolves.toMatch(/2 not working/);
      await expectNoSeriousAxeViolations(page, 'step 3 with the camera and microphone denied');

      // The sample: answering aloud fails on the microphone, and typing carries on.
      await sample.getByRole('button', { name: 'Answer aloud' }).click();
      await sample.getByTestId('voice-problem').waitFor({ timeout: 30_000 });
      await expect(sample.getByTestId('voice-problem').innerText()).resolves.toMatch(/^Microphone access is blocked\./);
      await sample.getByLabel('Your answer to the sample question').fill(SAMPLE_ANSWER);
      await sample.getByRole('button', { name: 'Score my answer' }).click();
      await sample.getByTestId('sample-result').waitFor({ timeout: 30_000 });
      await expect(status(sample)).resolves.toBe('warning');
      await expect(text(sample, 'check-still-works')).resolves.toContain('Typing works for every answer');
      // Without a camera there is nothing to say about what it saw.
      await expect(sample.getByTestId('sample-camera').count()).resolves.toBe(0);

      // Skipping from the tour is remembered too.
      await page.getByRole('button', { name: 'Back' }).click();
      await expect.poll(() => focusedText(page)).toBe('What stays on this device');
      await page.getByRole('button', { name: 'Skip the tour' }).click();
      await page.getByRole('heading', { level: 1, name: 'Practise your next interview' }).waitFor();
      await expect((await storedCounts(page)).onboarding).toMatchObject({ outcome: 'skipped' });
      await expect(page.getByTestId('first-run-card').count()).resolves.toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('explains a machine with no camera and no microphone', { timeout: 120_000 }, async () => {
    // Permission granted, but no fake devices, on a machine without any (a CI container, this one).
    const browser = await launchChromium(['--use-fake-ui-for-media-stream']);
    try {
      // axe-core needs a page from an explicit context.
      const page = await (await browser.newContext()).newPage();
      await openDeviceCheck(page, server.url);
      const inputs = await page.evaluate(async () => (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind !== 'audiooutput').map((device) => device.kind));
      expect(inputs, 'this test needs a machine with no camera or microphone').toEqual([]);
      const camera = page.getByTestId('check-camera');
      const microphone = page.getByTestId('check-microphone');
      await camera.getByRole('button', { name: 'Check the camera' }).click();
      await expect.poll(() => status(camera), { timeout: 15_000 }).toBe('failed');
      await expect(text(camera, 'check-meaning')).resolves.toBe('No camera was found. Connect one, or switch it on, then check again.');
      await expect(text(camera, 'check-still-works')).resolves.toContain('Interviews work without the camera');
      await microphone.getByRole('button', { name: 'Check the microphone' }).click();
      await expect.poll(() => status(microphone), { timeout: 15_000 }).toBe('failed');
      await expect(text(microphone, 'check-meaning')).resolves.toMatch(/^No microphone was found\./);
      await expect(text(microphone, 'check-still-works')).resolves.toContain('You can type your answers');
      await expectNoSeriousAxeViolations(page, 'step 3 with no camera or microphone');
      // Dismissing the home screen's offer is remembered as well.
      await page.goto(server.url);
      await page.getByTestId('first-run-card').getByRole('button', { name: 'Not now' }).click();
      await expect(page.getByTestId('first-run-card').count()).resolves.toBe(0);
      await expect.poll(async () => (await storedCounts(page)).onboarding).toMatchObject({ outcome: 'skipped' });
    } finally {
      await browser.close();
    }
  });
});
