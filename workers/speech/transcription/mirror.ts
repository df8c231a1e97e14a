// Points transformers.js at the organisation's model mirror and at ONNX Runtime's wasm on this
// origin, and makes sure it can reach nothing else. The mirror keeps a public URL at
// <mirror>/<host><path> (models/download/mirror-url.ts), so Hugging Face's
// https://huggingface.co/{model}/resolve/{revision}/{file} is <mirror>/huggingface.co/{model}/…:
// env.remoteHost = <mirror>/huggingface.co/ with transformers.js's default path template.
// Without a mirror the files come from huggingface.co itself.
//
// Settings, and why:
// - allowLocalModels off: its "local" path is /models/<model id>/ on the page's origin, which here is
//   the mirror's own namespace (and in Vite's dev server the repo's models/ source folder).
// - allowRemoteModels on, the browser cache on (Cache Storage 'transformers-cache', keyed by the
//   mirror URL, which is where the app's downloader can put the files too), the wasm cache on
//   (transformers.js keeps ONNX Runtime's 26 MB wasm there, so transcription works offline after
//   the first load).
// - ONNX Runtime's wasm and its loader from this origin (ort-wasm-files.ts): its default is
//   cdn.jsdelivr.net, which a closed network or an offline PWA cannot reach.
// - env.fetch refuses every origin but the page's and the mirror's, and logs what it fetched, so a
//   stray URL fails loudly instead of leaking a request.
// Owns: transformers.js's environment settings. Pure: it edits the env object it is given, so
// tests pass a plain object and the worker passes the real `env`.
import { mirrorUrlOf } from '../../../models/download/mirror-url.ts';
import { HUGGING_FACE_ORIGIN, TRANSFORMERS_CACHE_NAME } from './whisper-catalogue.ts';

export interface OrtWasmPaths {
  /** ONNX Runtime's wasm binary, absolute. */
  wasm: string;
  /** Its ES-module loader, absolute. */
  mjs: string;
}

type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** The part of transformers.js's `env` set here (structurally its TransformersEnvironment). */
export interface TransformersEnvLike {
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
  remoteHost: string;
  remotePathTemplate: string;
  useBrowserCache: boolean;
  useWasmCache: boolean;
  cacheKey: string;
  fetch: FetchLike;
  backends: { onnx: { wasm?: { wasmPaths?: string | { wasm?: string | URL; mjs?: string | URL }; proxy?: boolean } } };
}

export interface TransformersSources {
  /** The organisation's mirror root ('/models', 'https://models.example.org'), or null for Hugging Face. */
  mirrorBase: string | null;
  wasmPaths: OrtWasmPaths;
  /** What relative URLs are resolved against: the page's (or worker's) location. */
  pageUrl: string;
  /** The fetch behind the guard (tests pass one that answers without a network). */
  fetch?: FetchLike;
}

/** What was configured, for diagnostics and tests. */
export interface TransformersSettings {
  remoteHost: string;
  remotePathTemplate: string;
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
  useBrowserCache: boolean;
  useWasmCache: boolean;
  cacheKey: string;
  wasmPaths: OrtWasmPaths;
  /** Origins env.fetch may reach. */
  allowedOrigins: string[];
}

export const REMOTE_PATH_TEMPLATE = '{model}/resolve/{revision}/';

/** env.remoteHost for a mirror (absolute, ending in '/'), or Hugging Face's own without one. */
export function transformersRemoteHost(mirrorBase: string | null, pageUrl: string): string {
  return mirrorBase === null ? `${HUGGING_FACE_ORIGIN}/` : mirrorUrlOf(`${HUGGING_FACE_ORIGIN}/`, mirrorBase, pageUrl);
}

export class RefusedOriginError extends Error {
  override name = 'RefusedOriginError';
}

/**
 * `fetchFn`, refusing any URL outside `allowedOrigins` and telling `onRequest` about each one it lets
 * through (blob: and data: URLs, made in memory, pass unlogged).
 */
export function guardedFetch(fetchFn: FetchLike, allowedOrigins: readonly string[], baseUrl: string, onRequest?: (url: string) => void): FetchLike {
  return async (input, init) => {
    const url = new URL(String(input), baseUrl);
    if (url.protocol === 'blob:' || url.protocol === 'data:') return fetchFn(input, init);
    if (!allowedOrigins.includes(url.origin)) {
      throw new RefusedOriginError(`Refused to fetch ${url.href}: the speech model may only come from ${allowedOrigins.join(' or ')}.`);
    }
    onRequest?.(url.href);
    return fetchFn(url.href, init);
  };
}

/** Sets transformers.js's `env` for `sources`; returns what it set. */
export function configureTransformers(env: TransformersEnvLike, sources: TransformersSources, onRequest?: (url: string) => void): TransformersSettings {
  const remoteHost = transformersRemoteHost(sources.mirrorBase, sources.pageUrl);
  const pageOrigin = new URL(sources.pageUrl).origin;
  const allowedOrigins = [...new Set([pageOrigin, new URL(remoteHost).origin])];
  const wasmPaths = { wasm: new URL(sources.wasmPaths.wasm, sources.pageUrl).href, mjs: new URL(sources.wasmPaths.mjs, sources.pageUrl).href };
  for (const url of Object.values(wasmPaths)) {
    if (new URL(url).origin !== pageOrigin) throw new RefusedOriginError(`ONNX Runtime's files must come from this origin (${pageOrigin}), not ${url}.`);
  }

  env.allowRemoteModels = true;
  env.allowLocalModels = false;
  env.remoteHost = remoteHost;
  env.remotePathTemplate = REMOTE_PATH_TEMPLATE;
  env.useBrowserCache = true;
  env.useWasmCache = true;
  env.cacheKey = TRANSFORMERS_CACHE_NAME;
  const base = sources.fetch ?? globalThis.fetch.bind(globalThis);
  env.fetch = guardedFetch(base, allowedOrigins, sources.pageUrl, onRequest);
  // env.backends.onnx is a copy of ONNX Runtime's env, but its `wasm` is ONNX Runtime's own object.
  const wasm = env.backends.onnx.wasm;
  if (!wasm) throw new Error("transformers.js exposes no ONNX Runtime wasm settings (env.backends.onnx.wasm): its backend did not load.");
  wasm.wasmPaths = { ...wasmPaths };
  // The model already runs in a worker; ONNX Runtime's own proxy worker would add a copy of every tensor.
  wasm.proxy = false;

  return {
    remoteHost,
    remotePathTemplate: REMOTE_PATH_TEMPLATE,
    allowRemoteModels: true,
    allowLocalModels: false,
    useBrowserCache: true,
    useWasmCache: true,
    cacheKey: TRANSFORMERS_CACHE_NAME,
    wasmPaths,
    allowedOrigins,
  };
}

/** The URL transformers.js fetches (and caches under) for one model file, given the settings. */
export function transformersFileUrl(settings: Pick<TransformersSettings, 'remoteHost' | 'remotePathTemplate'>, modelId: string, path: string, revision = 'main'): string {
  return `${settings.remoteHost}${settings.remotePathTemplate.replaceAll('{model}', modelId).replaceAll('{revision}', encodeURIComponent(revision))}${path}`;
}
