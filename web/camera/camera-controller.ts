// The interview's camera: the stream (for the candidate's own preview), the vision session that turns
// frames into numbers in its worker, and the samples of each answer. Frames never leave the worker;
// what this hands the page is the preview stream, a status line and per-second samples.
// Owns: camera on/off and the per-answer samples. Must not import: Solid, Dexie.
import type { VisionSample } from '../../workers/vision/api.ts';
import type { VisionSession } from '../../workers/vision/vision-session.ts';
import { loadClientConfig } from '../engine/client-config.ts';
import { cameraErrorMessage } from './camera-errors.ts';

export type CameraState = { status: 'off' } | { status: 'starting' } | { status: 'on'; stream: MediaStream; delegateReason: string } | { status: 'failed'; message: string };

export interface CameraController {
  start(): Promise<CameraState>;
  stop(): Promise<void>;
  /** A new answer: its samples are counted from now. */
  startAnswer(): Promise<void>;
  /** The current answer's samples, or null when the camera is off. */
  answerSamples(): Promise<VisionSample[] | null>;
}

export function createCameraController(onChange: (state: CameraState) => void): CameraController {
  let stream: MediaStream | null = null;
  let session: VisionSession | null = null;
  let starting: Promise<CameraState> | null = null;

  const release = async () => {
    const current = session;
    session = null;
    await current?.stop().catch(() => undefined);
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
  };

  return {
    start() {
      starting ??= (async (): Promise<CameraState> => {
        onChange({ status: 'starting' });
        try {
          if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('This browser has no camera access.', 'NotFoundError');
          stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } }, audio: false });
          const [{ startVisionSession }, { visionModelFiles }, config] = await Promise.all([
            import('../../workers/vision/vision-session.ts'),
            import('../../workers/vision/model-files.ts'),
            loadClientConfig(),
          ]);
          session = await startVisionSession(stream, {
            files: visionModelFiles(config.modelMirrorUrl),
            maxFaces: 2,
            onError: (error) => {
              void release().then(() => onChange({ status: 'failed', message: cameraErrorMessage(error) }));
            },
          });
          await session.startAnswer();
          const state: CameraState = { status: 'on', stream, delegateReason: session.ready.reason };
          onChange(state);
          return state;
        } catch (error) {
          await release();
          const state: CameraState = { status: 'failed', message: cameraErrorMessage(error) };
          onChange(state);
          return state;
        } finally {
          starting = null;
        }
      })();
      return starting;
    },
    async stop() {
      await starting;
      await release();
      onChange({ status: 'off' });
    },
    async startAnswer() {
      await session?.startAnswer();
    },
    async answerSamples() {
      return session ? session.samples().catch(() => null) : null;
    },
  };
}
