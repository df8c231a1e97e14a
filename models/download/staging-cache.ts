// The bytes of files still downloading, kept in their own Cache Storage cache (`ib-model-partial`) in
// chunks of a few MB, so an abort, a lost connection or a page reload costs at most one chunk: the
// next download resumes after the last staged byte. Nothing here is visible to web-llm; a file moves
// into web-llm's scope only whole and verified (download-model.ts).
// Each chunk is stored under a synthetic key naming the file and its byte range, and carries the
// file's validator (ETag) and expected digest, so a resume after a reload knows what it resumes.
// Owns: the staging cache's keys and contents. Must not import: web-llm, the UI.

export const STAGING_CACHE = 'ib-model-partial';
// Keys are never fetched: a reserved host (RFC 2606) so they cannot collide with a real URL.
const KEY_PREFIX = 'https://ib-model-partial.invalid/chunk';
/** The file's ETag when its first bytes arrived: the If-Range of a resume. */
export const STAGED_ETAG_HEADER = 'X-IB-ETag';
const SHA256_HEADER = 'X-IB-Sha256';

export interface StagedChunk {
  key: Request;
  url: string;
  start: number;
  /** Inclusive. */
  end: number;
}

export interface StagedFile {
  /** Bytes staged contiguously from the start of the file. */
  bytes: number;
  chunks: StagedChunk[];
  etag: string | null;
  sha256Hex: string | null;
}

export interface ChunkMeta {
  etag: string | null;
  sha256Hex: string | null;
}

function chunkKey(url: string, start: number, end: number): string {
  const params = new URLSearchParams({ url, start: String(start), end: String(end) });
  return `${KEY_PREFIX}?${params}`;
}

function parseKey(key: Request): StagedChunk | null {
  if (!key.url.startsWith(`${KEY_PREFIX}?`)) return null;
  const params = new URL(key.url).searchParams;
  const url = params.get('url');
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  if (!url || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return null;
  return { key, url, start, end };
}

/** Every staged chunk whose file URL passes `belongs`, in byte order per file. */
export async function listStagedChunks(belongs: (url: string) => boolean): Promise<StagedChunk[]> {
  const cache = await caches.open(STAGING_CACHE);
  const chunks = (await cache.keys()).map(parseKey).filter((chunk): chunk is StagedChunk => chunk !== null && belongs(chunk.url));
  return chunks.sort((a, b) => a.url.localeCompare(b.url) || a.start - b.start);
}

/**
 * What is staged for `url`, contiguous from byte 0. Chunks after a gap (a write lost in a crash) are
 * useless for a resume and are deleted.
 */
export async function readStagedFile(url: string): Promise<StagedFile> {
  const cache = await caches.open(STAGING_CACHE);
  const chunks = await listStagedChunks((candidate) => candidate === url);
  const contiguous: StagedChunk[] = [];
  for (const chunk of chunks) {
    if (chunk.start !== (contiguous.at(-1)?.end ?? -1) + 1) {
      await cache.delete(chunk.key);
      continue;
    }
    contiguous.push(chunk);
  }
  const first = contiguous[0] ? await cache.match(contiguous[0].key) : undefined;
  return {
    bytes: (contiguous.at(-1)?.end ?? -1) + 1,
    chunks: contiguous,
    etag: first?.headers.get(STAGED_ETAG_HEADER) ?? null,
    sha256Hex: first?.headers.get(SHA256_HEADER) ?? null,
  };
}

/** Stores bytes [start, start + bytes.length) of `url`. Throws the browser's QuotaExceededError when full. */
export async function stageChunk(url: string, start: number, bytes: Uint8Array<ArrayBuffer>, meta: ChunkMeta): Promise<void> {
  const headers = new Headers({ 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.byteLength) });
  if (meta.etag) headers.set(STAGED_ETAG_HEADER, meta.etag);
  if (meta.sha256Hex) headers.set(SHA256_HEADER, meta.sha256Hex);
  const cache = await caches.open(STAGING_CACHE);
  await cache.put(chunkKey(url, start, start + bytes.byteLength - 1), new Response(bytes, { headers }));
}

/** The staged file as one Blob; the browser keeps the parts on disk until they are read. */
export async function stagedBlob(file: StagedFile): Promise<Blob> {
  const cache = await caches.open(STAGING_CACHE);
  const parts: Blob[] = [];
  for (const chunk of file.chunks) {
    const response = await cache.match(chunk.key);
    if (!response) throw new Error(`A staged part of ${chunk.url} vanished while it was being read (another tab deleted it?). Start the download again.`);
    parts.push(await response.blob());
  }
  return new Blob(parts);
}

export async function discardStaged(belongs: (url: string) => boolean): Promise<void> {
  const cache = await caches.open(STAGING_CACHE);
  for (const chunk of await listStagedChunks(belongs)) await cache.delete(chunk.key);
}
