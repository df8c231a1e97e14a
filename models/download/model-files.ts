// Every file web-llm will read for one model, with the Cache Storage scope and exact URL it will look
// it up under, and its size: the chat config and tensor-cache.json (read, from web-llm's cache when
// they are there, so this works offline for a cached model), the tokenizer, each weight shard (sizes
// from tensor-cache.json's nbytes) and the wasm library (size from a HEAD request).
// Owns: the file list. Must not import: web-llm at run time, the UI.
import { abortedError, isAbort, missingError, networkError } from './download-errors.ts';
import {
  CHAT_CONFIG_FILE,
  CONFIG_SCOPE,
  MODEL_SCOPE,
  modelBaseUrl,
  TENSOR_CACHE_FILE,
  tokenizerFileOf,
  WASM_SCOPE,
  type ModelLocation,
  type WebLlmScope,
} from './web-llm-layout.ts';

export interface ModelFile {
  url: string;
  scope: WebLlmScope;
  /** Expected size; null when the server did not say (the download learns it from the response). */
  bytes: number | null;
  /**
   * Whether `bytes` is certain (tensor-cache.json's nbytes, bytes already read) or only what a HEAD's
   * Content-Length said, which a compressing server reports for the compressed body.
   */
  exact: boolean;
}

export interface ResolveOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

type Size = Pick<ModelFile, 'bytes' | 'exact'>;

interface ChatConfig {
  tokenizer_files?: string[];
}

interface TensorCacheManifest {
  records?: { dataPath: string; nbytes: number }[];
}

export interface ModelFileList {
  files: ModelFile[];
  /** The whole model's size (files whose size no server gave count 0). */
  totalBytes: number;
}

/** A record's files and total size, e.g. to show the download's size before it starts. */
export async function resolveModelFiles(record: ModelLocation, options: ResolveOptions = {}): Promise<ModelFileList> {
  const files = await listModelFiles(modelBaseUrl(record.model), record.model_lib, options);
  return { files, totalBytes: files.reduce((sum, file) => sum + (file.bytes ?? 0), 0) };
}

/** The file list of the model at `modelBaseUrl` (web-llm's cleaned form), fetching what web-llm's cache does not hold yet. */
export async function listModelFiles(modelBaseUrl: string, wasmUrl: string, options: ResolveOptions = {}): Promise<ModelFile[]> {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const read = async (scope: WebLlmScope, url: string): Promise<Uint8Array> => (await readCached(scope, url)) ?? (await fetchSmallFile(fetchFn, url, options.signal));
  const sizeOf = async (scope: WebLlmScope, url: string): Promise<Size> => {
    const cached = await cachedSize(scope, url);
    return cached !== null ? { bytes: cached, exact: true } : { bytes: await headSize(fetchFn, url, options.signal), exact: false };
  };
  return listFiles(modelBaseUrl, wasmUrl, read, sizeOf);
}

/** The file list from web-llm's cache alone, or null when the cache cannot tell (the model was never fetched). */
export async function listCachedModelFiles(modelBaseUrl: string, wasmUrl: string): Promise<ModelFile[] | null> {
  const missing = Symbol('not cached');
  try {
    return await listFiles(
      modelBaseUrl,
      wasmUrl,
      async (scope, url) => {
        const bytes = await readCached(scope, url);
        if (!bytes) throw missing;
        return bytes;
      },
      async (scope, url) => {
        const bytes = await cachedSize(scope, url);
        return { bytes, exact: bytes !== null };
      },
    );
  } catch (error) {
    if (error === missing) return null;
    throw error;
  }
}

