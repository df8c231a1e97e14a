// The local engine's model: WebLLM in a dedicated worker on this device's GPU. The model record
// points at the mirror (models/download/mirror-url.ts) and its files are already in web-llm's Cache
// Storage (models/download/), so loading reads from disk and works offline.
//
// What only real weights on a real GPU can verify (none are available where this was built): that a
// given tier loads within the device's memory, generation speed, and how closely each model follows
// the JSON schema. The worker wiring, the load-failure path and the fallbacks are tested in Chromium.
//
// Known web-llm pitfalls handled here:
// - GPU device loss (out of memory, driver reset, tab backgrounded on mobile): the engine is useless
//   afterwards, so the worker is terminated and the error says to pick a smaller model or reload.
// - f16: q4f16 builds need `shader-f16`; models/choose-llm-tier.ts picks q4f32 without it, and a
//   ShaderF16SupportError is still turned into a plain message in case a record slipped through.
// - Memory: one engine per page (a second would double GPU memory), loaded once and reused.
// Owns: the WebLLM side of ChatBackend. Must not import: Dexie, Solid.
import type { AppConfig, InitProgressReport, MLCEngineInterface, ModelRecord } from '@mlc-ai/web-llm';
import { ChatBackendError, type ChatBackend, type ChatCallOptions, type ChatRequest } from '../chat-backend.ts';
import webLlmWorkerUrl from './webllm.worker.ts?worker&url';

/**
 * Fetches the worker's code (≈6 MB of web-llm) so the service worker caches it: called after a model
 * download, so the model also works offline before it was ever run online.
 */
export async function warmLocalEngineCode(): Promise<void> {
  await fetch(webLlmWorkerUrl).then((response) => response.arrayBuffer());
}

export interface LocalModelLoadProgress {
  /** 0 to 1. */
  progress: number;
  text: string;
}

export interface LocalChatBackendOptions {
  /** The web-llm model record, pointed at where its files were downloaded from. */
  record: ModelRecord;
  onLoadProgress?: (progress: LocalModelLoadProgress) => void;
  /** For tests: where the worker comes from. */
  createWorker?: () => Worker;
}

export interface LocalChatBackend extends ChatBackend {
  /** Loads the model now (it otherwise loads on the first request). */
  load(): Promise<void>;
  /** Frees the GPU memory and stops the worker. */
  unload(): Promise<void>;
}

export function createLocalChatBackend(options: LocalChatBackendOptions): LocalChatBackend {
  let worker: Worker | null = null;
  let engine: Promise<MLCEngineInterface> | null = null;

  const stop = () => {
    worker?.terminate();
    worker = null;
    engine = null;
  };

  const load = (): Promise<MLCEngineInterface> => {
    engine ??= (async () => {
      const { CreateWebWorkerMLCEngine } = await import('@mlc-ai/web-llm');
      worker = options.createWorker?.() ?? new Worker(webLlmWorkerUrl, { type: 'module' });
      const appConfig: AppConfig = { model_list: [options.record], cacheBackend: 'cache' };
      return CreateWebWorkerMLCEngine(worker, options.record.model_id, {
        appConfig,
        initProgressCallback: (report: InitProgressReport) => options.onLoadProgress?.({ progress: report.progress, text: report.text }),
      });
    })();
    engine.catch(() => stop());
    return engine;
  };

  return {
    kind: 'local',
    async load() {
      try {
        await load();
      } catch (error) {
        throw toBackendError(error);
      }
    },
    async unload() {
      const current = engine;
      stop();
      await current?.then((loaded) => loaded.unload()).catch(() => undefined);
    },
    async complete(request: ChatRequest, call: ChatCallOptions = {}): Promise<string> {
      if (call.signal?.aborted) throw new ChatBackendError('Stopped.', 'aborted', false);
      let loaded: MLCEngineInterface;
      try {
        loaded = await load();
      } catch (error) {
        throw toBackendError(error);
      }
      const onAbort = () => loaded.interruptGenerate();
      call.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const chunks = await loaded.chat.completions.create({
          messages: request.messages,
          stream: true,
          temperature: request.temperature,
          max_tokens: request.maxTokens,
          // web-llm constrains decoding with a grammar built from this schema, so the answer is JSON.
          response_format: { type: 'json_object', schema: JSON.stringify(request.jsonSchema.schema) },
        });
        let text = '';
        for await (const chunk of chunks) {
          const delta = chunk.choices[0]?.delta.content;
          if (delta) {
            text += delta;
            call.onText?.(text);
          }
        }
        if (call.signal?.aborted) throw new ChatBackendError('Stopped.', 'aborted', false);
        return text;
      } catch (error) {
        if (error instanceof ChatBackendError) throw error;
        const backendError = toBackendError(error);
        if (backendError.code === 'device-lost') stop();
        throw backendError;
      } finally {
        call.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}

function toBackendError(error: unknown): ChatBackendError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (/device.{0,10}lost/i.test(message) || name === 'DeviceLostError') {
    return new ChatBackendError('The GPU stopped responding (device lost), often because the model needs more memory than is free. Choose a smaller model in AI settings, or reload the page.', 'device-lost', false);
  }
  if (name === 'WebGPUNotAvailableError' || name === 'WebGPUNotFoundError' || /webgpu/i.test(message) && /not (available|supported|found)/i.test(message)) {
    return new ChatBackendError('This browser cannot use the GPU (no WebGPU), so the on-device model cannot run.', 'unavailable', false);
  }
  if (name === 'ShaderF16SupportError' || /shader-f16/i.test(message)) {
    return new ChatBackendError('This GPU cannot run the f16 build of the model. Choose the model again in AI settings so the f32 build is used.', 'unavailable', false);
  }
  if (name === 'AbortError') return new ChatBackendError('Stopped.', 'aborted', false);
  // web-llm reads the model from Cache Storage and fetches what is not there: a failed fetch or
  // cache.add means files are missing (deleted, or the download never finished) and the mirror
  // cannot supply them now.
  if (/Failed to execute 'add' on 'Cache'|Failed to fetch|NetworkError|status(?: code)? 40\d/i.test(message)) {
    return new ChatBackendError(`The on-device model's files are missing on this device and could not be fetched (${message.slice(0, 120)}). Download the model again in AI settings.`, 'unavailable', false);
  }
  if (name === 'CompileError' || /WebAssembly\.(instantiate|compile)/.test(message)) {
    return new ChatBackendError("The on-device model's files are damaged (its library does not compile). Delete the model in AI settings and download it again.", 'unavailable', false);
  }
  return new ChatBackendError(`The on-device model could not run: ${message.slice(0, 300)}`, 'unavailable', false);
}
