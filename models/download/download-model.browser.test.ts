// Model downloads in real Chromium against the real sync server's mirror (/models), which holds a
// generated fake model (tests/helpers/fake-mlc-model.ts): real Cache Storage, real Range requests,
// real digests, and a real QuotaExceededError from a DevTools quota override.
import { hasModelInCache } from '@mlc-ai/web-llm';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { commands } from 'vitest/browser';
import { ModelDownloadError } from './download-errors.ts';
import { downloadModel, type DownloadProgress } from './download-model.ts';
import { mirrorModelRecord, mirrorUrlOf } from './mirror-url.ts';
import { deleteCachedModel, isModelCached, listCachedModels } from './model-cache.ts';
import { resolveModelFiles } from './model-files.ts';
import { listStagedChunks, STAGED_ETAG_HEADER, STAGING_CACHE } from './staging-cache.ts';
import { CONFIG_SCOPE, MODEL_SCOPE, WASM_SCOPE } from './web-llm-layout.ts';

declare module 'vitest/browser' {
  interface BrowserCommands {
    setStorageQuota: (origin: string, quotaBytes: number | null) => Promise<void>;
  }
}

const MIRROR = '/models';
const fake = inject('fakeMlcModel');
const record = mirrorModelRecord({ model_id: fake.modelId, model: fake.modelUrl, model_lib: fake.modelLibUrl }, MIRROR);
const files = fake.files.map((file) => ({ ...file, url: mirrorUrlOf(file.publicUrl, MIRROR) }));
const shard = files.find((file) => file.url.endsWith('params_shard_1.bin'))!;
const CHUNK_BYTES = 256 * 1024;

const scopeOf = (url: string) => (url.endsWith('mlc-chat-config.json') ? CONFIG_SCOPE : url.endsWith('.wasm') ? WASM_SCOPE : MODEL_SCOPE);

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What web-llm's ArtifactCache would find: caches.open(scope), then match(new Request(url)). */
async function webLlmLookup(url: string): Promise<Response | undefined> {
  return (await caches.open(scopeOf(url))).match(new Request(url));
}

async function stagedBytesOf(url: string): Promise<number> {
  const chunks = await listStagedChunks((candidate) => candidate === url);
  return chunks.reduce((sum, chunk) => sum + chunk.end - chunk.start + 1, 0);
}

interface SentRequest {
  url: string;
  range: string | null;
  ifRange: string | null;
  status: number;
}

