// The device check's work: each check gathers facts on demand and hands them to the screen, which
// turns them into words with check-outcomes.ts. The camera and the microphone are opened only by
// checkCamera/checkMicrophone (the candidate's button press), and released by stop…() and
// dispose(), which the screen calls when the candidate leaves it.
// The camera check reuses the interview's vision worker (workers/vision/) for "face found / looking
// at the camera": frames go to the worker as in an interview, and only numbers come back. The
// microphone check reuses the interview's AudioWorklet capture (workers/speech/capture/) for its
// level meter; its audio frames are not wanted, so their port is closed and nothing is kept.
// Owns: the check's devices and their lifetime. Must not import: Solid, Dexie, i18n.
import type { FrameObservation, VisionSample } from '../../workers/vision/api.ts';
import type { VisionSession } from '../../workers/vision/vision-session.ts';
import { startMicrophoneCapture, type MicrophoneCapture } from '../../workers/speech/capture/microphone-capture.ts';
import { loadClientConfig } from '../engine/client-config.ts';
import {
  deviceProblemOf,
  faceSeenIn,
  heardSpeech,
  SILENT_AFTER_SECONDS,
  type CameraFacts,
  type GpuFacts,
  type InstallFacts,
  type MicrophoneFacts,
  type StorageFacts,
} from './check-outcomes.ts';
import { installFacts, onInstallChange, promptInstall } from './install-prompt.ts';

export interface DeviceCheckState {
  camera: { facts: CameraFacts; busy: boolean; stream: MediaStream | null };
  microphone: { facts: MicrophoneFacts; busy: boolean; listening: boolean };
  gpu: { facts: GpuFacts; busy: boolean };
  storage: { facts: StorageFacts; busy: boolean; persistRefused: boolean };
  install: { facts: InstallFacts; dismissed: boolean };
}

export interface DeviceCheckOptions {
  onChange: (state: DeviceCheckState) => void;
  /** ~20 readings a second while the microphone check listens: RMS, 0–1. */
  onLevel: (rms: number) => void;
  /** How long the microphone check listens before it lets the microphone go. */
  listenSeconds?: number;
}

export interface DeviceCheck {
  readonly state: () => DeviceCheckState;
  checkCamera(): Promise<void>;
  stopCamera(): Promise<void>;
  checkMicrophone(): Promise<void>;
  stopMicrophone(): Promise<void>;
  checkGpu(): Promise<void>;
  checkStorage(): Promise<void>;
  /** Asks the browser not to clear the app's data under storage pressure. */
  requestPersistence(): Promise<void>;
  install(): Promise<void>;
  /** The sample answer starts now: the camera's samples (when it is on) count from here. */
  startSampleAnswer(): Promise<void>;
  /** The camera's samples since startSampleAnswer, or null when the camera is off. */
  sampleVision(): Promise<VisionSample[] | null>;
  /** Releases the camera and microphone; nothing runs afterwards. */
  dispose(): Promise<void>;
}

export const DEFAULT_LISTEN_SECONDS = 15;
/** Frames the face verdict is taken over: about a second of analysis on a slow device. */
const FACE_WINDOW_FRAMES = 20;

