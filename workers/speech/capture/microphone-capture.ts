// The page's side of microphone capture: opens the microphone, builds the audio graph (microphone →
// AudioWorklet) and hands back the port that 16 kHz frames arrive on. The page wires that port to a
// consumer once (transferring it to the speech worker); after that the main thread does no work per
// frame, only ~20 level readings a second for a meter.
// The AudioContext is created and its worklet loaded before the microphone opens: created inside the
// user's click it is allowed to run, and once the microphone is open its audio reaches the worklet
// at once, so frame times count from (within a few milliseconds of) the moment capture began.
// Owns: the microphone's and the audio graph's lifetime, and turning their failures into
// MicrophoneErrors. Must not import: the VAD, the UI.
import captureWorkletUrl from './capture.worklet.ts?worker&url';
import {
  CAPTURE_PROCESSOR_NAME,
  CAPTURE_SAMPLE_RATE,
  DEFAULT_FRAME_SAMPLES,
  DEFAULT_LEVELS_PER_SECOND,
  type AudioLevel,
  type CaptureControlMessage,
  type CaptureProcessorOptions,
  type CaptureStatusMessage,
} from './capture-format.ts';
import { microphoneError, microphoneErrorFromGetUserMedia, type MicrophoneError } from './microphone-errors.ts';

export interface MicrophoneCaptureOptions {
  /** An input from enumerateDevices(); the system's default when absent. */
  deviceId?: string;
  /** Samples per frame on the frame port (16 kHz). 512 is one Silero VAD frame. */
  frameSamples?: number;
  levelsPerSecond?: number;
  /** Overrides the audio constraints (echo cancellation etc.) passed to getUserMedia. */
  constraints?: MediaTrackConstraints;
}

export interface MicrophoneCapture {
  /** Always 16 kHz: what the frames carry. */
  readonly sampleRate: number;
  /** The rate the audio graph runs at: 16 kHz where the browser resamples, else the device's (the worklet then downsamples). */
  readonly contextSampleRate: number;
  /**
   * Where CaptureFrameMessages arrive. Transfer it, once, to the worker that consumes them
   * (`worker.postMessage({…, port}, [port])`); frames sent before that wait in the port.
   */
  readonly framePort: MessagePort;
  /** The microphone's stream, for a recorder that must hear exactly what the capture hears (it is stopped with the capture). */
  readonly stream: MediaStream;
  readonly track: MediaStreamTrack;
  /** ~20 readings a second while capturing. Returns the unsubscribe function. */
  onLevel(listener: (level: AudioLevel) => void): () => void;
  /** The microphone went away during capture (unplugged, permission revoked). */
  onEnded(listener: (error: MicrophoneError) => void): () => void;
  /** Ends capture: the last partial frame and an `end` message go out on the frame port, the microphone is released. */
  stop(): Promise<void>;
}

// Long enough for a busy audio thread to answer, short enough that a dead one does not hang stop().
const STOP_ANSWER_MS = 1000;
const RESUME_MS = 3000;

const DEFAULT_CONSTRAINTS: MediaTrackConstraints = {
  channelCount: 1,
  // The interview reads questions aloud: without echo cancellation the VAD hears them as speech.
  echoCancellation: true,
  noiseSuppression: false,
  autoGainControl: false,
};

