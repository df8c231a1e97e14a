// Downloads one web-llm model into the Cache Storage scopes web-llm reads from, under the exact URLs it
// will ask for, so web-llm then loads it from the cache, also offline. Unlike web-llm's own loader it
// resumes (bytes are staged in chunks and a later call continues with a Range request, after an abort
// or a page reload), verifies every file against the digest the server announced, and reports speed
// and time left. A file enters web-llm's scope only whole and verified, in one cache.put.
// Owns: the download of one model. Must not import: web-llm at run time, the UI, Dexie.
import type { ModelRecord } from '@mlc-ai/web-llm';
import { abortedError, checksumError, isAbort, isQuotaExceeded, ModelDownloadError, networkError, quotaError } from './download-errors.ts';
import { ProgressTracker, type DownloadProgress } from './download-progress.ts';
import { announcedSha256, matchesFile } from './file-digest.ts';
import { cachedSize, fetchOrThrow, listModelFiles, throwForStatus, type ModelFile } from './model-files.ts';
import { discardStaged, readStagedFile, stageChunk, stagedBlob, type StagedFile } from './staging-cache.ts';
import { modelBaseUrl } from './web-llm-layout.ts';

export type { DownloadProgress } from './download-progress.ts';

export interface DownloadModelOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Defaults to the global fetch; tests pass one that watches or breaks requests. */
  fetch?: typeof fetch;
  /** Size of a staged chunk: at most this much is lost when the page closes mid-download. */
  chunkBytes?: number;
  /** Least time between two progress reports (file starts and the last report always go out). */
  progressIntervalMs?: number;
}

export interface DownloadResult {
  totalBytes: number;
  /** Bytes that came over the network in this call (the rest were cached or staged before). */
  fetchedBytes: number;
}

export type DownloadableModel = Pick<ModelRecord, 'model_id' | 'model' | 'model_lib'>;

const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

interface DownloadContext {
  fetch: typeof fetch;
  signal: AbortSignal | undefined;
  chunkBytes: number;
  tracker: ProgressTracker;
}

export async function downloadModel(record: DownloadableModel, options: DownloadModelOptions = {}): Promise<DownloadResult> {
  const { signal } = options;
  if (signal?.aborted) throw abortedError(signal.reason);
  try {
    // One download per model across tabs: two writers would interleave staged chunks of one file.
    return await withLock(`ib-model-download:${record.model_id}`, signal, () => download(record, options));
  } catch (error) {
    if (error instanceof ModelDownloadError) throw error;
    if (signal?.aborted || isAbort(error)) throw abortedError(error);
    if (isQuotaExceeded(error)) throw quotaError(0, error);
    throw error;
  }
}

async function download(record: DownloadableModel, options: DownloadModelOptions): Promise<DownloadResult> {
  // Without persistence the browser may evict gigabytes of weights under storage pressure.
  await navigator.storage?.persist?.().catch(() => false);
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const files = await listModelFiles(modelBaseUrl(record.model), record.model_lib, { fetch: fetchFn, ...(options.signal ? { signal: options.signal } : {}) });
  const tracker = new ProgressTracker({ onProgress: options.onProgress, intervalMs: options.progressIntervalMs });
  const context: DownloadContext = { fetch: fetchFn, signal: options.signal, chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES, tracker };

  const pending: ModelFile[] = [];
  for (const file of files) {
    const cached = await cachedSize(file.scope, file.url);
    if (cached === null) pending.push(file);
    tracker.adjust(cached ?? 0, cached ?? file.bytes ?? 0);
  }
  // One file at a time: the staging cache then holds at most one file's worth beside the result.
  for (const file of pending) await downloadFile(file, context);
  tracker.report(true);
  return { totalBytes: tracker.totalBytes, fetchedBytes: tracker.fetchedBytes };
}

async function downloadFile(file: ModelFile, context: DownloadContext): Promise<void> {
  const isThisFile = (url: string) => url === file.url;
  // A damaged copy is fetched once more from scratch; a second damaged copy is the server's problem.
  for (let attempt = 1; ; attempt++) {
    const fetched = await fetchIntoStaging(file, context);
    const blob = await stagedBlob(fetched.staged);
    if (await matchesFile(blob, file.exact ? file.bytes : null, fetched.sha256Hex)) {
      await commit(file, blob, context);
      await discardStaged(isThisFile);
      return;
    }
    await discardStaged(isThisFile);
    context.tracker.adjust(-blob.size);
    if (attempt >= 2) throw checksumError(file.url);
  }
}

interface FetchedFile {
  staged: StagedFile;
  sha256Hex: string | null;
}

