// The page's handle on voice activity detection: starts the speech worker with Silero VAD loaded,
// points it at a capture's frame port, and turns its messages into subscriptions the UI uses
// (speech segments as they close, speaking/silent, answer-ended). The page sees a few events a
// second at most; audio frames go from the worklet to the worker without passing through here.
// Owns: the VAD worker's lifetime. Must not import: the UI, the microphone (see listen.ts).
import type { SpeechSegment, SpeechSegmenterOptions } from './speech-segmenter.ts';
import type { VadStats, VadWorkerEvent, VadWorkerRequest } from './vad-worker-protocol.ts';

export interface VoiceActivityOptions extends Partial<SpeechSegmenterOptions> {
  /** For tests and for a worker shared with speech recognition; a new VAD worker by default. */
  createWorker?: () => Worker;
}

export interface AnswerEnded {
  /** Seconds from capture start: the end of the answer's last speech, and when the silence after it was long enough. */
  lastSpeechEnd: number;
  at: number;
}

export interface VoiceActivityResult {
  segments: SpeechSegment[];
  stats: VadStats;
}

export interface VoiceActivity {
  /** How long loading the runtime and model took, in ms. */
  readonly loadMs: number;
  /** Segments closed so far in the current capture. */
  readonly segments: readonly SpeechSegment[];
  readonly speaking: boolean;
  /**
   * Analyse a capture's frames (capture/microphone-capture.ts `framePort`); the port is transferred
   * to the worker. Times restart at 0 for each capture.
   */
  listenTo(framePort: MessagePort): void;
  /** A new question: answer-ended waits for speech from now on. */
  newAnswer(): void;
  setOptions(options: Partial<SpeechSegmenterOptions>): void;
  onSegment(listener: (segment: SpeechSegment) => void): () => void;
  /** `at`: where the speech started (true) or ended (false), seconds from capture start. */
  onSpeakingChange(listener: (speaking: boolean, at: number) => void): () => void;
  onAnswerEnded(listener: (ended: AnswerEnded) => void): () => void;
  /** The worker failed (the model would not run); VAD has stopped. */
  onError(listener: (error: VoiceActivityError) => void): () => void;
  /**
   * A copy of the capture's audio (16 kHz mono) from `fromSample` on, for transcription; also
   * after finish(), until the next listenTo().
   */
  readAudio(fromSample?: number): Promise<{ samples: Float32Array; startSample: number }>;
  /** After the capture stopped: waits for its last frames, closes a segment under way, returns all of them. */
  finish(): Promise<VoiceActivityResult>;
  /** Ends the worker. */
  close(): void;
}

export class VoiceActivityError extends Error {
  override name = 'VoiceActivityError';
}

export async function startVoiceActivity(options: VoiceActivityOptions = {}): Promise<VoiceActivity> {
  const { createWorker, ...segmenterOptions } = options;
  const worker = createWorker?.() ?? new Worker(new URL('./vad.worker.ts', import.meta.url), { type: 'module', name: 'speech-vad' });
  const send = (request: VadWorkerRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer);

  const segmentListeners = new Set<(segment: SpeechSegment) => void>();
  const speakingListeners = new Set<(speaking: boolean, at: number) => void>();
  const answerEndedListeners = new Set<(ended: AnswerEnded) => void>();
  const errorListeners = new Set<(error: VoiceActivityError) => void>();
  const segments: SpeechSegment[] = [];
  let speaking = false;
  let pendingFinish: { resolve: (result: VoiceActivityResult) => void; reject: (error: Error) => void } | null = null;
  const audioReads = new Map<number, (audio: { samples: Float32Array; startSample: number }) => void>();
  let nextAudioRead = 0;
  let loaded: { resolve: (loadMs: number) => void; reject: (error: Error) => void } | null = null;

  const failWith = (error: VoiceActivityError) => {
    if (loaded) return loaded.reject(error);
    pendingFinish?.reject(error);
    pendingFinish = null;
    errorListeners.forEach((listener) => listener(error));
  };

  worker.onmessage = (event: MessageEvent<VadWorkerEvent>) => {
    const message = event.data;
    switch (message.type) {
      case 'ready':
        loaded?.resolve(message.loadMs);
        break;
      case 'segment':
        segments.push(message.segment);
        segmentListeners.forEach((listener) => listener(message.segment));
        break;
      case 'speaking':
        speaking = message.speaking;
        speakingListeners.forEach((listener) => listener(message.speaking, message.at));
        break;
      case 'answer-ended':
        answerEndedListeners.forEach((listener) => listener({ lastSpeechEnd: message.lastSpeechEnd, at: message.at }));
        break;
      case 'finished':
        pendingFinish?.resolve({ segments: message.segments, stats: message.stats });
        pendingFinish = null;
        break;
      case 'error':
        failWith(new VoiceActivityError(`Voice activity detection stopped: ${message.message}`));
        break;
      case 'audio':
        audioReads.get(message.requestId)?.({ samples: message.samples, startSample: message.startSample });
        audioReads.delete(message.requestId);
        break;
      case 'throughput':
        break;
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failWith(new VoiceActivityError(`The voice-activity worker failed: ${event.message || 'it could not start'}`));
  };

  let loadMs: number;
  try {
    loadMs = await new Promise<number>((resolve, reject) => {
      loaded = { resolve, reject };
      send({ type: 'load', options: segmenterOptions });
    });
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    loaded = null;
  }

  const subscribe =
    <T>(set: Set<T>) =>
    (listener: T) => {
      set.add(listener);
      return () => void set.delete(listener);
    };

  return {
    loadMs,
    segments,
    get speaking() {
      return speaking;
    },
    listenTo(framePort) {
      segments.length = 0;
      speaking = false;
      send({ type: 'listen', frames: framePort }, [framePort]);
    },
    newAnswer: () => send({ type: 'new-answer' }),
    setOptions: (update) => send({ type: 'set-options', options: update }),
    onSegment: subscribe(segmentListeners),
    onSpeakingChange: subscribe(speakingListeners),
    onAnswerEnded: subscribe(answerEndedListeners),
    onError: subscribe(errorListeners),
    readAudio(fromSample = 0) {
      return new Promise((resolve) => {
        const requestId = nextAudioRead++;
        audioReads.set(requestId, resolve);
        send({ type: 'read-audio', fromSample, requestId });
      });
    },
    finish() {
      return new Promise<VoiceActivityResult>((resolve, reject) => {
        pendingFinish?.reject(new VoiceActivityError('finish() was called again'));
        pendingFinish = { resolve, reject };
        send({ type: 'finish' });
      });
    },
    close() {
      worker.terminate();
      // A read that can no longer be answered gets no audio rather than never settling.
      audioReads.forEach((resolve) => resolve({ samples: new Float32Array(0), startSample: 0 }));
      audioReads.clear();
      pendingFinish?.reject(new VoiceActivityError('closed'));
      pendingFinish = null;
      [segmentListeners, speakingListeners, answerEndedListeners, errorListeners].forEach((set) => set.clear());
    },
  };
}