async function listFiles(
  modelBaseUrl: string,
  wasmUrl: string,
  read: (scope: WebLlmScope, url: string) => Promise<Uint8Array>,
  sizeOf: (scope: WebLlmScope, url: string) => Promise<Size>,
): Promise<ModelFile[]> {
  const configUrl = new URL(CHAT_CONFIG_FILE, modelBaseUrl).href;
  const tensorCacheUrl = new URL(TENSOR_CACHE_FILE, modelBaseUrl).href;
  const [configBytes, tensorCacheBytes] = await Promise.all([read(CONFIG_SCOPE, configUrl), read(MODEL_SCOPE, tensorCacheUrl)]);
  const config = parseJson<ChatConfig>(configBytes, configUrl);
  const manifest = parseJson<TensorCacheManifest>(tensorCacheBytes, tensorCacheUrl);

  const tokenizer = tokenizerFileOf(config.tokenizer_files ?? []);
  if (!tokenizer) throw new Error(`${configUrl} lists no tokenizer.json or tokenizer.model in tokenizer_files, so web-llm cannot load this model: choose another model.`);
  const tokenizerUrl = new URL(tokenizer, modelBaseUrl).href;
  if (!Array.isArray(manifest.records)) throw new Error(`${tensorCacheUrl} has no records list: the model's files are damaged or not an MLC model.`);
  // Shards are relative to tensor-cache.json's folder, as in web-llm's fetchTensorCache.
  const shards: ModelFile[] = manifest.records.map((record) => ({ url: new URL(record.dataPath, tensorCacheUrl).href, scope: MODEL_SCOPE, bytes: record.nbytes, exact: true }));
  const [tokenizerSize, wasmSize] = await Promise.all([sizeOf(MODEL_SCOPE, tokenizerUrl), sizeOf(WASM_SCOPE, wasmUrl)]);
  return [
    { url: configUrl, scope: CONFIG_SCOPE, bytes: configBytes.byteLength, exact: true },
    { url: tensorCacheUrl, scope: MODEL_SCOPE, bytes: tensorCacheBytes.byteLength, exact: true },
    { url: tokenizerUrl, scope: MODEL_SCOPE, ...tokenizerSize },
    ...shards,
    { url: wasmUrl, scope: WASM_SCOPE, ...wasmSize },
  ];
}

function parseJson<T>(bytes: Uint8Array, url: string): T {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch (error) {
    throw new Error(`${url} is not valid JSON: the server sent something else (an error page?). Check the model mirror.`, { cause: error });
  }
}

async function readCached(scope: WebLlmScope, url: string): Promise<Uint8Array | null> {
  const response = await (await caches.open(scope)).match(url);
  return response ? new Uint8Array(await response.arrayBuffer()) : null;
}

/** The size of a cached file, read from the entry without loading it into memory. */
export async function cachedSize(scope: string, url: string): Promise<number | null> {
  const response = await (await caches.open(scope)).match(url);
  if (!response) return null;
  const length = Number(response.headers.get('Content-Length'));
  return Number.isSafeInteger(length) && response.headers.has('Content-Length') ? length : (await response.blob()).size;
}

async function fetchSmallFile(fetchFn: typeof fetch, url: string, signal: AbortSignal | undefined): Promise<Uint8Array> {
  const response = await guardedFetch(fetchFn, url, { signal, cache: 'no-store' });
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw isAbort(error) || signal?.aborted ? abortedError(error) : networkError(url, { kind: 'dropped' }, error);
  }
}

async function headSize(fetchFn: typeof fetch, url: string, signal: AbortSignal | undefined): Promise<number | null> {
  const response = await guardedFetch(fetchFn, url, { method: 'HEAD', signal, cache: 'no-store' });
  const length = response.headers.get('Content-Length');
  return length !== null && /^\d+$/.test(length) ? Number(length) : null;
}

/** fetch, with its failures and error statuses turned into ModelDownloadErrors. */
export async function guardedFetch(fetchFn: typeof fetch, url: string, init: RequestInit & { signal?: AbortSignal | undefined }): Promise<Response> {
  return throwForStatus(url, await fetchOrThrow(fetchFn, url, init));
}

/** fetch, with a refusal to connect (offline, DNS, CORS) or an abort turned into a ModelDownloadError. */
export async function fetchOrThrow(fetchFn: typeof fetch, url: string, init: RequestInit & { signal?: AbortSignal | undefined }): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (error) {
    if (isAbort(error) || init.signal?.aborted) throw abortedError(error);
    throw networkError(url, { kind: globalThis.navigator?.onLine === false ? 'offline' : 'unreachable' }, error);
  }
}

export function throwForStatus(url: string, response: Response): Response {
  if (response.ok) return response;
  void response.body?.cancel().catch(() => undefined);
  if (response.status === 404 || response.status === 410) throw missingError(url, response.status);
  throw networkError(url, { kind: 'status', status: response.status });
}
