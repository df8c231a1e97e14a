// The speech worker's voice-activity part: capture frames arrive straight from the AudioWorklet on a
// MessagePort, are cut into 512-sample Silero frames, run through the model one at a time in order,
// and the probabilities go through the SpeechSegmenter; only its events (segments, speaking,
// answer-ended) go to the page. Frames are timed by their sample position in the capture, not by
// when they arrive, so a slow moment here delays events but never shifts their times.
// Owns: the model's lifetime in the worker and the frame queue. Must not import: the UI, capture's
// page-side code.
import { CAPTURE_SAMPLE_RATE, type CaptureFrameMessage } from '../capture/capture-format.ts';
import { FrameBatcher } from '../capture/frame-batcher.ts';
import { loadSileroModelBytes, onnxRuntime } from './onnx-runtime.ts';
import { SILERO_FRAME_SAMPLES, SileroVadModel } from './silero-vad-model.ts';
import { SpeechSegmenter, type SpeechEvent, type SpeechSegment, type SpeechSegmenterOptions } from './speech-segmenter.ts';
import type { VadStats, VadThroughputRun, VadWorkerEvent, VadWorkerRequest } from './vad-worker-protocol.ts';

// How long `finish` waits for the capture's `end` (it travels on another port, so may come later).
const END_WAIT_MS = 1000;

let model: SileroVadModel | null = null;
let options: Partial<SpeechSegmenterOptions> = {};
let current: Listening | null = null;
// The capture that most recently finished, so its audio can still be read for the final transcript.
let finished: Listening | null = null;

function post(event: VadWorkerEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, { transfer });
}

function fail(error: unknown): void {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}

/** One capture being listened to. */
class Listening {
  readonly segmenter = new SpeechSegmenter(options);
  private readonly segments: SpeechSegment[] = [];
  private readonly frameMs: number[] = [];
  // The capture's audio, kept for transcription (64 KB a second; a ten-minute capture is 38 MB). It
  // stays in this worker: only a copy of what transcription asks for leaves, to the speech worker.
  private readonly audio: Float32Array[] = [];
  private audioSamples = 0;
  private queue: Promise<void> = Promise.resolve();
  private ended = false;
  private whenEnded: (() => void) | null = null;
  private readonly batcher = new FrameBatcher(SILERO_FRAME_SAMPLES, (frame, startSample) => {
    this.queue = this.queue.then(() => this.analyse(frame, startSample)).catch(fail);
  });

  constructor(
    private readonly vad: SileroVadModel,
    private readonly port: MessagePort,
  ) {
    vad.reset();
    port.onmessage = (event: MessageEvent<CaptureFrameMessage>) => {
      const message = event.data;
      if (message.type === 'frame') {
        this.audio.push(message.samples);
        this.audioSamples += message.samples.length;
        this.batcher.push(message.samples);
      }
      else this.end();
    };
  }

  async finish(): Promise<void> {
    if (!this.ended) {
      await new Promise<void>((resolve) => {
        this.whenEnded = resolve;
        setTimeout(resolve, END_WAIT_MS);
      });
    }
    this.end();
    await this.queue;
    this.emit(this.segmenter.finish());
    post({ type: 'finished', segments: this.segments, stats: this.stats() });
  }

  /** A copy of the audio from `fromSample` on (0 when before the start). */
  readAudio(fromSample: number): { samples: Float32Array; startSample: number } {
    const startSample = Math.max(0, Math.min(fromSample, this.audioSamples));
    const samples = new Float32Array(this.audioSamples - startSample);
    let position = 0;
    for (const chunk of this.audio) {
      const chunkEnd = position + chunk.length;
      if (chunkEnd > startSample) {
        const from = Math.max(0, startSample - position);
        samples.set(chunk.subarray(from), position + from - startSample);
      }
      position = chunkEnd;
    }
    return { samples, startSample };
  }

