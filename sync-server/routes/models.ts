// The organisation's model mirror: the files under MODELS_DIR, served at /models/* so devices fetch
// on-device models from their own server instead of Hugging Face and GitHub (closed networks, one
// download for many devices behind one proxy). Mounted beside /api, not under it: its answers carry
// CORS and cross-origin resource policy headers of their own, since an organisation may host the
// mirror on another origin (MODEL_MIRROR_URL) with exactly this layout.
//
// Layout: a public URL maps to <mirror>/<host><pathname> (mirrorPathOf in models/download/mirror-url.ts):
//   https://huggingface.co/mlc-ai/X-MLC/resolve/main/tensor-cache.json
//     → MODELS_DIR/huggingface.co/mlc-ai/X-MLC/resolve/main/tensor-cache.json
//   https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/X.wasm
//     → MODELS_DIR/raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/X.wasm
// The same rule serves transformers.js (env.remoteHost = <mirror>/huggingface.co/).
//
// Owns: turning a URL path into a file inside MODELS_DIR (never outside it, never a dotfile), single
// byte ranges, validators (ETag = the file's sha-256), Repr-Digest (RFC 9530), streamed bodies.
// Must not import: the store, auth, the API's error handler (its answers need the CORS headers).
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';

export const MODELS_PATH = '/models';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Repr-Digest, ETag, Accept-Ranges, Last-Modified',
  // A page with Cross-Origin-Embedder-Policy elsewhere may still load the weights.
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'X-Content-Type-Options': 'nosniff',
};

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function modelMirrorRoutes(modelsDir: string) {
  const root = resolve(modelsDir);
  const digests = new DigestCache();
  return new Hono()
    .options(`${MODELS_PATH}/*`, () => new Response(null, { status: 204, headers: preflightHeaders() }))
    .get(`${MODELS_PATH}/*`, (c) => serveModelFile(c, root, digests));
}

function preflightHeaders(): Headers {
  // Range is CORS-safelisted only in its simplest form; If-Range always needs the preflight.
  return new Headers({
    ...CORS_HEADERS,
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': 'Range, If-Range, If-None-Match, If-Modified-Since',
    'Access-Control-Max-Age': '86400',
  });
}

/** Hono answers HEAD with the GET route, so c.req.method tells the two apart. */
async function serveModelFile(c: Context, root: string, digests: DigestCache): Promise<Response> {
  const rawPath = new URL(c.req.url).pathname.slice(MODELS_PATH.length + 1);
  const segments = safeSegments(rawPath);
  const shownPath = segments ? segments.join('/') : (decodeOrNull(rawPath) ?? rawPath);
  if (!segments) return missing(shownPath);
  const path = join(root, ...segments);
  // safeSegments already refuses '..'; this guards against whatever it might have missed.
  if (!path.startsWith(root + sep)) return missing(shownPath);

  let stats: Stats;
  try {
    stats = await stat(path);
  } catch {
    return missing(shownPath);
  }
  if (!stats.isFile()) return missing(shownPath);

  const digest = await digests.of(path, stats);
  const etag = `"${digest.toString('hex')}"`;
  const lastModified = stats.mtime.toUTCString();
  const headers = new Headers({
    ...CORS_HEADERS,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'public, max-age=86400',
    'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    ETag: etag,
    'Last-Modified': lastModified,
    // The digest of the whole file, also on 206 answers (RFC 9530 "representation" digest), so a
    // client that resumed a download can still check what it assembled.
    'Repr-Digest': `sha-256=:${digest.toString('base64')}:`,
  });

  if (matchesAny(c.req.header('If-None-Match'), etag)) return new Response(null, { status: 304, headers });

  const rangeHeader = c.req.header('Range');
  const ifRange = c.req.header('If-Range');
  const range = rangeHeader && (!ifRange || ifRangeHolds(ifRange, etag, lastModified)) ? parseRange(rangeHeader, stats.size) : null;
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${stats.size}`);
    headers.set('Content-Type', 'application/json');
    const message = `The range ${rangeHeader} is outside ${shownPath}, which has ${stats.size} bytes: download it again from the start.`;
    return new Response(JSON.stringify({ error: { code: 'range_not_satisfiable', message } }), { status: 416, headers });
  }

  const start = range?.start ?? 0;
  const end = range?.end ?? stats.size - 1;
  headers.set('Content-Length', String(end - start + 1));
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${stats.size}`);
  const status = range ? 206 : 200;
  if (c.req.method === 'HEAD' || end < start) return new Response(null, { status, headers });
  // Streamed: a model shard can be gigabytes, and a cancelled download destroys the file stream.
  const body = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}

function missing(shownPath: string): Response {
  const message = `The mirror has no ${shownPath}: copy the model into MODELS_DIR — see README.`;
  return new Response(JSON.stringify({ error: { code: 'model_file_missing', message } }), {
    status: 404,
    headers: { ...CORS_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' },
  });
}

/**
 * The decoded path segments, or null when the path could leave MODELS_DIR or names a dotfile. The URL
 * parser already folds '..' and '%2e%2e'; this catches what it leaves, such as an encoded slash.
 */
export function safeSegments(rawPath: string): string[] | null {
  if (rawPath === '') return null;
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    const segment = decodeOrNull(raw);
    if (segment === null || segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

function decodeOrNull(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export interface ByteRange {
  start: number;
  /** Inclusive, as in Content-Range. */
  end: number;
}

/**
 * One range of `bytes=a-b`, `bytes=a-` or `bytes=-n`. Anything else (several ranges, other units,
 * bad syntax) gives null, and the whole file is sent, which RFC 9110 §14.2 allows.
 */
export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/** If-Range uses the strong comparison: a weak tag or another date means "send everything". */
function ifRangeHolds(ifRange: string, etag: string, lastModified: string): boolean {
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === etag;
  return value === lastModified;
}

/** If-None-Match uses the weak comparison. */
function matchesAny(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * sha-256 of each file, computed once by streaming it, and again only when its size or mtime change
 * (an operator replaced it). Requests that arrive while it is being computed share the one read.
 */
class DigestCache {
  readonly #entries = new Map<string, { size: number; mtimeMs: number; digest: Promise<Buffer> }>();

  of(path: string, stats: Stats): Promise<Buffer> {
    const known = this.#entries.get(path);
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) return known.digest;
    const digest = sha256OfFile(path);
    const entry = { size: stats.size, mtimeMs: stats.mtimeMs, digest };
    this.#entries.set(path, entry);
    digest.catch(() => {
      if (this.#entries.get(path) === entry) this.#entries.delete(path);
    });
    return digest;
  }
}

async function sha256OfFile(path: string): Promise<Buffer> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest();
}
