// The report's "How you spoke" section, in real Chromium, drawn from a spoken answer stored with its
// turn. No Whisper weights can be had here, so the transcript is written into IndexedDB the way the
// interview stores one (TurnRecord.voice: words with their times, the unedited text, the language)
// after a typed interview; everything from there on (metrics, targets, explanations, the chart and
// the marked transcript) is the app's own code on that stored data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startBehaviouralInterview, submitAnswer } from '../helpers/interview-actions.ts';
import { startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const SPOKEN = 'Um, so I I led the, you know, migration of billing to Postgres. Uh, it cut latency by forty percent.';

/** Words 0.3 s long every 0.32 s (a quick ~190 words per minute), with a 3 s pause before "Uh,". */
function spokenWords() {
  let at = 1.5;
  return SPOKEN.split(' ').map((text) => {
    if (text === 'Uh,') at += 3;
    const word = { text, start: Math.round(at * 100) / 100, end: Math.round((at + 0.3) * 100) / 100 };
    at += 0.32;
    return word;
  });
}

describe.skipIf(!chromiumAvailable)('the report on a spoken answer', () => {
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

  it('shows pace, fillers, pauses, thinking time and repeats against their targets, a chart and the marked transcript', async () => {
    const page = await browser.newPage();
    await startBehaviouralInterview(page, server.url, 1);
    // The candidate edited the transcript before submitting: the edited text is the answer.
    const edited = 'So I led the migration of billing to Postgres. It cut latency by forty percent.';
    await page.getByLabel('Your answer').fill(edited);
    await submitAnswer(page);
    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });

    const words = spokenWords();
    await page.evaluate(
      async ({ words, transcribed }) => {
        const db: IDBDatabase = await new Promise((ok, fail) => {
          const request = indexedDB.open('interview-buddy');
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
        await new Promise<void>((ok, fail) => {
          const store = db.transaction('turns', 'readwrite').objectStore('turns');
          const all = store.getAll();
          all.onsuccess = () => {
            const [turn] = all.result as Record<string, unknown>[];
            store.put({ ...turn, voice: { words, transcribed, language: 'en', recordingSeconds: 14, modelId: 'onnx-community/whisper-tiny.en_timestamped' } });
            store.transaction.oncomplete = () => ok();
            store.transaction.onerror = () => fail(store.transaction.error);
          };
        });
        db.close();
      },
      { words, transcribed: SPOKEN },
    );
    await page.reload();
    const section = page.getByTestId('speech-delivery');
    await section.waitFor({ timeout: 15_000 });

    // 20 words over 6.4 s of talk: well above 160 words per minute.
    await expect(page.getByTestId('metric-pace').getAttribute('data-status')).resolves.toBe('high');
    await expect(page.getByTestId('metric-pace').innerText()).resolves.toMatch(/\d{3} words per minute[\s\S]*Target: 120–160 words per minute/);
    // "um", "you know", "uh": 3 fillers in 20 words. "so" after "Um," does not open a sentence, so it
    // is not counted (a missed filler costs less than a wrongly counted word).
    await expect(page.getByTestId('metric-fillers').innerText()).resolves.toContain('3 (15.0 per 100 words)');
    await expect(page.getByTestId('metric-fillers').getAttribute('data-status')).resolves.toBe('high');
    await expect(page.getByTestId('metric-pauses').innerText()).resolves.toMatch(/^Long pauses \(over 2 s\)\s+1/);
    await expect(page.getByTestId('metric-repeats').innerText()).resolves.toMatch(/Repeated words\s+1/);
    await expect(page.getByTestId('metric-thinking').innerText()).resolves.toMatch(/Thinking time\s+\d+% \([\d.]+ s of 14\.0 s\)/);
    // Each metric explains itself in words the candidate can act on.
    await page.getByTestId('metric-fillers').getByText('What this means').click();
    await expect(page.getByTestId('metric-fillers').innerText()).resolves.toContain('Try a short silent pause instead');

    await expect(page.getByTestId('speech-timeline').locator('rect.timeline-gap').count()).resolves.toBe(1);
    await expect(page.getByTestId('speech-timeline').locator('line.timeline-filler').count()).resolves.toBe(3);
    await section.getByText(/Transcript as heard \(you edited it/).click();
    const transcript = page.getByTestId('marked-transcript');
    await expect(transcript.locator('mark.filler').allInnerTexts()).resolves.toEqual(['Um,', 'you', 'know,', 'Uh,']);
    await expect(transcript.locator('mark.repeat').allInnerTexts()).resolves.toEqual(['I']);
    await expect(transcript.innerText()).resolves.toMatch(/Postgres\. \[pause 3\.\d s\] Uh,/);
    await page.close();
  });
});
