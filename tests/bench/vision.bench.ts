// How fast the vision worker analyses camera frames, and whether the page stays responsive.
// Usage: npm run bench:vision   (RUNS, SECONDS override the defaults)
// Chromium plays a 30 fps fake camera (a moving face made from ../shared/fixtures with ffmpeg) into the
// app's vision session (workers/vision/vision-session.ts), with the real MediaPipe FaceLandmarker
// from ../shared/models, on this machine's CPU path (SwiftShader's GPU is slower, so the session picks
// the CPU). Each run warms up for 3 s, then counts for SECONDS: frames analysed per second, per-frame
// milliseconds in the worker (median and p95), and main-thread long tasks (over 50 ms).
// Progress lines first, then one JSON line of figures (medians of RUNS).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { createServer, type Plugin } from 'vite';
import { launchChromium } from '../helpers/chromium.ts';
import { faceY4m } from '../helpers/media-fixtures.ts';
import { REPO_ROOT } from '../helpers/sync-server-process.ts';
import { median, round } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 20);
const WARM_UP_SECONDS = 3;
const TARGET_FPS = 15;
const FACE_MODEL = resolve(REPO_ROOT, '../shared/models/face_landmarker.task');

interface RunResult {
  cameraFps: number | null;
  delegate: string;
  delegateReason: string;
  fps: number;
  medianMs: number;
  p95Ms: number;
  longTasks: number[];
}

/** Serves the face model where a mirror keeps it (/models/face_landmarker.task). */
function faceModelMirror(): Plugin {
  return {
    name: 'bench-face-model-mirror',
    configureServer(server) {
      server.middlewares.use('/models/face_landmarker.task', (_request, response) => {
        response.setHeader('content-type', 'application/octet-stream');
        response.end(readFileSync(FACE_MODEL));
      });
    },
  };
}


async function main(): Promise<void> {
  if (!existsSync(FACE_MODEL)) throw new Error(`${FACE_MODEL} is missing: the bench needs ../shared/models beside the repo.`);
  const camera = faceY4m();
  console.log(`fake camera: ${camera}`);
  const server = await createServer({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    plugins: [faceModelMirror()],
    server: { port: 0, host: '127.0.0.1' },
    optimizeDeps: { include: ['comlink', '@mediapipe/tasks-vision'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const pageUrl = `http://localhost:${port}/tests/bench/pages/vision-bench.html`;
  const browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${camera}`,
  ]);
  const runs: RunResult[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const page = await browser.newPage();
      await page.goto(pageUrl);
      await page.waitForFunction(() => typeof window.runVisionBench === 'function');
      const result = (await page.evaluate((options) => window.runVisionBench(options), { warmUpSeconds: WARM_UP_SECONDS, seconds: SECONDS })) as RunResult;
      runs.push(result);
      console.log(
        `run ${run}/${RUNS}: ${result.fps.toFixed(1)} fps, worker ${result.medianMs.toFixed(1)} ms median / ${result.p95Ms.toFixed(1)} ms p95, ` +
          `${result.longTasks.length} long tasks (${result.delegate}; camera ${result.cameraFps ?? '?'} fps)`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const fps = median(runs.map((run) => run.fps));
  const longTasks = median(runs.map((run) => run.longTasks.length));
  console.log(
    JSON.stringify({
      bench: 'vision',
      seconds: SECONDS,
      runs: RUNS,
      delegate: runs[0]?.delegate,
      delegateReason: runs[0]?.delegateReason,
      cameraFps: runs[0]?.cameraFps,
      fps: round(fps),
      workerMsMedian: round(median(runs.map((run) => run.medianMs))),
      workerMsP95: round(median(runs.map((run) => run.p95Ms))),
      longTasksOver50ms: longTasks,
      longTaskMs: runs.flatMap((run) => run.longTasks),
      perRun: runs.map((run) => ({ fps: round(run.fps), medianMs: round(run.medianMs), p95Ms: round(run.p95Ms), longTasks: run.longTasks.length })),
      target: { fps: TARGET_FPS, longTasks: 0 },
      met: fps >= TARGET_FPS && longTasks === 0,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((load) => round(load)),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
