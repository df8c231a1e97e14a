// The page's handle on Whisper: picks the model for the interview's language and this device,
// starts the speech worker, loads the model (from the organisation's mirror when there is one) and
// transcribes 16 kHz audio with it. Every way this can fail, from a language Whisper does not know
// to the worker dying half-way, ends in one TranscriptionUnavailableError whose message says that
// typing still works, so the interview screen can show it as it is.
// Owns: the speech worker's lifetime on the page. Must not import: the UI, Dexie.
import * as Comlink from 'comlink';
import type { DeviceCapabilities } from '../../../models/device-capabilities.ts';
import type { WhisperLoadProgress, WhisperReady, WhisperStreamedText, WhisperTranscription, WhisperWorkerApi, WorkerResult } from './api.ts';
import { ortWasmPaths } from './ort-wasm-files.ts';
import { languageFailure, TranscriptionUnavailableError, workerStopped } from './transcription-errors.ts';
import { chooseWhisperModel, whisperDeviceOf, type WhisperSize } from './whisper-catalogue.ts';

export interface TranscriberOptions {
  /** The interview's language, BCP 47. */
  languageTag: string;
  /** From the device probe: whether there is a hardware WebGPU adapter, and with shader-f16. */
  capabilities: Pick<DeviceCapabilities, 'webgpu'>;
  /** The organisation's model mirror root, or null for Hugging Face. */
  mirrorBase: string | null;
  /** A size chosen in settings, instead of the one that suits the device. */
  size?: WhisperSize;
  onProgress?: (progress: WhisperLoadProgress) => void;
  /** For tests; a new speech worker by default. */
  createWorker?: () => Worker;
}

export interface TranscribeOptions {
  /** Where the audio starts on the answer's timeline, in seconds. */
  offsetSeconds?: number;
  /** A live partial reads only the last 30 s; the final pass reads all of it in overlapping windows. */
  partial?: boolean;
  onText?: (text: WhisperStreamedText) => void;
}

export interface Transcriber {
  readonly ready: WhisperReady;
  /** Throws TranscriptionUnavailableError. The audio's buffer is transferred to the worker. */
  transcribe(audio: Float32Array, options?: TranscribeOptions): Promise<WhisperTranscription>;
  dispose(): void;
}

export async function loadTranscriber(options: TranscriberOptions): Promise<Transcriber> {
  const device = whisperDeviceOf(options.capabilities);
  const choice = chooseWhisperModel(options.languageTag, device, { size: options.size });
  if (!choice) {
    throw new TranscriptionUnavailableError(languageFailure(options.languageTag));
  }
  // A WebGPU load that fails on the GPU itself is tried once more on the CPU build.
  const fallback = choice.device === 'webgpu' ? chooseWhisperModel(options.languageTag, { webgpu: false, shaderF16: false }, { size: options.size }) : null;

  const worker = options.createWorker?.() ?? new Worker(new URL('./whisper.worker.ts', import.meta.url), { type: 'module', name: 'speech-whisper' });
  const api = Comlink.wrap<WhisperWorkerApi>(worker);
  // A worker that dies (out of memory, a failed import) answers nothing: this turns its death into
  // a rejection of whatever is waiting.
  let died: ((error: TranscriptionUnavailableError) => void) | null = null;
  const death = new Promise<never>((_, reject) => {
    died = reject;
  });
  death.catch(() => undefined);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    died?.(new TranscriptionUnavailableError(workerStopped(event.message || 'it could not start')));
  });
  const call = async <T,>(work: Promise<WorkerResult<T>>): Promise<T> => {
    const result = await Promise.race([work, death]).catch((error: unknown) => {
      throw error instanceof TranscriptionUnavailableError ? error : new TranscriptionUnavailableError(workerStopped(error), { cause: error });
    });
    if (!result.ok) throw new TranscriptionUnavailableError(result.failure);
    return result.value;
  };

  let ready: WhisperReady;
  try {
    ready = await call(
      api.load(
        { choice, fallback, mirrorBase: options.mirrorBase, wasmPaths: ortWasmPaths(), pageUrl: globalThis.location.href },
        options.onProgress ? Comlink.proxy(options.onProgress) : undefined,
      ),
    );
  } catch (error) {
    worker.terminate();
    throw error;
  }

  return {
    ready,
    transcribe(audio, transcribeOptions = {}) {
      const request = { audio, offsetSeconds: transcribeOptions.offsetSeconds ?? 0, partial: transcribeOptions.partial ?? false };
      const onText = transcribeOptions.onText ? Comlink.proxy(transcribeOptions.onText) : undefined;
      return call(api.transcribe(Comlink.transfer(request, [audio.buffer]), onText));
    },
    dispose() {
      void api.dispose().catch(() => undefined);
      worker.terminate();
      api[Comlink.releaseProxy]();
    },
  };
}
