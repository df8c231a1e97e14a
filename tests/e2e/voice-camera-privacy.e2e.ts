// Privacy of a voice-and-camera interview, in real Chromium: a candidate who has joined an
// organisation (so sync is on) answers with the fake camera tracked throughout and the fake
// microphone listened to, and every request the browser makes (page, workers, service worker) is
// recorded with its body. None may carry audio or video: no media or binary upload, no body larger
// than a text answer's event batch, nothing that decodes as a long base64 blob, no sample arrays in
// the synced events, and nothing to any host but the organisation's server.
// Whisper weights cannot be had on this machine, so transcription fails to load (the mirror has no
// Whisper files) and the candidate is told to type: the microphone still opens and the VAD worker
// still hears the speech first, which is the audio this test watches for.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startBehaviouralInterview, submitAnswer } from '../helpers/interview-actions.ts';
import { createInviteCode } from '../helpers/invite-code.ts';
import { joinOrganisation, syncNow } from '../helpers/join-organisation.ts';
import { faceY4m, speechWav } from '../helpers/media-fixtures.ts';
import { createOrgWithAdmin, REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const SHARED_MODELS = resolve(REPO_ROOT, '../shared/models');
const ADMIN = { name: 'Privacy Org', email: 'coach@privacy.test', adminName: 'Coach', password: 'a long enough password' };
// A batch of text events is a few KB; a second of 16 kHz audio is 64 KB raw, a camera frame more.
const LARGEST_ALLOWED_BODY = 32 * 1024;
const MEDIA_TYPES = /^(audio|video|image)\/|octet-stream|multipart\//i;
// Base64 (or hex) runs this long are binary data, not words.
const BINARY_RUN = /[A-Za-z0-9+/=]{400,}/;

interface Recorded {
  method: string;
  url: string;
  contentType: string;
  bodyBytes: number;
  body: string;
}

describe.skipIf(!chromiumAvailable)('privacy in a voice-and-camera interview', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSyncServer({ MODELS_DIR: SHARED_MODELS });
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${faceY4m()}`,
      `--use-file-for-fake-audio-capture=${speechWav().path}%noloop`,
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends no audio or video anywhere, while the camera is tracked and the microphone is heard', { timeout: 180_000 }, async () => {
    const context = await browser.newContext();
    const requests: Recorded[] = [];
    const record = (request: Request) => {
      const body = request.postDataBuffer();
      requests.push({
        method: request.method(),
        url: request.url(),
        contentType: request.headers()['content-type'] ?? '',
        bodyBytes: body?.length ?? 0,
        body: body?.toString('utf8') ?? '',
      });
    };
    context.on('request', record);
    const sockets: string[] = [];
    // The microphone and camera really open: counted as the page asks for them (not faked).
    await context.addInitScript(() => {
      const opened: string[] = [];
      (window as unknown as { openedMedia: string[] }).openedMedia = opened;
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await original(constraints);
        stream.getTracks().forEach((track) => opened.push(track.kind));
        return stream;
      };
    });
    const page = await context.newPage();
    page.on('websocket', (socket) => sockets.push(socket.url()));

    const invite = await createInviteCode(server.url, ADMIN);
    await joinOrganisation(page, server.url, invite, 'Ada Private');

    await startBehaviouralInterview(page, server.url, 2);

    await page.getByRole('button', { name: 'Turn camera on' }).click();
    await expect.poll(() => page.getByTestId('camera-panel').getAttribute('data-status'), { timeout: 30_000 }).toBe('on');

    // Answer aloud: the microphone and the VAD start, the speech model is asked for and is missing.
    await page.getByRole('button', { name: 'Answer aloud' }).click();
    const problem = page.getByTestId('voice-problem');
    await problem.waitFor({ timeout: 60_000 });
    await expect(problem.innerText()).resolves.toMatch(/^Voice transcription is not available: .*404 from the mirror.* You can type your answers\.$/);
    await expect(page.getByTestId('voice-answer').getAttribute('data-status')).resolves.toBe('unavailable');
    expect(await page.evaluate(() => (window as unknown as { openedMedia: string[] }).openedMedia)).toEqual(expect.arrayContaining(['video', 'audio']));

    // The candidate types instead; the camera goes on being analysed meanwhile.
    await page.getByLabel('Your answer').fill('I moved our billing service to Postgres and cut latency by forty percent.');
    await page.waitForTimeout(3_000);
    await submitAnswer(page);
    await page.getByText('Question 2 of 2').waitFor();
    await page.getByLabel('Your answer').fill('I set criteria with both teammates first, then we chose the simpler API.');
    await page.waitForTimeout(2_000);
    await submitAnswer(page);
    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });
    // Let the outbox push the interview's events. One visit to the Sync page and "Sync now": reloading
    // inside the poll restarted the sync each time, so a slow machine only ever read "Syncing…".
    await syncNow(page, server.url);

    const origin = new URL(server.url).origin;
    const withBody = requests.filter((request) => request.bodyBytes > 0);
    console.info(`${requests.length} requests, ${withBody.length} with a body (largest ${Math.max(0, ...withBody.map((r) => r.bodyBytes))} bytes): ${[...new Set(withBody.map((r) => `${r.method} ${new URL(r.url).pathname}`))].join(', ')}`);

    // Sync really ran: the answers' events went to the server.
    const pushes = withBody.filter((request) => new URL(request.url).pathname.startsWith('/api/sync'));
    expect(pushes.some((request) => request.body.includes('turn.answered'))).toBe(true);

    for (const request of requests) {
      expect(request.url.startsWith('data:') || request.url.startsWith('blob:') || new URL(request.url).origin === origin, `${request.method} ${request.url} goes to this server only`).toBe(true);
    }
    for (const request of withBody) {
      const where = `${request.method} ${request.url}`;
      expect(request.contentType, `${where} is not a media or binary upload`).not.toMatch(MEDIA_TYPES);
      expect(request.bodyBytes, `${where} is small`).toBeLessThanOrEqual(LARGEST_ALLOWED_BODY);
      expect(BINARY_RUN.test(request.body), `${where} carries no base64 blob`).toBe(false);
      // The samples and transcripts stored with each turn stay on the device. A consent flag
      // (`"audio": false` in consent.changed) names the item without carrying any of it.
      expect(request.body, `${where} carries no camera samples or recordings`).not.toMatch(/"(vision|voice|samples|frames|audio|words)"\s*:\s*(?!true\b|false\b)/);
    }
    expect(sockets).toEqual([]);
    await context.close();
  });
});
