// One spoken answer's audio, compressed, for a candidate who chose to keep recordings on this
// device: a MediaRecorder on the same MediaStream the microphone capture reads (the microphone is
// opened once, and both hear the same audio), Opus in WebM (Chromium) or in Ogg (Firefox), at a
// bitrate meant for speech. Transcript word times are on the capture's clock (seconds from its first
// sample); the recorder starts a moment after the capture, so it works out where on that clock its
// own time 0 falls (`captureOffsetSeconds`) from the capture's level readings, which carry that clock.
// Owns: the format choice, the recording, that offset, and the WebM duration fix. Must not import:
// Solid, Dexie, the UI.
import { withWebmDuration } from './webm-duration.ts';

/** Opus either way: WebM is what Chromium records, Ogg what Firefox does. */
export const RECORDING_MIME_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus'] as const;
export type RecordingMimeType = (typeof RECORDING_MIME_TYPES)[number];

/** Speech needs little: Opus at 24 kb/s is clear voice, about 180 KB a minute. */
export const RECORDING_BITS_PER_SECOND = 24_000;

/** Level readings after the start that the offset is worked out from (about a quarter second). */
const OFFSET_READINGS = 5;

export class RecordingUnsupportedError extends Error {
  override name = 'RecordingUnsupportedError';
  constructor() {
    super('This browser cannot record compressed audio (Opus in WebM or Ogg), so your spoken answers are not kept. Your answers and transcripts are saved as usual; use a current Chrome, Edge or Firefox to keep recordings.');
  }
}

/** `recorder`: the browser's recorder failed (`detail` names its error); `empty`: no audio reached it. */
export type RecordingFailure = 'recorder' | 'empty';

export class RecordingFailedError extends Error {
  override name = 'RecordingFailedError';
  constructor(
    readonly reason: RecordingFailure,
    readonly detail: string | null = null,
    options?: { cause?: unknown },
  ) {
    const what = reason === 'empty' ? 'no audio reached the recorder' : `the browser's recorder failed (${detail ?? 'unknown error'})`;
    super(`The recording of this answer was not kept: ${what}. Your answer itself is not affected; try again to keep a recording.`, options);
  }
}

export interface AnswerRecording {
  blob: Blob;
  /** What the blob is, e.g. "audio/webm;codecs=opus". */
  mimeType: string;
  bytes: number;
  durationSeconds: number;
  /**
   * Where the recording's time 0 is on the capture's clock, in seconds (positive: the recording
   * started after the capture). A word at capture time t plays at t − captureOffsetSeconds.
   */
  captureOffsetSeconds: number;
}

/** The capture's level readings: `at` is the capture's clock (seconds from its first sample). */
export interface CaptureClock {
  onLevel(listener: (level: { at: number }) => void): () => void;
}

export interface AnswerRecorder {
  readonly mimeType: RecordingMimeType;
  /** Ends the recording and hands it over. Throws RecordingFailedError when nothing usable was recorded. */
  stop(): Promise<AnswerRecording>;
  /** Ends the recording and throws it away. */
  discard(): void;
  /** The recorder failed mid-answer: what it had is lost. */
  onError(listener: (error: RecordingFailedError) => void): void;
}

/** The first Opus format this browser records, or null when it records none. */
export function recordingMimeType(isTypeSupported: (type: string) => boolean = defaultIsTypeSupported): RecordingMimeType | null {
  return RECORDING_MIME_TYPES.find((type) => isTypeSupported(type)) ?? null;
}

function defaultIsTypeSupported(type: string): boolean {
  return typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(type);
}

/**
 * Where the recorder's time 0 falls on the capture's clock, from level readings received after it
 * started. Each reading says "the capture was at `at` when this arrived", so at the start it was at
 * `at − (receivedMs − startedMs) / 1000`. A reading that waited on a busy main thread gives a value
 * that is too small, never too large, so the largest estimate is the best one. No reading: 0 (the
 * recorder is started right after the capture, so that is within a few milliseconds). Pure.
 */
export function captureOffsetSeconds(startedMs: number, readings: readonly { at: number; receivedMs: number }[]): number {
  const estimates = readings.filter((reading) => reading.receivedMs >= startedMs).map((reading) => reading.at - (reading.receivedMs - startedMs) / 1000);
  return estimates.length > 0 ? Math.max(...estimates) : 0;
}

/** Starts recording `stream` now. Throws RecordingUnsupportedError when the browser records no Opus. */
export function startAnswerRecorder(stream: MediaStream, options: { clock?: CaptureClock; now?: () => number } = {}): AnswerRecorder {
  const mimeType = recordingMimeType();
  if (!mimeType) throw new RecordingUnsupportedError();
  const now = options.now ?? (() => performance.now());
  const recorder = new MediaRecorder(stream, { mimeType, audioBitsPerSecond: RECORDING_BITS_PER_SECOND });
  const chunks: Blob[] = [];
  const errorListeners = new Set<(error: RecordingFailedError) => void>();
  let failure: RecordingFailedError | null = null;
  let discarded = false;

  // Readings arrive as tasks, so every one is received after the synchronous start below.
  const readings: { at: number; receivedMs: number }[] = [];
  const unsubscribe =
    options.clock?.onLevel((level) => {
      readings.push({ at: level.at, receivedMs: now() });
      if (readings.length >= OFFSET_READINGS) unsubscribe?.();
    }) ?? null;

  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  recorder.addEventListener('error', (event) => {
    const cause = (event as Event & { error?: unknown }).error;
    failure = new RecordingFailedError('recorder', cause instanceof Error || cause instanceof DOMException ? cause.name : null, { cause });
    if (!discarded) errorListeners.forEach((listener) => listener(failure!));
  });
  recorder.start();
  const startedMs = now();

  const end = () => {
    unsubscribe?.();
    if (recorder.state !== 'inactive') recorder.stop();
  };

  return {
    mimeType,
    async stop() {
      const stoppedMs = now();
      end();
      await stopped;
      if (failure) throw failure;
      const type = recorder.mimeType || mimeType;
      const measuredSeconds = Math.max(0, (stoppedMs - startedMs) / 1000);
      let blob = new Blob(chunks, { type });
      if (blob.size === 0) throw new RecordingFailedError('empty');
      let durationSeconds = measuredSeconds;
      if (type.startsWith('audio/webm')) {
        const patched = withWebmDuration(new Uint8Array(await blob.arrayBuffer()), measuredSeconds);
        if (patched.durationSeconds !== null) {
          blob = new Blob([patched.bytes as Uint8Array<ArrayBuffer>], { type });
          durationSeconds = patched.durationSeconds;
        }
      }
      return { blob, mimeType: type, bytes: blob.size, durationSeconds, captureOffsetSeconds: captureOffsetSeconds(startedMs, readings) };
    },
    discard() {
      discarded = true;
      end();
      chunks.length = 0;
    },
    onError(listener) {
      errorListeners.add(listener);
    },
  };
}