export function createDeviceCheck(options: DeviceCheckOptions): DeviceCheck {
  let state: DeviceCheckState = {
    camera: { facts: { state: 'not-checked' }, busy: false, stream: null },
    microphone: { facts: { state: 'not-checked' }, busy: false, listening: false },
    gpu: { facts: { state: 'not-checked' }, busy: false },
    storage: { facts: { state: 'not-checked' }, busy: false, persistRefused: false },
    install: { facts: installFacts(), dismissed: false },
  };
  let disposed = false;
  const update = <K extends keyof DeviceCheckState>(key: K, change: Partial<DeviceCheckState[K]>) => {
    if (disposed) return;
    state = { ...state, [key]: { ...state[key], ...change } };
    options.onChange(state);
  };
  const stopInstallWatch = onInstallChange(() => update('install', { facts: installFacts() }));

  // ------------------------------------------------------------------------------------------ camera
  // Each start is a new run; a run that was stopped or replaced drops whatever it finishes later.
  let cameraRun = 0;
  let cameraStream: MediaStream | null = null;
  let vision: VisionSession | null = null;

  const releaseCamera = async () => {
    cameraRun++;
    const session = vision;
    vision = null;
    const stream = cameraStream;
    cameraStream = null;
    stream?.getTracks().forEach((track) => track.stop());
    await session?.stop().catch(() => undefined);
  };

  async function checkCamera() {
    await releaseCamera();
    const run = cameraRun;
    update('camera', { facts: { state: 'not-checked' }, busy: true, stream: null });
    let stream: MediaStream;
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('This browser has no camera access.', 'NotSupportedError');
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } }, audio: false });
    } catch (error) {
      if (run === cameraRun) update('camera', { facts: { state: 'problem', problem: deviceProblemOf(error) }, busy: false });
      return;
    }
    if (run !== cameraRun || disposed) {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    cameraStream = stream;
    stream.getVideoTracks()[0]?.addEventListener('ended', () => {
      if (run !== cameraRun) return;
      void releaseCamera().then(() => update('camera', { facts: { state: 'problem', problem: 'ended' }, busy: false, stream: null }));
    });
    let facts: Extract<CameraFacts, { state: 'working' }> = { state: 'working', tracking: 'starting', face: 'waiting' };
    const show = (change: Partial<typeof facts>) => {
      if (run !== cameraRun) return;
      facts = { ...facts, ...change };
      update('camera', { facts });
    };
    update('camera', { facts, stream });

    const recent: Pick<FrameObservation, 'faceCount' | 'eyeContact'>[] = [];
    const observe = (observation: FrameObservation) => {
      recent.push({ faceCount: observation.faceCount, eyeContact: observation.eyeContact });
      if (recent.length > FACE_WINDOW_FRAMES) recent.shift();
      const face = faceSeenIn(recent, FACE_WINDOW_FRAMES);
      if (face !== facts.face) show({ face });
    };
    try {
      const [{ startVisionSession }, { visionModelFiles }, config] = await Promise.all([
        import('../../workers/vision/vision-session.ts'),
        import('../../workers/vision/model-files.ts'),
        loadClientConfig(),
      ]);
      const session = await startVisionSession(stream, {
        files: visionModelFiles(config.modelMirrorUrl),
        maxFaces: 2,
        onObservation: (observation) => {
          if (run === cameraRun) observe(observation);
        },
        onError: (error) => show({ tracking: 'unavailable', detail: error.message }),
      });
      if (run !== cameraRun) {
        await session.stop().catch(() => undefined);
        return;
      }
      vision = session;
      show({ tracking: 'on' });
    } catch (error) {
      // The preview still works without the face tracker.
      show({ tracking: 'unavailable', detail: error instanceof Error ? error.message : String(error) });
    } finally {
      if (run === cameraRun) update('camera', { busy: false });
    }
  }

  // -------------------------------------------------------------------------------------- microphone
  let microphoneRun = 0;
  let capture: MicrophoneCapture | null = null;
  let listenTimer: ReturnType<typeof setTimeout> | undefined;

  const releaseMicrophone = async () => {
    microphoneRun++;
    clearTimeout(listenTimer);
    const current = capture;
    capture = null;
    await current?.stop().catch(() => undefined);
    options.onLevel(0);
  };

  async function checkMicrophone() {
    await releaseMicrophone();
    const run = microphoneRun;
    update('microphone', { facts: { state: 'not-checked' }, busy: true, listening: false });
    let opened: MicrophoneCapture;
    try {
      // Straight from the click: the audio context must start within the button press.
      opened = await startMicrophoneCapture();
    } catch (error) {
      if (run === microphoneRun) update('microphone', { facts: { state: 'problem', problem: deviceProblemOf(error) }, busy: false });
      return;
    }
    if (run !== microphoneRun || disposed) {
      await opened.stop().catch(() => undefined);
      return;
    }
    capture = opened;
    // Only the level is wanted: no audio frames are read or kept.
    opened.framePort.close();
    let facts: Extract<MicrophoneFacts, { state: 'working' }> = { state: 'working', heard: false, seconds: 0 };
    update('microphone', { facts, busy: false, listening: true });
    opened.onLevel((level) => {
      if (run !== microphoneRun) return;
      options.onLevel(level.rms);
      const heard = facts.heard || heardSpeech(level.rms);
      // The screen only needs to hear of a change of verdict, not of every reading.
      const changed = heard !== facts.heard || (facts.seconds < SILENT_AFTER_SECONDS && level.at >= SILENT_AFTER_SECONDS);
      facts = { state: 'working', heard, seconds: level.at };
      if (changed) update('microphone', { facts });
    });
    opened.onEnded(() => {
      if (run !== microphoneRun) return;
      void releaseMicrophone().then(() => update('microphone', { facts: { state: 'problem', problem: 'ended' }, listening: false }));
    });
    listenTimer = setTimeout(() => {
      if (run === microphoneRun) void stopMicrophone();
    }, (options.listenSeconds ?? DEFAULT_LISTEN_SECONDS) * 1000);
  }

  async function stopMicrophone() {
    const last = state.microphone.facts;
    await releaseMicrophone();
    // What was found stays on screen; "still listening" becomes "heard nothing" once it stops.
    const facts: MicrophoneFacts = last.state === 'working' ? { ...last, seconds: Math.max(last.seconds, SILENT_AFTER_SECONDS) } : last;
    update('microphone', { facts, busy: false, listening: false });
  }

  // ---------------------------------------------------------------------------------- GPU and model
  async function checkGpu() {
    update('gpu', { busy: true });
    try {
      const [{ probeDevice }, { chooseLlmTier }, { buildLlmCatalogue }] = await Promise.all([
        import('../../models/device-probe.ts'),
        import('../../models/choose-llm-tier.ts'),
        import('../../models/llm-catalogue.ts'),
      ]);
      const capabilities = await probeDevice();
      const recommendation = chooseLlmTier(capabilities, buildLlmCatalogue());
      const gpu = capabilities.webgpu;
      update('gpu', {
        busy: false,
        facts: {
          state: 'checked',
          adapter: gpu ? { description: gpu.adapterDescription, software: gpu.isFallbackAdapter } : null,
          unavailableReason: capabilities.webgpuUnavailableReason,
          tier: recommendation.tier && recommendation.variant ? { label: recommendation.tier.label, vramMB: recommendation.variant.vramRequiredMB } : null,
        },
      });
    } catch (error) {
      update('gpu', { busy: false, facts: { state: 'error', detail: error instanceof Error ? error.message : String(error) } });
    }
  }

  // ---------------------------------------------------------------------------------------- storage
  async function checkStorage() {
    update('storage', { busy: true });
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    const estimate = await storage?.estimate?.().catch(() => undefined);
    const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
    update('storage', {
      busy: false,
      facts: {
        state: 'checked',
        estimate: estimate?.quota !== undefined ? { quotaBytes: estimate.quota, usageBytes: estimate.usage ?? 0 } : null,
        persisted,
      },
    });
  }

  async function requestPersistence() {
    const granted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
    update('storage', { persistRefused: !granted });
    await checkStorage();
  }

  return {
    state: () => state,
    checkCamera,
    async stopCamera() {
      await releaseCamera();
      update('camera', { busy: false, stream: null });
    },
    checkMicrophone,
    stopMicrophone,
    checkGpu,
    checkStorage,
    requestPersistence,
    async install() {
      const accepted = await promptInstall().catch(() => false);
      update('install', { facts: installFacts(), dismissed: !accepted });
    },
    async startSampleAnswer() {
      await vision?.startAnswer().catch(() => undefined);
    },
    async sampleVision() {
      return vision ? vision.samples().catch(() => null) : null;
    },
    async dispose() {
      stopInstallWatch();
      await Promise.all([releaseCamera(), releaseMicrophone()]);
      disposed = true;
    },
  };
}