export async function startMicrophoneCapture(options: MicrophoneCaptureOptions = {}): Promise<MicrophoneCapture> {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    throw microphoneError('unsupported', 'getUserMedia is unavailable; the page must be served over https or from localhost');
  }
  if (typeof AudioContext === 'undefined' || typeof AudioWorkletNode === 'undefined') {
    throw microphoneError('unsupported', 'AudioWorklet is unavailable');
  }
  const frameSamples = options.frameSamples ?? DEFAULT_FRAME_SAMPLES;
  const levelsPerSecond = options.levelsPerSecond ?? DEFAULT_LEVELS_PER_SECOND;

  // Before getUserMedia, which can wait on a permission prompt and use up the click's activation.
  let context = await audioContextWithWorklet(CAPTURE_SAMPLE_RATE);
  let stream: MediaStream;
  try {
    const audio: MediaTrackConstraints = { ...DEFAULT_CONSTRAINTS, ...options.constraints, ...(options.deviceId ? { deviceId: { exact: options.deviceId } } : {}) };
    stream = await navigator.mediaDevices.getUserMedia({ audio, video: false });
  } catch (error) {
    void context.close();
    throw microphoneErrorFromGetUserMedia(error);
  }
  const track = stream.getAudioTracks()[0];
  if (!track) {
    void context.close();
    stream.getTracks().forEach((each) => each.stop());
    throw microphoneError('no-microphone', 'the stream has no audio track');
  }

  let source: MediaStreamAudioSourceNode;
  try {
    source = context.createMediaStreamSource(stream);
  } catch (error) {
    // Firefox will not connect a microphone to a context at another rate than the device's: run
    // at the device's rate and let the worklet downsample.
    void context.close();
    try {
      context = await audioContextWithWorklet(null);
      source = context.createMediaStreamSource(stream);
    } catch (retryError) {
      stream.getTracks().forEach((each) => each.stop());
      void context.close();
      throw microphoneError('failed', `the audio graph could not be built: ${describe(retryError)}`, error);
    }
  }

  const processorOptions: CaptureProcessorOptions = { inputSampleRate: context.sampleRate, frameSamples, levelsPerSecond };
  const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR_NAME, {
    numberOfInputs: 1,
    // No outputs: nothing is played back, and Chromium still runs a node without outputs each quantum.
    numberOfOutputs: 0,
    // The graph mixes stereo microphones down to mono before the worklet sees them.
    channelCount: 1,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    processorOptions,
  });
  const frames = new MessageChannel();
  node.port.postMessage({ type: 'connect-frames', port: frames.port1 } satisfies CaptureControlMessage, [frames.port1]);

  const levelListeners = new Set<(level: AudioLevel) => void>();
  const endedListeners = new Set<(error: MicrophoneError) => void>();
  let answerStopped: (() => void) | null = null;
  node.port.onmessage = (event: MessageEvent<CaptureStatusMessage>) => {
    const message = event.data;
    if (message.type === 'level') levelListeners.forEach((listener) => listener(message.level));
    else if (message.type === 'stopped') answerStopped?.();
  };

  let stopped = false;
  const release = () => {
    track.onended = null;
    source.disconnect();
    node.port.onmessage = null;
    stream.getTracks().forEach((each) => each.stop());
    return context.state === 'closed' ? Promise.resolve() : context.close();
  };
  track.onended = () => {
    if (stopped) return;
    const error = microphoneError('ended');
    endedListeners.forEach((listener) => listener(error));
  };

  source.connect(node);
  try {
    await resumeOrExplain(context);
  } catch (error) {
    stopped = true;
    await release();
    throw error;
  }

  return {
    sampleRate: CAPTURE_SAMPLE_RATE,
    contextSampleRate: context.sampleRate,
    framePort: frames.port2,
    stream,
    track,
    onLevel(listener) {
      levelListeners.add(listener);
      return () => levelListeners.delete(listener);
    },
    onEnded(listener) {
      endedListeners.add(listener);
      return () => endedListeners.delete(listener);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // The worklet flushes its partial frame and sends `end` on the frame port before the graph goes.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STOP_ANSWER_MS);
        answerStopped = () => {
          clearTimeout(timer);
          resolve();
        };
        node.port.postMessage({ type: 'stop' } satisfies CaptureControlMessage);
      });
      levelListeners.clear();
      endedListeners.clear();
      await release();
    },
  };
}

/** A context at `sampleRate` (null: the device's) with the capture processor loaded. */
async function audioContextWithWorklet(sampleRate: number | null): Promise<AudioContext> {
  let context: AudioContext;
  try {
    context = new AudioContext({ latencyHint: 'interactive', ...(sampleRate ? { sampleRate } : {}) });
  } catch (error) {
    // Old Safari rejects rates it does not support; the device's rate always works.
    if (sampleRate === null) throw microphoneError('unsupported', `no AudioContext: ${describe(error)}`, error);
    return audioContextWithWorklet(null);
  }
  if (!context.audioWorklet) {
    void context.close();
    throw microphoneError('unsupported', 'AudioWorklet is unavailable; the page must be served over https or from localhost');
  }
  try {
    await context.audioWorklet.addModule(captureWorkletUrl);
  } catch (error) {
    void context.close();
    throw microphoneError('failed', `the audio processor did not load: ${describe(error)}`, error);
  }
  return context;
}

async function resumeOrExplain(context: AudioContext): Promise<void> {
  if (context.state === 'running') return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(microphoneError('failed', 'the browser did not let audio start; start the microphone from a button press')),
      RESUME_MS,
    );
  });
  try {
    await Promise.race([context.resume(), blocked]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
}