/** A fetch that records what was asked and answered, and lets a test rewrite one file's body. */
function watchingFetch(options: { rewrite?: (url: string, body: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array> } = {}) {
  const sent: SentRequest[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = await fetch(input, init);
    const headers = new Headers(init?.headers);
    sent.push({ url, range: headers.get('Range'), ifRange: headers.get('If-Range'), status: response.status });
    if (!options.rewrite || !response.body || url !== shard.url) return response;
    return new Response(options.rewrite(url, response.body), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: fetchFn, sent };
}

/**
 * Passes the first `limit` bytes through, then, when the reader asks for more (so it has taken every
 * byte before), fails with what `cut` returns: a deterministic mid-file abort or dropped connection.
 */
function cutAfter(body: ReadableStream<Uint8Array>, limit: number, cut: () => Error): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let passed = 0;
  let leftover: Uint8Array = new Uint8Array(0);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (passed >= limit) {
          void reader.cancel().catch(() => undefined);
          controller.error(cut());
          return;
        }
        if (leftover.byteLength === 0) {
          const { done, value } = await reader.read();
          if (done) return controller.close();
          leftover = value;
        }
        const piece = leftover.subarray(0, limit - passed);
        leftover = leftover.subarray(piece.byteLength);
        passed += piece.byteLength;
        controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Downloads until `limit` bytes of the shard went by, then aborts: leaves exactly those bytes staged. */
async function abortMidShard(limit = 1_200_000): Promise<number> {
  const controller = new AbortController();
  const abort = () => {
    controller.abort();
    return new DOMException('The download was cut by the test.', 'AbortError');
  };
  const { fetch } = watchingFetch({ rewrite: (_url, body) => cutAfter(body, limit, abort) });
  const failure = await downloadModel(record, { signal: controller.signal, fetch, chunkBytes: CHUNK_BYTES }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ModelDownloadError);
  expect((failure as ModelDownloadError).code).toBe('aborted');
  // Whole chunks as they filled, and the rest flushed when the abort came.
  expect(await stagedBytesOf(shard.url)).toBe(limit);
  return limit;
}

async function expectWholeModelCached(): Promise<void> {
  for (const file of files) {
    const cached = await webLlmLookup(file.url);
    expect(cached, `${file.url} in ${scopeOf(file.url)}`).toBeDefined();
    expect(await sha256Hex(await cached!.arrayBuffer())).toBe(file.sha256Hex);
  }
  expect(await isModelCached(record)).toBe(true);
}

beforeEach(async () => {
  await deleteCachedModel(record);
  await caches.delete(STAGING_CACHE);
});

afterEach(async () => {
  await deleteCachedModel(record);
});

describe('downloadModel from the mirror', () => {
  it("puts every file, verified, where web-llm looks it up, and reports progress up to the total", async () => {
    const events: DownloadProgress[] = [];
    const result = await downloadModel(record, { chunkBytes: CHUNK_BYTES, onProgress: (event) => events.push(event) });

    expect(result).toEqual({ totalBytes: fake.totalBytes, fetchedBytes: fake.totalBytes });
    const last = events.at(-1)!;
    expect(last.loadedBytes).toBe(fake.totalBytes);
    expect(last.totalBytes).toBe(fake.totalBytes);
    expect(last.secondsLeft).toBe(0);
    expect(events.some((event) => event.bytesPerSecond > 0)).toBe(true);
    for (let i = 1; i < events.length; i++) expect(events[i]!.loadedBytes).toBeGreaterThanOrEqual(events[i - 1]!.loadedBytes);
    expect(new Set(events.map((event) => event.file))).toEqual(new Set(files.map((file) => file.url)));

    await expectWholeModelCached();
    // web-llm's own check agrees: its tensor cache finds tensor-cache.json and every shard.
    expect(await hasModelInCache(record.model_id, { model_list: [record] })).toBe(true);
    expect(await listStagedChunks(() => true)).toEqual([]);
    const [listed] = await listCachedModels([record]);
    expect(listed).toMatchObject({ cached: true, bytes: fake.totalBytes });
  });

  it('fetches nothing when the model is already cached, and knows its size offline', async () => {
    await downloadModel(record);
    const { fetch, sent } = watchingFetch();
    expect(await downloadModel(record, { fetch })).toEqual({ totalBytes: fake.totalBytes, fetchedBytes: 0 });
    expect(sent).toEqual([]);
    expect((await resolveModelFiles(record, { fetch })).totalBytes).toBe(fake.totalBytes);
    expect(sent).toEqual([]);
  });

  it('resumes after an abort with a Range request from the staged bytes, and ends byte-identical', async () => {
    const staged = await abortMidShard();
    // Files before the shard were committed; the shard itself is not in web-llm's scope.
    expect(await webLlmLookup(files[0]!.url)).toBeDefined();
    expect(await webLlmLookup(shard.url)).toBeUndefined();

    const { fetch, sent } = watchingFetch();
    const events: DownloadProgress[] = [];
    const result = await downloadModel(record, { fetch, chunkBytes: CHUNK_BYTES, onProgress: (event) => events.push(event) });

    const shardRequests = sent.filter((request) => request.url === shard.url);
    // If-Range carries the mirror's ETag, which is the file's sha-256.
    expect(shardRequests).toEqual([{ url: shard.url, range: `bytes=${staged}-`, ifRange: `"${shard.sha256Hex}"`, status: 206 }]);
    expect(events.find((event) => event.file === shard.url)?.resumedFromBytes).toBe(staged);
    expect(result.fetchedBytes).toBeLessThan(fake.totalBytes);
    expect(events.at(-1)!.loadedBytes).toBe(fake.totalBytes);
    await expectWholeModelCached();
    expect(await stagedBytesOf(shard.url)).toBe(0);
  });

  it('detects a corrupted staged chunk by the checksum and fetches the file again from scratch', async () => {
    await abortMidShard();
    const staging = await caches.open(STAGING_CACHE);
    const chunks = await listStagedChunks((url) => url === shard.url);
    // 1.2 MB in 256 KiB chunks: four whole ones, and the rest flushed at the abort.
    expect(chunks.map((chunk) => chunk.end - chunk.start + 1)).toEqual([...Array(4).fill(CHUNK_BYTES), 1_200_000 - 4 * CHUNK_BYTES]);
    const victim = chunks[1];
    const original = (await staging.match(victim!.key))!;
    const bytes = new Uint8Array(await original.arrayBuffer());
    bytes[100] = bytes[100]! ^ 0xff;
    await staging.put(victim!.key, new Response(bytes, { headers: original.headers }));

    const { fetch, sent } = watchingFetch();
    await downloadModel(record, { fetch, chunkBytes: CHUNK_BYTES });

    const shardRequests = sent.filter((request) => request.url === shard.url);
    expect(shardRequests.map((request) => [request.range !== null, request.status])).toEqual([
      [true, 206],
      [false, 200],
    ]);
    await expectWholeModelCached();
  });

  it("starts a file over when the server's copy changed since the staged bytes came (If-Range fails)", async () => {
    const staged = await abortMidShard();
    const staging = await caches.open(STAGING_CACHE);
    const [first] = await listStagedChunks((url) => url === shard.url);
    const original = (await staging.match(first!.key))!;
    const headers = new Headers(original.headers);
    headers.set(STAGED_ETAG_HEADER, '"the-version-before"');
    await staging.put(first!.key, new Response(await original.arrayBuffer(), { headers }));

    const { fetch, sent } = watchingFetch();
    const events: DownloadProgress[] = [];
    await downloadModel(record, { fetch, chunkBytes: CHUNK_BYTES, onProgress: (event) => events.push(event) });

    expect(sent.filter((request) => request.url === shard.url)).toEqual([{ url: shard.url, range: `bytes=${staged}-`, ifRange: '"the-version-before"', status: 200 }]);
    expect(events.find((event) => event.file === shard.url)?.resumedFromBytes).toBe(0);
    expect(events.at(-1)!.loadedBytes).toBe(fake.totalBytes);
    await expectWholeModelCached();
  });

  it('fails with code checksum when the file arrives damaged twice, and stores none of it', async () => {
    const flipFirstByte = () =>
      new TransformStream<Uint8Array, Uint8Array>({
        start() {},
        transform(chunk, controller) {
          const copy = chunk.slice();
          copy[0] = copy[0]! ^ 0xff;
          controller.enqueue(copy);
        },
      });
    const { fetch, sent } = watchingFetch({ rewrite: (_url, body) => body.pipeThrough(flipFirstByte()) });
    const failure = await downloadModel(record, { fetch, chunkBytes: CHUNK_BYTES }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ModelDownloadError);
    expect((failure as ModelDownloadError).code).toBe('checksum');
    expect((failure as Error).message).toMatch(/params_shard_1\.bin arrived damaged twice/);
    expect(sent.filter((request) => request.url === shard.url)).toHaveLength(2);
    expect(await webLlmLookup(shard.url)).toBeUndefined();
    expect(await stagedBytesOf(shard.url)).toBe(0);
    expect(await isModelCached(record)).toBe(false);
  });

  it('says how much storage to free when Cache Storage is full (a real QuotaExceededError)', async () => {
    const { usage = 0 } = await navigator.storage.estimate();
    await commands.setStorageQuota(location.origin, usage + 100_000);
    let failure: unknown;
    try {
      failure = await downloadModel(record, { chunkBytes: CHUNK_BYTES }).catch((error: unknown) => error);
    } finally {
      await commands.setStorageQuota(location.origin, null);
    }
    expect(failure).toBeInstanceOf(ModelDownloadError);
    expect((failure as ModelDownloadError).code).toBe('quota');
    // Which wording depends on whether Chromium's estimate() reflects the DevTools override; both say
    // how much, and what to do.
    expect((failure as Error).message).toMatch(
      /^Not enough free storage: (free \d+ MB or choose a smaller model|the rest of this download needs about \d+ MB\. Free some space or choose a smaller model)\.$/,
    );
    expect((failure as Error).cause).toMatchObject({ name: 'QuotaExceededError' });
    expect(await isModelCached(record)).toBe(false);
  });

  it('keeps what arrived when the connection drops mid-file, says so, and resumes after it', async () => {
    const dropped = watchingFetch({ rewrite: (_url, body) => cutAfter(body, 700_000, () => new TypeError('network error')) });
    const failure = await downloadModel(record, { fetch: dropped.fetch, chunkBytes: CHUNK_BYTES }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelDownloadError);
    expect((failure as ModelDownloadError).code).toBe('network');
    expect((failure as Error).message).toBe(
      'Downloading params_shard_1.bin failed (the connection dropped mid-file): check the connection; the download resumes where it stopped.',
    );
    expect(await stagedBytesOf(shard.url)).toBe(700_000);

    const { fetch, sent } = watchingFetch();
    await downloadModel(record, { fetch, chunkBytes: CHUNK_BYTES });
    expect(sent.filter((request) => request.url === shard.url).map((request) => request.range)).toEqual(['bytes=700000-']);
    await expectWholeModelCached();
  });

  it('says to check the connection when the server cannot be reached', async () => {
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const failure = await downloadModel(record, { fetch: offline }).catch((error: unknown) => error);
    expect((failure as ModelDownloadError).code).toBe('network');
    expect((failure as Error).message).toMatch(/^Downloading mlc-chat-config\.json failed \(the server could not be reached\): check the connection; the download resumes where it stopped\.$/);
  });

  it('says the mirror lacks a model it does not hold', async () => {
    const absent = mirrorModelRecord({ model_id: 'Absent-MLC', model: 'https://huggingface.co/mlc-ai/Absent-MLC', model_lib: fake.modelLibUrl }, MIRROR);
    const failure = await downloadModel(absent).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelDownloadError);
    expect((failure as ModelDownloadError).code).toBe('missing');
    expect((failure as Error).message).toContain(`${absent.model}mlc-chat-config.json (HTTP 404)`);
    expect((failure as Error).message).toMatch(/ask its operator to copy the model into it/);
  });

  it('says the download was stopped when aborted before it starts', async () => {
    const failure = await downloadModel(record, { signal: AbortSignal.abort() }).catch((error: unknown) => error);
    expect((failure as ModelDownloadError).code).toBe('aborted');
  });
});

describe('model cache', () => {
  it('deleteCachedModel removes committed files and staged bytes from every scope', async () => {
    await abortMidShard();
    const [partial] = await listCachedModels([record]);
    expect(partial!.cached).toBe(false);
    expect(partial!.bytes).toBeGreaterThan(0);

    await deleteCachedModel(record);
    for (const file of files) expect(await webLlmLookup(file.url)).toBeUndefined();
    expect(await listStagedChunks(() => true)).toEqual([]);
    expect(await isModelCached(record)).toBe(false);
    expect(await listCachedModels([record])).toEqual([{ record, cached: false, bytes: 0 }]);
  });

  it('deletes a fully downloaded model', async () => {
    await downloadModel(record);
    expect(await isModelCached(record)).toBe(true);
    await deleteCachedModel(record);
    expect(await isModelCached(record)).toBe(false);
    expect(await hasModelInCache(record.model_id, { model_list: [record] })).toBe(false);
    for (const file of files) expect(await webLlmLookup(file.url)).toBeUndefined();
  });
});