  private end(): void {
    // The last partial frame (under 32 ms) is dropped: Silero only takes whole frames.
    this.ended = true;
    this.port.onmessage = null;
    this.port.close();
    this.whenEnded?.();
  }

  private async analyse(frame: Float32Array, startSample: number): Promise<void> {
    const started = performance.now();
    const probability = await this.vad.probability(frame);
    this.frameMs.push(performance.now() - started);
    const start = startSample / CAPTURE_SAMPLE_RATE;
    this.emit(this.segmenter.push(probability, start, start + frame.length / CAPTURE_SAMPLE_RATE));
  }

  private emit(events: SpeechEvent[]): void {
    for (const event of events) {
      if (event.type === 'segment') this.segments.push(event.segment);
      post(event);
    }
  }

  private stats(): VadStats {
    const sorted = [...this.frameMs].sort((a, b) => a - b);
    return { frames: sorted.length, medianFrameMs: sorted[Math.floor(sorted.length / 2)] ?? 0, maxFrameMs: sorted[sorted.length - 1] ?? 0 };
  }
}

async function loadedModel(): Promise<SileroVadModel> {
  model ??= await SileroVadModel.load(onnxRuntime(), await loadSileroModelBytes());
  return model;
}

async function measureThroughput(samples: Float32Array, passes: number): Promise<VadThroughputRun[]> {
  const vad = await loadedModel();
  const runs: VadThroughputRun[] = [];
  const frameSeconds = SILERO_FRAME_SAMPLES / CAPTURE_SAMPLE_RATE;
  for (let pass = 0; pass < passes; pass++) {
    vad.reset();
    const segmenter = new SpeechSegmenter(options);
    const segments: SpeechSegment[] = [];
    let frames = 0;
    const started = performance.now();
    for (let offset = 0; offset + SILERO_FRAME_SAMPLES <= samples.length; offset += SILERO_FRAME_SAMPLES) {
      const probability = await vad.probability(samples.subarray(offset, offset + SILERO_FRAME_SAMPLES));
      const start = offset / CAPTURE_SAMPLE_RATE;
      for (const event of segmenter.push(probability, start, start + frameSeconds)) if (event.type === 'segment') segments.push(event.segment);
      frames++;
    }
    for (const event of segmenter.finish()) if (event.type === 'segment') segments.push(event.segment);
    const elapsedMs = performance.now() - started;
    const audioSeconds = (frames * SILERO_FRAME_SAMPLES) / CAPTURE_SAMPLE_RATE;
    runs.push({ audioSeconds, elapsedMs, realTimeFactor: audioSeconds / (elapsedMs / 1000), frames, segments });
  }
  return runs;
}

self.onmessage = (event: MessageEvent<VadWorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'load': {
      options = request.options;
      const started = performance.now();
      loadedModel().then(() => post({ type: 'ready', loadMs: performance.now() - started }), fail);
      break;
    }
    case 'listen':
      finished = null;
      if (model) current = new Listening(model, request.frames);
      else fail(new Error('The voice-activity model is not loaded: send `load` and wait for `ready` first.'));
      break;
    case 'new-answer':
      current?.segmenter.newAnswer();
      break;
    case 'set-options':
      options = { ...options, ...request.options };
      current?.segmenter.setOptions(request.options);
      break;
    case 'finish': {
      const listening = current;
      current = null;
      finished = listening;
      if (listening) listening.finish().catch(fail);
      else post({ type: 'finished', segments: [], stats: { frames: 0, medianFrameMs: 0, maxFrameMs: 0 } });
      break;
    }
    case 'read-audio': {
      const source = current ?? finished;
      const audio = source ? source.readAudio(request.fromSample) : { samples: new Float32Array(0), startSample: 0 };
      post({ type: 'audio', requestId: request.requestId, ...audio }, [audio.samples.buffer]);
      break;
    }
    case 'measure-throughput':
      measureThroughput(request.samples, request.passes).then((runs) => post({ type: 'throughput', runs }), fail);
      break;
  }
};
