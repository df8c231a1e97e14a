// The vision worker: MediaPipe FaceLandmarker in VIDEO mode on frames the page transfers in. Each
// frame is analysed, turned into numbers, and closed at once: no frame is kept, stored or sent, and
// nothing but the numbers in api.ts ever leaves this worker.
// Owns: the landmarker's lifetime and the per-answer samples. Must not import: Dexie, the UI.
import { allowOrigins } from './outbound-guard.ts';
import { FaceLandmarker } from '@mediapipe/tasks-vision';
import * as Comlink from 'comlink';
import type { FrameObservation, VisionInitOptions, VisionReady, VisionSample, VisionWorkerApi } from './api.ts';
import { observeFrame } from './frame-observation.ts';
import { chooseDelegate } from './gpu-choice.ts';
import { SecondSampler } from './second-samples.ts';

let landmarker: FaceLandmarker | null = null;
let lastTimestamp = -1;
const sampler = new SecondSampler();

async function create(options: VisionInitOptions, delegate: 'GPU' | 'CPU'): Promise<FaceLandmarker> {
  return FaceLandmarker.createFromOptions(
    { wasmLoaderPath: options.wasmLoaderUrl, wasmBinaryPath: options.wasmBinaryUrl },
    {
      baseOptions: { modelAssetPath: options.modelUrl, delegate },
      runningMode: 'VIDEO',
      numFaces: options.maxFaces,
      outputFaceBlendshapes: true,
      outputFacialTransformationMatrixes: true,
    },
  );
}

const api: VisionWorkerApi = {
  async init(options: VisionInitOptions): Promise<VisionReady> {
    landmarker?.close();
    landmarker = null;
    allowOrigins(options.modelUrl, options.wasmLoaderUrl, options.wasmBinaryUrl);
    const choice = chooseDelegate(options.preferGpu);
    if (choice.delegate === 'GPU') {
      try {
        landmarker = await create(options, 'GPU');
        return choice;
      } catch (error) {
        landmarker = await create(options, 'CPU');
        return { delegate: 'CPU', reason: `The GPU could not run the face model (${error instanceof Error ? error.message : String(error)}), so the CPU is used.` };
      }
    }
    landmarker = await create(options, 'CPU');
    return choice;
  },

  async analyseFrame(frame: ImageBitmap, timestampMs: number): Promise<FrameObservation> {
    try {
      if (!landmarker) throw new Error('The vision worker was not started (init).');
      // VIDEO mode needs strictly increasing timestamps; two frames in one millisecond still count.
      const timestamp = Math.max(timestampMs, lastTimestamp + 1);
      lastTimestamp = timestamp;
      const started = performance.now();
      const result = landmarker.detectForVideo(frame, timestamp);
      const observation = observeFrame(result, timestampMs, performance.now() - started);
      sampler.add(observation);
      return observation;
    } finally {
      frame.close();
    }
  },

  async startAnswer(startMs: number): Promise<void> {
    sampler.start(startMs);
  },

  async samples(): Promise<VisionSample[]> {
    return sampler.samples();
  },

  async close(): Promise<void> {
    landmarker?.close();
    landmarker = null;
  },
};

Comlink.expose(api);
