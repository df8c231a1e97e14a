// Where the FaceLandmarker's files come from. MediaPipe's wasm is bundled by Vite (same origin, so it
// is precached and works offline). The model (3.7 MB) is fetched on first use from the organisation's
// mirror when there is one, else from Google's public bucket, and cached by the service worker.
// A mirror holds it at `<mirror>/face_landmarker.task` (MODELS_DIR/face_landmarker.task on the sync
// server), the same file as the public one.
// Owns: the vision model's URLs. Must not import: Dexie, the UI.
import wasmBinaryUrl from '@mediapipe/tasks-vision/vision_wasm_module_internal.wasm?url';
import wasmLoaderUrl from '@mediapipe/tasks-vision/vision_wasm_module_internal.js?url';
import type { VisionModelFiles } from './api.ts';

export const FACE_MODEL_FILE = 'face_landmarker.task';
export const FACE_MODEL_PUBLIC_URL = `https://storage.googleapis.com/mediapipe-models/face_landmarker/face_landmarker/float16/1/${FACE_MODEL_FILE}`;

export function visionModelFiles(mirrorBase: string | null): VisionModelFiles {
  const modelUrl = mirrorBase ? `${mirrorBase.replace(/\/+$/, '')}/${FACE_MODEL_FILE}` : FACE_MODEL_PUBLIC_URL;
  return { modelUrl, wasmLoaderUrl: absolute(wasmLoaderUrl), wasmBinaryUrl: absolute(wasmBinaryUrl) };
}

// The worker resolves URLs against its own script's URL; absolute ones mean the same everywhere.
function absolute(url: string): string {
  return new URL(url, globalThis.location?.href).href;
}
