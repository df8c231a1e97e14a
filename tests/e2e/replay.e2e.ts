// Replay of a past interview, in real Chromium against the built app and the real sync server, with
// the fake camera (tracked by the real vision worker) and the fake microphone (espeak-ng sentences
// with known timing, tests/helpers/media-fixtures.ts). The candidate turns "keep recordings" on and
// answers the first question aloud: no Whisper weights can be had here, so speech-to-text is
// unavailable and the answer is recorded only, then typed; the recording is stored in IndexedDB as
// Opus. The second question is answered aloud with the setting off, and nothing more is stored.
// The transcript's words are then written into IndexedDB the way the interview stores them
// (TurnRecord.voice, as tests/e2e/speech-report.e2e.ts does), at the times the fixture says the
// first sentence was spoken, paired with the real recording; from there the replay is the app's own
// code: the words light up as the audio's currentTime passes them, a word plays from where it was
// said, the keyboard moves between words, the speech and camera timelines sit beside the
// transcript, axe-core finds nothing serious, and the recording is deleted after a confirmation.
// The README's screenshot is saved on the way.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startBehaviouralInterview, submitAnswer } from '../helpers/interview-actions.ts';
import { faceY4m, speechWav, SPEECH_SCRIPT, type SpeechFixture } from '../helpers/media-fixtures.ts';
import { REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const SHARED_MODELS = resolve(REPO_ROOT, '../shared/models');
// The README's screenshot is replaced only when asked (UPDATE_SCREENSHOTS=1), like the other screens'.
const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(REPO_ROOT, 'tests/e2e/screenshots') : resolve(REPO_ROOT, 'test-results');
const SCREENSHOT = resolve(SCREENSHOT_DIR, 'replay.png');
const KEEP_LABEL = 'Keep recordings of my spoken answers on this device';
const FIRST_SENTENCE = (SPEECH_SCRIPT.find((part) => 'say' in part) as { say: string }).say;

interface StoredRecording {
  id: string;
  interviewId: string;
  turnId: string;
  isBlob: boolean;
  blobType: string;
  blobSize: number;
  magic: string;
  mimeType: string;
  bytes: number;
  durationSeconds: number;
  captureOffsetSeconds: number;
  voiceStartSeconds: number;
}

async function storedRecordings(page: Page): Promise<StoredRecording[]> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const request = indexedDB.open('interview-buddy');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const rows = await new Promise<Record<string, unknown>[]>((ok, fail) => {
      const request = db.transaction('recordings').objectStore('recordings').getAll();
      request.onsuccess = () => ok(request.result as Record<string, unknown>[]);
      request.onerror = () => fail(request.error);
    });
    db.close();
    return Promise.all(
      rows.map(async (row) => {
        const blob = row.blob as Blob;
        const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
        return {
          id: row.id as string,
          interviewId: row.interviewId as string,
          turnId: row.turnId as string,
          isBlob: blob instanceof Blob,
          blobType: blob.type,
          blobSize: blob.size,
          magic: [...head].map((byte) => byte.toString(16).padStart(2, '0')).join(''),
          mimeType: row.mimeType as string,
          bytes: row.bytes as number,
          durationSeconds: row.durationSeconds as number,
          captureOffsetSeconds: row.captureOffsetSeconds as number,
          voiceStartSeconds: row.voiceStartSeconds as number,
        };
      }),
    );
  });
}

/** The first sentence's words, spread evenly over where the fixture measured it, on the capture's clock. */
function firstSentenceWords(speech: SpeechFixture) {
  const segment = speech.speechSegments[0]!;
  const texts = FIRST_SENTENCE.split(' ');
  const each = (segment.end - segment.start) / texts.length;
  return texts.map((text, index) => ({ text: ` ${text}`, start: round(segment.start + index * each), end: round(segment.start + (index + 1) * each) }));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

async function storeVoice(page: Page, turnId: string, voice: unknown): Promise<void> {
  await page.evaluate(
    async ({ turnId, voice }) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const request = indexedDB.open('interview-buddy');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      await new Promise<void>((ok, fail) => {
        const store = db.transaction('turns', 'readwrite').objectStore('turns');
        const read = store.get(turnId);
        read.onsuccess = () => {
          store.put({ ...read.result, voice });
          store.transaction.oncomplete = () => ok();
          store.transaction.onerror = () => fail(store.transaction.error);
        };
      });
      db.close();
    },
    { turnId, voice },
  );
}

async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('main').analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const described = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(described, `axe-core on ${where}`).toEqual([]);
}

