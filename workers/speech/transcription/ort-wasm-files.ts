// ONNX Runtime's wasm files for transformers.js, bundled by Vite and served from this origin, so
// transcription needs no CDN (transformers.js's default is cdn.jsdelivr.net) and the PWA can work
// offline. They must be the files of the exact onnxruntime-web transformers.js runs:
// @huggingface/transformers 4.3.1 pins onnxruntime-web 1.31.0-dev (nested under it in
// node_modules), while the app's own onnxruntime-web (1.22, for the VAD) is a different build whose
// wasm would not match. The variant is "asyncify", the one transformers.js 4.3.1 picks for both
// its WebGPU and WASM devices. mirror.test.ts checks the version and the names.
// Owns: the URLs of those two files. Must not import: transformers.js (this runs before it loads).
import ortWasmUrl from '../../../node_modules/@huggingface/transformers/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortWasmLoaderUrl from '../../../node_modules/@huggingface/transformers/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.mjs?url';
import type { OrtWasmPaths } from './mirror.ts';

export const ORT_WASM_FILE = 'ort-wasm-simd-threaded.asyncify.wasm';
export const ORT_WASM_LOADER_FILE = 'ort-wasm-simd-threaded.asyncify.mjs';

/** Absolute URLs (a worker resolves relative ones against its own script, not the page). */
export function ortWasmPaths(baseUrl: string | undefined = globalThis.location?.href): OrtWasmPaths {
  return { wasm: new URL(ortWasmUrl, baseUrl).href, mjs: new URL(ortWasmLoaderUrl, baseUrl).href };
}
