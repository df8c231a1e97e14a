// The page's side of face tracking: plays the camera stream into a detached <video>, and hands the
// vision worker one frame at a time as a transferred ImageBitmap, scaled down first (the face models
// read 128–256 px inputs, so full frames only cost time). The next frame is sent only when the last
// one is done, and the rate adapts: it is capped at `maxFps` and kept low enough that the worker is
// busy at most ~80% of the time, so a slow device analyses fewer frames instead of falling behind.
// Owns: the frame pump and its statistics. Must not import: Dexie, Solid.
import * as Comlink from 'comlink';
import type { FrameObservation, VisionModelFiles, VisionReady, VisionSample, VisionWorkerApi } from './api.ts';

export interface VisionSessionOptions {
  files: VisionModelFiles;
  maxFaces?: number;
  preferGpu?: boolean;
  maxFps?: number;
  /** Width frames are scaled to before analysis. */
  frameWidth?: number;
  onObservation?: (observation: FrameObservation) => void;
  /** The analysis stopped on an error (the worker died, the GPU was lost): the camera is no use now. */
  onError?: (error: VisionUnavailableError) => void;
  createWorker?: () => Worker;
}

export interface VisionStats {
  frames: number;
  /** Frames analysed per second since the session started. */
  fps: number;
  medianMs: number;
  p95Ms: number;
}

export interface VisionSession {
  readonly ready: VisionReady;
  /** Samples are counted from now, for a new answer. */
  startAnswer(): Promise<void>;
  samples(): Promise<VisionSample[]>;
  stats(): VisionStats;
  stop(): Promise<void>;
}

/** Face tracking could not start or stopped; `stage` and `detail` let the UI say it in its language. */
export class VisionUnavailableError extends Error {
  override name = 'VisionUnavailableError';
  constructor(
    readonly stage: 'start' | 'stopped',
    readonly detail: string,
  ) {
    super(stage === 'start' ? `The face-tracking model could not start (${detail}). The interview works without it.` : `Face tracking stopped (${detail}). The interview goes on without it.`);
  }
}

const BUSY_SHARE = 0.8;
const RECENT_FRAMES = 9;
// At least one frame a second, however slow the device: a sample per second needs one.
const MAX_INTERVAL_MS = 1000;

function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function startVisionSession(stream: MediaStream, options: VisionSessionOptions): Promise<VisionSession> {
  const worker = options.createWorker?.() ?? new Worker(new URL('./vision.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<VisionWorkerApi>(worker);
  let ready: VisionReady;
  try {
    ready = await remote.init({ ...options.files, maxFaces: options.maxFaces ?? 2, preferGpu: options.preferGpu ?? true });
  } catch (error) {
    worker.terminate();
    throw new VisionUnavailableError('start', error instanceof Error ? error.message : String(error));
  }

  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();

  const maxFps = options.maxFps ?? 30;
  const frameWidth = options.frameWidth ?? 320;
  const times: number[] = [];
  const startedAt = performance.now();
  let stopped = false;
  // The last few round trips: their median sets the pace, so one slow frame (the first runs the
  // graph's warm-up, a GC pause) does not stall the camera for seconds.
  const recent: number[] = [];
  let lastSent = 0;

  const pump = async () => {
    while (!stopped) {
      const interval = Math.min(MAX_INTERVAL_MS, Math.max(1000 / maxFps, medianOf(recent) / BUSY_SHARE));
      const wait = lastSent + interval - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (stopped) break;
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      lastSent = performance.now();
      const height = Math.round((video.videoHeight / video.videoWidth) * frameWidth);
      const bitmap = await createImageBitmap(video, { resizeWidth: frameWidth, resizeHeight: height, resizeQuality: 'low' });
      const observation = await remote.analyseFrame(Comlink.transfer(bitmap, [bitmap]), lastSent);
      const took = performance.now() - lastSent;
      times.push(observation.processingMs);
      recent.push(took);
      if (recent.length > RECENT_FRAMES) recent.shift();
      options.onObservation?.(observation);
    }
  };
  const pumping = pump().catch((error: unknown) => {
    if (stopped) return;
    stopped = true;
    options.onError?.(new VisionUnavailableError('stopped', error instanceof Error ? error.message : String(error)));
  });

  return {
    ready,
    startAnswer: () => remote.startAnswer(performance.now()),
    samples: () => remote.samples(),
    stats(): VisionStats {
      const sorted = [...times].sort((a, b) => a - b);
      const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
      return { frames: times.length, fps: times.length / ((performance.now() - startedAt) / 1000), medianMs: at(0.5), p95Ms: at(0.95) };
    },
    async stop() {
      stopped = true;
      await pumping;
      video.srcObject = null;
      await remote.close().catch(() => undefined);
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
