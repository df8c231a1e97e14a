// The speech worker's contract for voice activity: what the page asks of it, and what it reports.
// Audio never travels on these messages (except a recording handed to the throughput benchmark):
// frames come from the capture worklet on their own MessagePort (capture/capture-format.ts).
// Owns: the message types between the page and vad.worker.ts. Must not import: DOM-only APIs.
import type { SpeechEvent, SpeechSegment, SpeechSegmenterOptions } from './speech-segmenter.ts';

export type VadWorkerRequest =
  /** Load the runtime and the model; answered by `ready` or `error`. */
  | { type: 'load'; options: Partial<SpeechSegmenterOptions> }
  /** Consume CaptureFrameMessages from this port (a new capture: times restart at 0, the model's memory is cleared). */
  | { type: 'listen'; frames: MessagePort }
  | { type: 'new-answer' }
  | { type: 'set-options'; options: Partial<SpeechSegmenterOptions> }
  /** The capture is stopping: process what it sent up to its `end`, close any open segment, answer `finished`. */
  | { type: 'finish' }
  /** The capture's audio from `fromSample` (16 kHz) on, for transcription; answered by `audio`. */
  | { type: 'read-audio'; fromSample: number; requestId: number }
  /** Benchmark: run the model over 16 kHz samples `passes` times as fast as it goes; answered by `throughput`. */
  | { type: 'measure-throughput'; samples: Float32Array; passes: number };

export interface VadThroughputRun {
  audioSeconds: number;
  elapsedMs: number;
  /** Seconds of audio analysed per second of work. */
  realTimeFactor: number;
  frames: number;
  segments: SpeechSegment[];
}

export interface VadStats {
  frames: number;
  /** Milliseconds the model took per frame: median and worst, over the capture. */
  medianFrameMs: number;
  maxFrameMs: number;
}

export type VadWorkerEvent =
  | SpeechEvent
  | { type: 'ready'; loadMs: number }
  | { type: 'finished'; segments: SpeechSegment[]; stats: VadStats }
  | { type: 'throughput'; runs: VadThroughputRun[] }
  /** A copy of the capture's audio (transferred): `startSample` is where it starts in the capture. */
  | { type: 'audio'; requestId: number; samples: Float32Array; startSample: number }
  | { type: 'error'; message: string };
