// How fast voice activity detection runs, as a multiple of real time, and what can be said of Whisper.
// Usage: npm run bench:speech   (RUNS, REPEAT override the defaults)
// Chromium runs the app's VAD worker (real Silero VAD v5 through onnxruntime-web's WASM build, one
// thread, as the app runs it) over the espeak-ng fixture (tests/helpers/media-fixtures.ts) repeated
// REPEAT times, RUNS passes in one worker, each from a fresh model state. The figure is seconds of
// audio analysed per second of work: 1 means it just keeps up with a live microphone.
// Whisper's real-time factor needs Whisper weights and a browser with WebGPU on a real GPU. This
// machine has neither weights nor a GPU. The GPU machine lent to this task (an H100, checked on
// 2026-11-23) has no Node, no Chromium, no route to Hugging Face (curl: no connection) and no Whisper
// files, and Chromium is too large to carry there (64 MiB limit). So the figure is reported as not
// measured, with the reason, instead of a number.
// Progress lines first, then one JSON line of figures (medians of RUNS).
import os from 'node:os';
import { createServer } from 'vite';
import { launchChromium } from '../helpers/chromium.ts';
import { SHARED_FIXTURES, speechWav } from '../helpers/media-fixtures.ts';
import { REPO_ROOT } from '../helpers/sync-server-process.ts';
import { median, round } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const REPEAT = Number(process.env.REPEAT ?? 4);


async function main(): Promise<void> {
  const fixture = speechWav();
  console.log(`fixture: ${fixture.path} (${fixture.durationSeconds} s, ${fixture.speechSegments.length} sentences), repeated ${REPEAT}×`);
  const server = await createServer({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1', fs: { allow: [REPO_ROOT, SHARED_FIXTURES] } },
    optimizeDeps: { include: ['onnxruntime-web/wasm'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launchChromium();
  let result: Awaited<ReturnType<Window['runSpeechBench']>>;
  try {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/tests/bench/pages/speech-bench.html`);
    await page.waitForFunction(() => typeof window.runSpeechBench === 'function');
    result = await page.evaluate((options) => window.runSpeechBench(options), { wavUrl: `/@fs${fixture.path}`, repeat: REPEAT, passes: RUNS });
  } finally {
    await browser.close();
    await server.close();
  }
  result.runs.forEach((run, index) => {
    console.log(`run ${index + 1}/${RUNS}: ${run.audioSeconds.toFixed(1)} s of audio in ${run.elapsedMs.toFixed(0)} ms = ${run.realTimeFactor.toFixed(1)}× real time, ${run.frames} frames, ${run.segments.length} segments`);
  });
  const frameMs = result.runs.map((run) => run.elapsedMs / run.frames);
  const expectedSegments = fixture.speechSegments.length * REPEAT;
  console.log(
    JSON.stringify({
      bench: 'speech',
      runs: RUNS,
      vad: {
        model: 'Silero VAD v5 (onnxruntime-web wasm, 1 thread)',
        audioSecondsPerRun: round(result.runs[0]?.audioSeconds ?? 0),
        realTimeMultiple: round(median(result.runs.map((run) => run.realTimeFactor))),
        msPerFrameMedian: round(median(frameMs), 3),
        frameMs: 32,
        loadMs: Math.round(result.loadMs),
        segmentsFound: median(result.runs.map((run) => run.segments.length)),
        segmentsExpected: expectedSegments,
        perRun: result.runs.map((run) => round(run.realTimeFactor)),
      },
      whisper: {
        measured: false,
        why:
          'No Whisper weights exist here (no internet, none in ../shared/models). The GPU machine lent to this task (H100) has no weights either, no route to Hugging Face, and no Node or Chromium to run the app\'s WebGPU path. Measure it where a browser, a GPU and the weights meet.',
      },
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((load) => round(load)),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
