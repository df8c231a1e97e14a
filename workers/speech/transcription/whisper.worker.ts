// The Whisper worker: transformers.js's speech-recognition pipeline in a module worker, on WebGPU
// when the page found a usable GPU, else on ONNX Runtime's WASM build. Model files come from the
// organisation's mirror (or Hugging Face without one) through a fetch that refuses any other origin,
// and ONNX Runtime's wasm from this origin (mirror.ts); both are kept in Cache Storage for offline
// use. A long answer is read in overlapping 30 s windows whose word-timestamped results are merged
// (audio-chunks.ts, merge-transcripts.ts); a live partial reads one window and streams its text
// back as Whisper writes it. Load and run failures come back as a reason and a sentence for the
// candidate (transcription-errors.ts), never as a hang.
//
// What only real Whisper weights can verify (none are on the machines this was written on, which
// also cannot reach Hugging Face; the tests cover the fallback, the URLs, ONNX Runtime's wasm
// loading and the pure parts, not these):
// - that each model loads, and within memory, on real devices (phones; WebGPU adapters with and
//   without shader-f16), and that the dtype choice (whisper-catalogue.ts) exists on the mirror for
//   each `_timestamped` export;
// - accuracy (word error rate) per size and dtype, in English and in the other interview languages;
// - word-timestamp quality (the cross-attention alignment of the `_timestamped` exports), on which the
//   overlap merge and the stable/tail split rely;
// - real-time factor on WebGPU vs WASM, i.e. whether the default sizes keep up with speech;
// - streaming latency: how soon partial text appears, and whether a partial every 2 s of speech
//   keeps up or starves the final pass;
// - Whisper's invented words on silence and noise, which no filter here has been tuned against.
//
// Owns: the pipeline's lifetime, one job at a time (loads and transcriptions queue). Must not
// import: Dexie, the UI.
import { env, pipeline, WhisperTextStreamer, type AutomaticSpeechRecognitionPipeline, type ProgressInfo, type WhisperTokenizer } from '@huggingface/transformers';
import * as Comlink from 'comlink';
import type {
  WhisperDiagnostics,
  WhisperLoadProgress,
  WhisperLoadRequest,
  WhisperReady,
  WhisperStreamedText,
  WhisperTranscribeRequest,
  WhisperTranscription,
  WhisperWorkerApi,
  WorkerResult,
} from './api.ts';
import { lastWindow, planWindows, type AudioWindow } from './audio-chunks.ts';
import { mergeWindowTranscripts, type WindowTranscript } from './merge-transcripts.ts';
import { configureTransformers, type TransformersSettings } from './mirror.ts';
import { WHISPER_SAMPLE_RATE } from './resample.ts';
import { describeTranscriptionFailure, unavailableMessage, worthWasmRetry, type FailureContext, type TranscriptionFailure } from './transcription-errors.ts';
import type { WhisperModelChoice } from './whisper-catalogue.ts';
import { wordsFromWhisperOutput } from './whisper-output.ts';

const PROGRESS_INTERVAL_MS = 250;
const MAX_LOGGED_URLS = 500;

let asr: AutomaticSpeechRecognitionPipeline | null = null;
let loaded: { choice: WhisperModelChoice; ready: WhisperReady; fromMirror: boolean } | null = null;
let settings: TransformersSettings | null = null;
const requestedUrls: string[] = [];
let lastUrl: string | null = null;

// Loads and transcriptions run one at a time: ONNX Runtime in the browser cannot run two sessions at
// once, and a load must not swap the model under a running transcription.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const modelName = (choice: WhisperModelChoice) => `the speech model (Whisper ${choice.size})`;

/** Calls a Comlink callback without letting a closed page (a rejected call) break the work. */
function notify<T>(callback: ((value: T) => void) | undefined, value: T): void {
  if (!callback) return;
  try {
    const result: unknown = callback(value);
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // The page went away; the work goes on and its result is dropped.
  }
}

/** transformers.js's progress events as WhisperLoadProgress, at most every 250 ms per file. */
function progressReporter(choice: WhisperModelChoice, onProgress: ((progress: WhisperLoadProgress) => void) | undefined): (info: ProgressInfo) => void {
  const lastSent = new Map<string, number>();
  const sessionsDone = new Set<string>();
  const due = (key: string, final: boolean) => {
    const now = performance.now();
    if (!final && now - (lastSent.get(key) ?? -Infinity) < PROGRESS_INTERVAL_MS) return false;
    lastSent.set(key, now);
    return true;
  };
  return (info) => {
    switch (info.status) {
      case 'progress':
        if (due(info.file, info.loaded >= info.total)) notify(onProgress, { kind: 'file', modelId: choice.modelId, file: info.file, loadedBytes: info.loaded, totalBytes: info.total });
        break;
      case 'progress_total':
        if (due('', info.loaded >= info.total)) notify(onProgress, { kind: 'total', modelId: choice.modelId, loadedBytes: info.loaded, totalBytes: info.total });
        break;
      case 'done':
        // Both sessions' weights are in: what follows is ONNX Runtime building them.
        if (info.file.endsWith('.onnx')) sessionsDone.add(info.file);
        if (sessionsDone.size === 2) notify(onProgress, { kind: 'starting', modelId: choice.modelId, device: choice.device });
        break;
      default:
        break;
    }
  };
}