/** Pauses the recording and reads its time and the highlighted word once the screen has caught up. */
async function pauseAndRead(page: Page): Promise<{ time: number; highlighted: string; ariaCurrent: string[] }> {
  return page.evaluate(async () => {
    const audio = document.querySelector<HTMLAudioElement>('[data-testid="replay-recording"] audio')!;
    audio.pause();
    // The pause event, then a frame for the screen to follow it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const words = document.querySelector('[data-testid="replay-words"]')!;
    return {
      time: audio.currentTime,
      highlighted: words.getAttribute('data-current-index') ?? '',
      ariaCurrent: [...words.querySelectorAll('[aria-current="true"]')].map((element) => element.getAttribute('data-index') ?? ''),
    };
  });
}

describe.skipIf(!chromiumAvailable)('replay of a past interview', () => {
  let server: RunningServer;
  let browser: Browser;
  let speech: SpeechFixture;

  beforeAll(async () => {
    server = await startSyncServer({ MODELS_DIR: SHARED_MODELS });
    speech = speechWav();
    browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${faceY4m()}`,
      `--use-file-for-fake-audio-capture=${speech.path}%noloop`,
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps a spoken answer as Opus only when asked, replays it with the words following the audio, and deletes it', { timeout: 240_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, reducedMotion: 'reduce' });
    const uploads: string[] = [];
    context.on('request', (request) => {
      const type = request.headers()['content-type'] ?? '';
      if (request.postDataBuffer() && /audio|video|octet-stream|multipart/i.test(type)) uploads.push(`${request.method()} ${request.url()} ${type}`);
    });
    const page = await context.newPage();
    await startBehaviouralInterview(page, server.url, 2);
    await page.getByRole('button', { name: 'Turn camera on' }).click();
    await expect.poll(() => page.getByTestId('camera-panel').getAttribute('data-status'), { timeout: 30_000 }).toBe('on');

    // The choice is off until the candidate turns it on, and says where the audio stays.
    const keep = page.getByLabel(KEEP_LABEL);
    await expect(keep.isChecked()).resolves.toBe(false);
    await expect(page.getByTestId('keep-recordings').innerText()).resolves.toContain('The audio stays on this device and is never sent anywhere.');
    await keep.check();

    // Question 1, aloud: speech-to-text cannot load here, so the answer is recorded only.
    const voicePanel = page.getByTestId('voice-answer');
    const note = page.getByTestId('recording-note');
    await page.getByRole('button', { name: 'Answer aloud' }).click();
    // The fake microphone starts its file when the capture opens, which is when listening begins.
    await expect.poll(() => voicePanel.getAttribute('data-status'), { timeout: 60_000, interval: 20 }).toBe('listening');
    const started = Date.now();
    await expect.poll(() => note.getAttribute('data-status'), { timeout: 60_000 }).toBe('recording-only');
    await expect(page.getByTestId('speech-model-progress').innerText()).resolves.toBe("Speech-to-text isn't available, so only your recording is kept; keep talking, nothing is lost.");
    await expect(note.innerText()).resolves.toContain('Press Done speaking when you finish, then type your answer.');
    await expect(voicePanel.getAttribute('data-status')).resolves.toBe('listening');
    await expect(keep.isDisabled()).resolves.toBe(true);
    // Past the first sentence; the silence after it may already have ended the answer.
    const firstSentence = speech.speechSegments[0]!;
    await page.waitForTimeout(Math.max(0, (firstSentence.end + 0.8) * 1000 - (Date.now() - started)));
    if ((await voicePanel.getAttribute('data-status')) === 'listening') await page.getByRole('button', { name: 'Done speaking' }).click();
    await expect.poll(() => voicePanel.getAttribute('data-status'), { timeout: 30_000 }).toBe('unavailable');
    await expect(page.getByTestId('voice-problem').innerText()).resolves.toMatch(/You can type your answers\.$/);
    await expect(note.getAttribute('data-status')).resolves.toBe('kept');
    await page.getByLabel('Your answer').fill('I led the migration of our billing service to a new database, and we cut latency by forty percent.');
    await submitAnswer(page);

    // Stored as Opus, in IndexedDB, as a Blob, for question 1.
    const afterFirst = await storedRecordings(page);
    expect(afterFirst).toHaveLength(1);
    const recording = afterFirst[0]!;
    expect(recording.turnId).toBe(`${recording.interviewId}-q0`);
    expect(recording.mimeType).toMatch(/^audio\/(webm|ogg);codecs=opus$/);
    expect(recording.blobType).toBe(recording.mimeType);
    expect(recording.isBlob).toBe(true);
    expect(recording.bytes).toBe(recording.blobSize);
    expect(recording.bytes).toBeGreaterThan(2_000);
    // WebM's EBML header or Ogg's capture pattern.
    expect(['1a45dfa3', '4f676753']).toContain(recording.magic);
    expect(recording.voiceStartSeconds).toBe(0);
    expect(recording.captureOffsetSeconds).toBeGreaterThanOrEqual(-0.1);
    expect(recording.captureOffsetSeconds).toBeLessThan(1);
    // It holds the whole first sentence on the capture's clock.
    expect(recording.durationSeconds + recording.captureOffsetSeconds).toBeGreaterThan(firstSentence.end);

    // Question 2, aloud with the setting off: nothing is recorded, nothing more is stored.
    await keep.uncheck();
    await page.getByRole('button', { name: 'Answer aloud' }).click();
    await expect.poll(() => voicePanel.getAttribute('data-status'), { timeout: 60_000 }).toBe('unavailable');
    await expect(note.count()).resolves.toBe(0);
    await page.getByLabel('Your answer').fill('I set criteria with both teammates first, then we chose the simpler API together.');
    await page.waitForTimeout(1_500);
    await submitAnswer(page);
    await page.getByRole('heading', { name: 'Report', exact: true }).waitFor({ timeout: 30_000 });
    expect((await storedRecordings(page)).map((row) => row.id)).toEqual([recording.id]);

    // The words of the first answer, where the fixture says they were spoken, with the recording.
    const words = firstSentenceWords(speech);
    await storeVoice(page, recording.turnId, {
      words,
      transcribed: FIRST_SENTENCE,
      language: 'en',
      recordingSeconds: round(recording.durationSeconds + recording.captureOffsetSeconds),
      modelId: 'onnx-community/whisper-base.en_timestamped',
    });
    await page.reload();
    const link = page.getByTestId('replay-link');
    await expect.poll(() => link.innerText()).toBe('Replay your answers (1 recording)');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Replay' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/replay/${recording.interviewId}`);

    const first = page.getByTestId('replay-turn').first();
    const second = page.getByTestId('replay-turn').nth(1);
    await expect(first.getByRole('heading', { level: 3 }).allInnerTexts()).resolves.toEqual(['Your answer', 'How you spoke', 'What the camera saw']);
    await expect(first.locator('audio').getAttribute('aria-label')).resolves.toBe('Recording of your answer to question 1');
    await expect(first.locator('audio').evaluate((audio: HTMLAudioElement) => new Promise<number>((ok) => (audio.readyState >= 1 ? ok(audio.duration) : audio.addEventListener('loadedmetadata', () => ok(audio.duration), { once: true }))))).resolves.toBeCloseTo(recording.durationSeconds, 1);
    const buttons = first.getByTestId('replay-words').getByRole('button');
    await expect(buttons.allInnerTexts()).resolves.toEqual(words.map((word) => word.text.trim()));
    // Both timelines beside the transcript; question 2 (no recording, no words) shows its typed answer.
    await first.getByTestId('replay-speech-timeline').waitFor();
    await first.getByTestId('vision-timeline').waitFor();
    await expect(second.getByTestId('replay-recording').count()).resolves.toBe(0);
    await expect(second.getByTestId('replay-no-words').innerText()).resolves.toBe('Your answer as submitted:');

    // Which word the audio is in, from the stored words and the recording's offset (the words are back to back).
    const expectedAt = (time: number) => {
      const voiceTime = time + recording.voiceStartSeconds + recording.captureOffsetSeconds;
      const index = words.findIndex((word) => word.start <= voiceTime && voiceTime < word.end);
      return index === -1 ? null : String(index);
    };

    // Nothing is lit before the first word.
    await first.locator('audio').evaluate((audio: HTMLAudioElement) => (audio.currentTime = 0.2));
    await expect.poll(async () => (await pauseAndRead(page)).highlighted).toBe('');

    // Playing from the first word: the highlight moves along with currentTime.
    await buttons.first().click();
    const seen = new Set<string>();
    for (let step = 0; step < 6; step++) {
      await page.waitForTimeout(350);
      const reading = await pauseAndRead(page);
      const expected = expectedAt(reading.time);
      if (expected !== null) {
        expect(reading.highlighted, `at ${reading.time.toFixed(3)} s`).toBe(expected);
        expect(reading.ariaCurrent).toEqual([expected]);
        seen.add(reading.highlighted);
      }
      await first.locator('audio').evaluate((audio: HTMLAudioElement) => audio.play());
    }
    expect(seen.size, `words lit while playing: ${[...seen].join(', ')}`).toBeGreaterThanOrEqual(3);
    // The speech timeline shows where the recording is.
    await expect(first.getByTestId('replay-playhead').count()).resolves.toBe(1);

    // Seeking the audio moves the highlight, playing or not.
    const middle = words[7]!;
    await first.locator('audio').evaluate((audio: HTMLAudioElement, at: number) => (audio.currentTime = at), (middle.start + middle.end) / 2 - recording.captureOffsetSeconds);
    await expect.poll(async () => (await pauseAndRead(page)).highlighted).toBe('7');

    // Choosing a word plays from where it was said.
    await buttons.nth(4).click();
    const fromWord = await pauseAndRead(page);
    expect(fromWord.time).toBeGreaterThanOrEqual(words[4]!.start - recording.captureOffsetSeconds - 0.01);
    expect(fromWord.time).toBeLessThan(words[4]!.start - recording.captureOffsetSeconds + 0.6);
    // The chosen word is lit from the moment it is chosen, even if playback reports a moment before it.
    expect(fromWord.highlighted).toBe(fromWord.time < words[4]!.end - recording.captureOffsetSeconds ? '4' : expectedAt(fromWord.time));

    // The keyboard: the words are one Tab stop, the arrows move, Enter plays from the word.
    await buttons.nth(2).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-index'))).resolves.toBe('3');
    await expect(first.getByTestId('replay-words').locator('button[tabindex="0"]').count()).resolves.toBe(1);
    await page.keyboard.press('Enter');
    const fromKey = await pauseAndRead(page);
    expect(fromKey.time).toBeGreaterThanOrEqual(words[3]!.start - recording.captureOffsetSeconds - 0.01);
    expect(fromKey.time).toBeLessThan(words[3]!.start - recording.captureOffsetSeconds + 0.6);

    await expectNoSeriousAxeViolations(page, 'the replay screen');
    // The README's picture: paused on a word, the timelines beside the transcript.
    await first.locator('audio').evaluate((audio: HTMLAudioElement, at: number) => (audio.currentTime = at), (words[5]!.start + words[5]!.end) / 2 - recording.captureOffsetSeconds);
    await expect.poll(async () => (await pauseAndRead(page)).highlighted).toBe('5');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 1024, height: 1100 });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // On a phone the timelines stack under the transcript and nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 740 });
    const [main, side] = await Promise.all([first.locator('.replay-main').boundingBox(), first.locator('.replay-side').boundingBox()]);
    expect(side!.y).toBeGreaterThanOrEqual(main!.y + main!.height - 1);
    const wide = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('main *')].filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((element) => element.className));
    expect(wide, 'elements wider than a phone screen').toEqual([]);
    await expectNoSeriousAxeViolations(page, 'the replay screen on a phone');
    await page.setViewportSize({ width: 1024, height: 900 });

    // Deleting asks first; "Keep it" keeps it.
    await first.getByRole('button', { name: 'Delete recording' }).click();
    await first.getByText("Delete this recording? Your answer and its transcript stay; the audio can't be recovered.").waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Delete');
    await first.getByRole('button', { name: 'Keep it' }).click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Delete recording');
    expect(await storedRecordings(page)).toHaveLength(1);
    await first.getByRole('button', { name: 'Delete recording' }).click();
    await first.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.getByTestId('replay-status').innerText()).toBe('Recording deleted. Your answer and its transcript are still here.');
    expect(await storedRecordings(page)).toEqual([]);
    // The transcript stays, without audio, and says why; focus went to the question.
    await expect(first.getByTestId('replay-no-recording').innerText()).resolves.toBe('No recording was kept for this answer, so the transcript is shown without audio.');
    await expect(first.getByTestId('replay-plain-words').innerText()).resolves.toContain(FIRST_SENTENCE.split(' ').slice(0, 4).join(' '));
    await expect(first.locator('audio').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H2');
    await expectNoSeriousAxeViolations(page, 'the replay screen without a recording');

    await page.getByRole('link', { name: 'Back to the report' }).click();
    await expect.poll(() => page.getByTestId('replay-link').getAttribute('data-count')).toBe('0');
    await expect(page.getByTestId('replay-link').innerText()).resolves.toBe('Replay your answers');
    expect(uploads, 'audio or binary uploads').toEqual([]);
    await context.close();
  });
});