/** Fetches what is not staged yet (all of it, or the rest with a Range request) into the staging cache. */
async function fetchIntoStaging(file: ModelFile, context: DownloadContext, allowResume = true): Promise<FetchedFile> {
  const { tracker, signal } = context;
  const isThisFile = (url: string) => url === file.url;
  let staged = await readStagedFile(file.url);
  if (!allowResume || (file.exact && file.bytes !== null && staged.bytes > file.bytes)) {
    await discardStaged(isThisFile);
    staged = await readStagedFile(file.url);
  }
  tracker.adjust(staged.bytes);
  // Everything arrived before the page went away, but it was not committed yet.
  if (file.exact && staged.bytes === file.bytes && staged.bytes > 0) {
    tracker.startFile(file.url, staged.bytes);
    return { staged, sha256Hex: staged.sha256Hex };
  }

  const headers = new Headers();
  if (staged.bytes > 0) {
    headers.set('Range', `bytes=${staged.bytes}-`);
    // Only a strong validator: with a weak one the server must answer 200, and the resume is lost.
    if (staged.etag && !staged.etag.startsWith('W/')) headers.set('If-Range', staged.etag);
  }
  // no-store: the bytes are kept in Cache Storage; the HTTP cache would hold a second copy.
  const response = await fetchOrThrow(context.fetch, file.url, { headers, cache: 'no-store', ...(signal ? { signal } : {}) });
  const resumed = staged.bytes > 0 && response.status === 206 && contentRangeStart(response) === staged.bytes;
  if (staged.bytes > 0 && !resumed) {
    if (response.status === 200) {
      // The file changed on the server (If-Range failed) or the server ignores ranges: this body
      // is the whole file, so the staged start is dropped.
      tracker.adjust(-staged.bytes);
      await discardStaged(isThisFile);
    } else if (response.status === 416 || response.status === 206) {
      // The staged bytes do not fit the server's file (it shrank, or it answered another range).
      void response.body?.cancel().catch(() => undefined);
      tracker.adjust(-staged.bytes);
      return fetchIntoStaging(file, context, false);
    }
    // Any other status is an error below; the staged bytes stay for the next try.
  }
  throwForStatus(file.url, response);

  const offset = resumed ? staged.bytes : 0;
  const rangeTotal = totalFromContentRange(response);
  if (rangeTotal !== null) learnSize(file, rangeTotal, true, tracker);
  else if (!file.exact) learnSize(file, contentLengthOf(response, offset), false, tracker);
  const sha256Hex = announcedSha256(response.headers) ?? (resumed ? staged.sha256Hex : null);
  tracker.startFile(file.url, offset);
  const end = await streamIntoStaging(file.url, response, offset, { etag: response.headers.get('ETag'), sha256Hex }, context);
  if (file.exact && end !== file.bytes) throw networkError(file.url, { kind: 'closed', received: end, expected: file.bytes ?? 0 });
  // The body's real length settles a size that was only Content-Length's word.
  if (!file.exact) learnSize(file, end, true, tracker);
  return { staged: await readStagedFile(file.url), sha256Hex };
}

/** Streams the body into staged chunks from `offset`; returns the offset after the last byte. */
async function streamIntoStaging(
  url: string,
  response: Response,
  offset: number,
  meta: { etag: string | null; sha256Hex: string | null },
  context: DownloadContext,
): Promise<number> {
  if (!response.body) return offset;
  const reader = response.body.getReader();
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let chunkStart = offset;
  const flush = async () => {
    if (partBytes === 0) return;
    const chunk = new Uint8Array(partBytes);
    let at = 0;
    for (const part of parts) {
      chunk.set(part, at);
      at += part.byteLength;
    }
    try {
      await stageChunk(url, chunkStart, chunk, meta);
    } catch (error) {
      if (isQuotaExceeded(error)) throw await quotaErrorFor(context, error);
      throw error;
    }
    chunkStart += partBytes;
    parts = [];
    partBytes = 0;
  };

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      context.tracker.received(value.byteLength);
      // Chunks of exactly chunkBytes, however the network slices the body.
      let rest = value;
      while (rest.byteLength > 0) {
        const take = Math.min(rest.byteLength, context.chunkBytes - partBytes);
        parts.push(rest.subarray(0, take));
        partBytes += take;
        rest = rest.subarray(take);
        if (partBytes === context.chunkBytes) await flush();
      }
    }
    await flush();
    return chunkStart;
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    if (error instanceof ModelDownloadError) throw error;
    // Keep what did arrive: the next call resumes after it.
    await flush().catch(() => undefined);
    if (context.signal?.aborted || isAbort(error)) throw abortedError(error);
    throw networkError(url, { kind: 'dropped-mid-file' }, error);
  }
}

async function commit(file: ModelFile, blob: Blob, context: DownloadContext): Promise<void> {
  try {
    const cache = await caches.open(file.scope);
    // What web-llm's ArtifactCache matches: new Request(url). One put, so never half a file.
    await cache.put(new Request(file.url), new Response(blob, { headers: { 'Content-Length': String(blob.size) } }));
  } catch (error) {
    if (isQuotaExceeded(error)) throw await quotaErrorFor(context, error, blob.size);
    throw error;
  }
}

/** How much room is missing: what is still to come, plus one file's staged copy while it is committed. */
async function quotaErrorFor(context: DownloadContext, cause: unknown, fileBytes = context.chunkBytes): Promise<ModelDownloadError> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const free = estimate?.quota !== undefined ? Math.max(0, estimate.quota - (estimate.usage ?? 0)) : 0;
  const stillNeeded = Math.max(0, context.tracker.totalBytes - context.tracker.loadedBytes) + fileBytes;
  return quotaError(stillNeeded - free, cause, stillNeeded);
}

function contentRangeStart(response: Response): number | null {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get('Content-Range') ?? '');
  return match ? Number(match[1]) : null;
}

function totalFromContentRange(response: Response): number | null {
  const total = /\/(\d+)$/.exec(response.headers.get('Content-Range') ?? '')?.[1];
  return total === undefined ? null : Number(total);
}

/** Content-Length is of the encoded body: an estimate of the file's size when the server compresses. */
function contentLengthOf(response: Response, offset: number): number | null {
  const length = response.headers.get('Content-Length');
  return length !== null && /^\d+$/.test(length) ? offset + Number(length) : null;
}

/** A size the file list did not know (or had wrong) is taken from the response, and the total follows. */
function learnSize(file: ModelFile, size: number | null, exact: boolean, tracker: ProgressTracker): void {
  if (size === null) return;
  tracker.adjust(0, size - (file.bytes ?? 0));
  file.bytes = size;
  file.exact = exact;
}

async function withLock<T>(name: string, signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return task();
  return locks.request(name, signal ? { signal } : {}, task);
}
