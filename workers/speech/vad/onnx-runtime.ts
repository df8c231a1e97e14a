// onnxruntime-web for the speech worker, loaded only from this app's own origin: the wasm binary, its
// JavaScript glue and the Silero model are Vite-bundled assets (hashed files in dist/assets), never
// the CDN URLs the libraries default to, so VAD works offline once the service worker has them and
// tests never download anything.
// onnxruntime-web's package exports hide its dist/ files, so they are imported by path from
// node_modules (the repo's hoisted install); vad-web has no exports map and is imported by name.
// Owns: the runtime's asset URLs and settings. Must not import: the UI.
import * as ort from 'onnxruntime-web/wasm';
import sileroModelUrl from '@ricky0123/vad-web/dist/silero_vad_v5.onnx?url';
import ortWasmGlueUrl from '../../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.mjs?url';
import ortWasmBinaryUrl from '../../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm?url';
import type { OnnxRuntime } from './silero-vad-model.ts';

/** Same-origin URLs of the runtime's files and the model, absolute so they mean the same in any worker. */
export const SPEECH_RUNTIME_FILES = {
  sileroModel: absolute(sileroModelUrl),
  ortWasmGlue: absolute(ortWasmGlueUrl),
  ortWasmBinary: absolute(ortWasmBinaryUrl),
};

let configured = false;

export function onnxRuntime(): OnnxRuntime {
  if (!configured) {
    configured = true;
    ort.env.wasm.wasmPaths = { mjs: SPEECH_RUNTIME_FILES.ortWasmGlue, wasm: SPEECH_RUNTIME_FILES.ortWasmBinary };
    // One thread: threads need cross-origin isolation, which the app does not have, and a 32 ms frame
    // takes well under a millisecond on one. No proxy worker: this already runs in one.
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    ort.env.logLevel = 'error';
  }
  return ort;
}

export async function loadSileroModelBytes(url = SPEECH_RUNTIME_FILES.sileroModel): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The voice-activity model could not be loaded (${url}: HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

function absolute(url: string): string {
  return new URL(url, globalThis.location?.href).href;
}
