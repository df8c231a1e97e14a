// What microphone capture produces and the messages that carry it: 16 kHz mono Float32 frames with
// their position in the capture, sent from the AudioWorklet straight to the speech worker through a
// MessagePort, and ~20 level readings a second sent to the page for a meter.
// Owns: the capture's sample format and its message shapes, shared by the worklet, the page and the
// speech worker. Must not import: DOM-only APIs (the AudioWorklet and workers import this).

/** Every consumer (Silero VAD, Whisper) wants 16 kHz mono. */
export const CAPTURE_SAMPLE_RATE = 16_000;

/** 512 samples = 32 ms: exactly one Silero v5 frame, so the worker never re-slices in the common case. */
export const DEFAULT_FRAME_SAMPLES = 512;

export const DEFAULT_LEVELS_PER_SECOND = 20;

export const CAPTURE_PROCESSOR_NAME = 'interview-buddy-microphone-capture';

/** Loudness of the last stretch of audio, linear 0–1 (full scale = 1). */
export interface AudioLevel {
  rms: number;
  peak: number;
  /** Seconds from the start of the capture to the end of the stretch measured. */
  at: number;
}

/**
 * On the frame port (worklet → speech worker). `startSample` counts 16 kHz samples from the first
 * sample the capture received, so a consumer can time speech without trusting message timing.
 */
export type CaptureFrameMessage =
  | { type: 'frame'; samples: Float32Array; startSample: number }
  /** The capture stopped; `endSample` is one past the last sample sent. No frames follow. */
  | { type: 'end'; endSample: number };

export interface CaptureProcessorOptions {
  /** The context's rate; the worklet downsamples to CAPTURE_SAMPLE_RATE when they differ. */
  inputSampleRate: number;
  frameSamples: number;
  levelsPerSecond: number;
}

/** Page → worklet, on the AudioWorkletNode's port. */
export type CaptureControlMessage =
  | { type: 'connect-frames'; port: MessagePort }
  /** Flush the partial frame, send `end` on the frame port, then answer `stopped`. */
  | { type: 'stop' };

/** Worklet → page, on the AudioWorkletNode's port. */
export type CaptureStatusMessage =
  | { type: 'level'; level: AudioLevel }
  /** The first input arrived; `contextTime` is the AudioContext's clock then (seconds). */
  | { type: 'started'; contextTime: number }
  | { type: 'stopped'; endSample: number };