async function disposePipeline(): Promise<void> {
  const current = asr;
  asr = null;
  loaded = null;
  await current?.dispose().catch(() => undefined);
}

async function tryLoad(choice: WhisperModelChoice, context: FailureContext, onProgress?: (progress: WhisperLoadProgress) => void): Promise<{ failure: TranscriptionFailure; error: unknown } | null> {
  try {
    asr = await pipeline('automatic-speech-recognition', choice.modelId, { device: choice.device, dtype: choice.dtype, progress_callback: progressReporter(choice, onProgress) });
    return null;
  } catch (error) {
    return { failure: describeTranscriptionFailure(error, { ...context, modelName: modelName(choice), lastUrl }), error };
  }
}

const api: WhisperWorkerApi = {
  load(request: WhisperLoadRequest, onProgress?: (progress: WhisperLoadProgress) => void): Promise<WorkerResult<WhisperReady>> {
    return oneAtATime(async () => {
      const started = performance.now();
      const fromMirror = request.mirrorBase !== null;
      try {
        settings = configureTransformers(env, { mirrorBase: request.mirrorBase, wasmPaths: request.wasmPaths, pageUrl: request.pageUrl }, (url) => {
          lastUrl = url;
          if (requestedUrls.length < MAX_LOGGED_URLS) requestedUrls.push(url);
        });
      } catch (error) {
        return { ok: false, failure: describeTranscriptionFailure(error, { stage: 'load', fromMirror, modelName: modelName(request.choice) }) };
      }
      await disposePipeline();

      const context: FailureContext = { stage: 'load', fromMirror };
      let choice = request.choice;
      let reason = choice.reason;
      let failed = await tryLoad(choice, context, onProgress);
      if (failed && request.fallback && worthWasmRetry(failed.failure)) {
        const gpuError = failed.error instanceof Error ? failed.error.message : String(failed.error);
        choice = request.fallback;
        failed = await tryLoad(choice, context, onProgress);
        reason = `${choice.reason} The GPU could not run the speech model (${gpuError}).`;
      }
      if (failed) return { ok: false, failure: failed.failure };

      const ready: WhisperReady = { modelId: choice.modelId, device: choice.device, dtype: choice.dtype, language: choice.language, reason, loadMs: performance.now() - started };
      loaded = { choice, ready, fromMirror };
      return { ok: true, value: ready };
    });
  },

  transcribe(request: WhisperTranscribeRequest, onText?: (text: WhisperStreamedText) => void): Promise<WorkerResult<WhisperTranscription>> {
    return oneAtATime(async () => {
      const current = loaded;
      if (!asr || !current) {
        return { ok: false, failure: { reason: 'runtime', url: null, message: unavailableMessage('the speech model was not loaded before transcribing') } };
      }
      const started = performance.now();
      const { audio, offsetSeconds } = request;
      // A partial is one window: the last 30 s of what was sent.
      const single = lastWindow(audio.length);
      const windows: AudioWindow[] = request.partial
        ? single
          ? [single]
          : []
        : planWindows(audio.length, { windowSeconds: request.windowSeconds, overlapSeconds: request.overlapSeconds });
      try {
        const transcripts: WindowTranscript[] = [];
        for (const window of windows) {
          const windowStartSeconds = offsetSeconds + window.startSeconds;
          let streamed = '';
          const streamer = onText
            ? new WhisperTextStreamer(asr.tokenizer as WhisperTokenizer, {
                skip_prompt: true,
                callback_function: (text: string) => {
                  streamed += text;
                  notify(onText, { windowIndex: window.index, windowCount: windows.length, windowStartSeconds, text: streamed });
                },
              })
            : undefined;
          const output = await asr(audio.subarray(window.startSample, window.endSample), {
            return_timestamps: 'word',
            // English-only models refuse a language or task.
            ...(current.choice.language ? { language: current.choice.language, task: 'transcribe' } : {}),
            ...(streamer ? { streamer } : {}),
          });
          transcripts.push({
            startSeconds: windowStartSeconds,
            endSeconds: offsetSeconds + window.endSeconds,
            atAudioStart: window.atAudioStart,
            atAudioEnd: window.atAudioEnd,
            words: wordsFromWhisperOutput(output, windowStartSeconds, window.endSeconds - window.startSeconds),
          });
        }
        const words = transcripts.length === 1 ? transcripts[0]!.words.slice() : mergeWindowTranscripts(transcripts);
        return {
          ok: true,
          value: {
            words,
            partial: request.partial,
            windowStartSeconds: transcripts.at(-1)?.startSeconds ?? offsetSeconds,
            windowCount: windows.length,
            audioSeconds: audio.length / WHISPER_SAMPLE_RATE,
            processingMs: performance.now() - started,
            modelId: current.ready.modelId,
            device: current.ready.device,
          },
        };
      } catch (error) {
        return { ok: false, failure: describeTranscriptionFailure(error, { stage: 'transcribe', fromMirror: current.fromMirror, modelName: modelName(current.choice), lastUrl }) };
      }
    });
  },

  async diagnostics(): Promise<WhisperDiagnostics> {
    return {
      settings,
      requestedUrls: [...requestedUrls],
      resourceUrls: performance.getEntriesByType('resource').map((entry) => entry.name),
    };
  },

  dispose(): Promise<void> {
    return oneAtATime(disposePipeline);
  },
};

Comlink.expose(api);
