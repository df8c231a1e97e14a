// The vision worker in real Chromium: the real MediaPipe FaceLandmarker (the model from the test
// mirror, copied from ../shared/models) on the fake camera, which plays a moving face made from
// ../shared/fixtures/face-einstein-1927.jpg, and on the group photo of seven faces.
import * as Comlink from 'comlink';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { FrameObservation, VisionWorkerApi } from './api.ts';
import { visionModelFiles } from './model-files.ts';
import { startVisionSession, type VisionSession } from './vision-session.ts';

const files = visionModelFiles('/models');
let session: VisionSession | null = null;
let stream: MediaStream | null = null;

afterEach(async () => {
  await session?.stop();
  session = null;
  stream?.getTracks().forEach((track) => track.stop());
  stream = null;
});

async function fixtureBitmap(name: string): Promise<ImageBitmap> {
  const response = await fetch(`/@fs${inject('sharedFixturesDir')}/${name}`);
  expect(response.ok, `${name} is served`).toBe(true);
  return createImageBitmap(await response.blob());
}

describe('the vision worker', () => {
  it('finds one face in most frames of the fake camera, and folds them into 1-second samples', async () => {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    const observations: FrameObservation[] = [];
    session = await startVisionSession(stream, { files, onObservation: (observation) => observations.push(observation) });
    expect(session.ready.delegate).toBe('CPU');
    expect(session.ready.reason).toMatch(/software/i);
    await session.startAnswer();
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const samples = await session.samples();

    expect(observations.length).toBeGreaterThan(10);
    const withOneFace = observations.filter((observation) => observation.faceCount === 1).length;
    expect(withOneFace / observations.length).toBeGreaterThan(0.8);
    const framed = observations.find((observation) => observation.pose && observation.expression);
    expect(framed?.pose?.yaw).toBeTypeOf('number');
    expect(Math.abs(framed!.pose!.yaw)).toBeLessThan(45);
    expect(framed?.expression?.smile).toBeGreaterThanOrEqual(0);

    expect(samples.length).toBeGreaterThanOrEqual(3);
    const full = samples.filter((sample) => sample.frames > 0 && sample.framesWithFace === sample.frames);
    expect(full.length).toBeGreaterThanOrEqual(2);
    expect(full[0]!.eyeContact).not.toBeNull();
    expect(full[0]!.eyeContact!).toBeGreaterThanOrEqual(0);
    expect(full[0]!.eyeContact!).toBeLessThanOrEqual(1);
    expect(samples.map((sample) => sample.second)).toEqual([...samples.keys()]);
  });

  it('reports all seven faces in the group photo', async () => {
    const worker = new Worker(new URL('./vision.worker.ts', import.meta.url), { type: 'module' });
    const remote = Comlink.wrap<VisionWorkerApi>(worker);
    try {
      await remote.init({ ...files, maxFaces: 10, preferGpu: false });
      const photo = await fixtureBitmap('solvay-1927-group.jpg');
      const observation = await remote.analyseFrame(Comlink.transfer(photo, [photo]), 0);
      expect(observation.faceCount).toBe(7);
    } finally {
      worker.terminate();
    }
  });

  it('says the face model could not start when its file is missing, so the interview goes on without it', async () => {
    stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const missing = { ...files, modelUrl: '/models/face_landmarker_missing.task' };
    await expect(startVisionSession(stream, { files: missing })).rejects.toMatchObject({
      name: 'VisionUnavailableError',
      message: expect.stringMatching(/^The face-tracking model could not start \(.+\)\. The interview works without it\.$/),
    });
  });
});
