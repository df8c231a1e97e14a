// The camera in a whole interview, in real Chromium: a fake camera plays a moving face (made from
// ../shared/fixtures with ffmpeg), the real FaceLandmarker (MODELS_DIR=../shared/models, through the
// sync server's /models) runs in the vision worker, the 1-second samples are stored with each turn in
// IndexedDB, and the report shows them as a timeline. A denied camera is said plainly, and the
// interview goes on without it.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startBehaviouralInterview, submitAnswer } from '../helpers/interview-actions.ts';
import { faceY4m } from '../helpers/media-fixtures.ts';
import { REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const SHARED_MODELS = resolve(REPO_ROOT, '../shared/models');
const ANSWERS = [
  'I led the migration of our billing service to Postgres, cut query latency by 40%, and wrote the rollback plan myself.',
  'When two teammates disagreed about an API design, I set up a short meeting and we agreed on criteria first.',
];

const startInterview = (page: Page, serverUrl: string) => startBehaviouralInterview(page, serverUrl, 2);

describe.skipIf(!chromiumAvailable)('the camera during an interview', () => {
  let server: RunningServer;
  let camera: Browser;

  beforeAll(async () => {
    server = await startSyncServer({ MODELS_DIR: SHARED_MODELS });
    camera = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${faceY4m()}`]);
  });

  afterAll(async () => {
    await camera?.close();
    await server?.stop();
  });

  it('tracks the face in the vision worker, stores 1-second samples with each turn, and draws the timeline in the report', async () => {
    const context = await camera.newContext();
    const page = await context.newPage();
    await startInterview(page, server.url);
    const panel = page.getByTestId('camera-panel');
    await expect(panel.getAttribute('data-status')).resolves.toBe('off');
    await page.getByRole('button', { name: 'Turn camera on' }).click();
    await expect.poll(() => panel.getAttribute('data-status'), { timeout: 30_000 }).toBe('on');
    await expect(panel.innerText()).resolves.toContain('No video is stored or sent.');

    for (const answer of ANSWERS) {
      await page.getByLabel('Your answer').fill(answer);
      // Long enough for a few seconds of samples.
      await page.waitForTimeout(3_000);
      await submitAnswer(page);
    }
    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });

    const stored = await page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const request = indexedDB.open('interview-buddy');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      const turns: { index: number; vision?: { second: number; framesWithFace: number; frames: number }[] }[] = await new Promise((ok) => {
        const request = db.transaction('turns').objectStore('turns').getAll();
        request.onsuccess = () => ok(request.result);
      });
      return turns.map((turn) => ({ index: turn.index, vision: turn.vision ?? null }));
    });
    expect(stored).toHaveLength(2);
    for (const turn of stored) {
      expect(turn.vision?.length, `turn ${turn.index} has samples`).toBeGreaterThanOrEqual(2);
      const frames = turn.vision!.reduce((sum, sample) => sum + sample.frames, 0);
      const withFace = turn.vision!.reduce((sum, sample) => sum + sample.framesWithFace, 0);
      expect(withFace / frames).toBeGreaterThan(0.8);
    }

    await expect(page.getByTestId('vision-timeline').count()).resolves.toBe(2);
    await expect(page.getByTestId('vision-timeline').first().locator('svg path.timeline-eye').getAttribute('d')).resolves.toMatch(/^M[\d.]+,[\d.]+ L/);
    const section = await page.getByTestId('visible-behaviour').innerText();
    expect(section).toMatch(/Looked at the camera \d+% of the time across 2 answers, and smiled in \d of 2\./);
    expect(section).toContain('not what you felt or who you are');
    await context.close();
  });

  it('says when the camera is denied, and the interview carries on without it', async () => {
    // No fake permission prompt: Chromium's default answer to a site that asks is no.
    const denied = await launchChromium(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${faceY4m()}`]);
    try {
      const page = await denied.newPage();
      await startInterview(page, server.url);
      await page.getByRole('button', { name: 'Turn camera on' }).click();
      const error = page.getByTestId('camera-error');
      await error.waitFor({ timeout: 15_000 });
      await expect(error.innerText()).resolves.toMatch(/^Camera access was denied\. .*The interview works without it\.$/);
      await expect(page.getByTestId('camera-panel').getAttribute('data-status')).resolves.toBe('failed');
      await page.getByLabel('Your answer').fill(ANSWERS[0]!);
      await submitAnswer(page);
      await page.getByText('Question 2 of 2').waitFor();
    } finally {
      await denied.close();
    }
  });
});
