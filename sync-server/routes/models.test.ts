// The model mirror through app.request() on real files in a temp MODELS_DIR: ranges, validators,
// Repr-Digest, CORS and refusals, as a resuming, verifying download client sees them.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../test-support/fixtures.ts';
import { createApp } from '../app.ts';
import { parseRange, safeSegments } from './models.ts';

const SHARD_PATH = 'huggingface.co/mlc-ai/Tiny-MLC/resolve/main/params_shard_0.bin';
const SHARD = randomBytes(300_000);
const SHARD_DIGEST = `sha-256=:${createHash('sha256').update(SHARD).digest('base64')}:`;
const SHARD_ETAG = `"${createHash('sha256').update(SHARD).digest('hex')}"`;

let modelsDir: string;
let server: TestServer;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  modelsDir = mkdtempSync(join(tmpdir(), 'ib-models-'));
  const write = (path: string, bytes: Buffer | string) => {
    mkdirSync(dirname(join(modelsDir, path)), { recursive: true });
    writeFileSync(join(modelsDir, path), bytes);
  };
  write(SHARD_PATH, SHARD);
  write('huggingface.co/mlc-ai/Tiny-MLC/resolve/main/.secret', 'not for clients');
  write('empty.bin', '');
  server = await createTestServer();
  app = createApp({ store: server.store, maxBodyBytes: 1_048_576, sessionTtlMs: 3_600_000, modelsDir });
});

afterAll(async () => {
  await server.cleanup();
  rmSync(modelsDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => app.request(`/models/${path}`, { method, headers });
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('GET /models/*', () => {
  it('sends the whole file with its length, validators, digest, caching and CORS headers', async () => {
    const response = await get(SHARD_PATH);
    expect(response.status).toBe(200);
    expect((await bytesOf(response)).equals(SHARD)).toBe(true);
    expect(response.headers.get('Content-Length')).toBe(String(SHARD.length));
    expect(response.headers.get('Accept-Ranges')).toBe('bytes');
    expect(response.headers.get('ETag')).toBe(SHARD_ETAG);
    expect(response.headers.get('Repr-Digest')).toBe(SHARD_DIGEST);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=86400');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const exposed = response.headers.get('Access-Control-Expose-Headers')!.split(',').map((name) => name.trim());
    expect(exposed).toEqual(expect.arrayContaining(['Content-Range', 'Content-Length', 'Repr-Digest', 'ETag', 'Accept-Ranges']));
    expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const response = await get(SHARD_PATH, {}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe(String(SHARD.length));
    expect(response.headers.get('Repr-Digest')).toBe(SHARD_DIGEST);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    ['bytes=100-199', 100, 199],
    ['bytes=299000-', 299_000, SHARD.length - 1],
    ['bytes=-500', SHARD.length - 500, SHARD.length - 1],
    ['bytes=299990-999999', 299_990, SHARD.length - 1],
  ])('sends %s as a 206 with Content-Range, and the whole file’s digest', async (range, start, end) => {
    const response = await get(SHARD_PATH, { Range: range });
    expect(response.status).toBe(206);
    expect(response.headers.get('Content-Range')).toBe(`bytes ${start}-${end}/${SHARD.length}`);
    expect(response.headers.get('Content-Length')).toBe(String(end - start + 1));
    expect((await bytesOf(response)).equals(SHARD.subarray(start, end + 1))).toBe(true);
    expect(response.headers.get('Repr-Digest')).toBe(SHARD_DIGEST);
  });

  it('answers a range past the end with 416 and the real size', async () => {
    const response = await get(SHARD_PATH, { Range: `bytes=${SHARD.length}-` });
    expect(response.status).toBe(416);
    expect(response.headers.get('Content-Range')).toBe(`bytes */${SHARD.length}`);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/download it again from the start/);
  });

  it('ignores several ranges at once and sends the whole file', async () => {
    const response = await get(SHARD_PATH, { Range: 'bytes=0-1,5-6' });
    expect(response.status).toBe(200);
    expect((await bytesOf(response)).length).toBe(SHARD.length);
  });

  it('honours If-Range only while the ETag still matches', async () => {
    const same = await get(SHARD_PATH, { Range: 'bytes=10-', 'If-Range': SHARD_ETAG });
    expect(same.status).toBe(206);
    expect((await bytesOf(same)).equals(SHARD.subarray(10))).toBe(true);

    const changed = await get(SHARD_PATH, { Range: 'bytes=10-', 'If-Range': '"an-older-version"' });
    expect(changed.status).toBe(200);
    expect((await bytesOf(changed)).equals(SHARD)).toBe(true);
  });

  it('answers If-None-Match with 304 when the file is unchanged', async () => {
    const response = await get(SHARD_PATH, { 'If-None-Match': `W/${SHARD_ETAG}` });
    expect(response.status).toBe(304);
    expect(response.headers.get('ETag')).toBe(SHARD_ETAG);
  });

  it('computes a new digest when an operator replaces the file', async () => {
    const path = 'huggingface.co/mlc-ai/Tiny-MLC/resolve/main/tokenizer.json';
    mkdirSync(dirname(join(modelsDir, path)), { recursive: true });
    writeFileSync(join(modelsDir, path), '{"v":1}');
    const first = (await get(path)).headers.get('Repr-Digest');
    writeFileSync(join(modelsDir, path), '{"v":2}');
    // Same size: only the mtime tells the versions apart.
    utimesSync(join(modelsDir, path), new Date(), new Date(Date.now() + 60_000));
    const second = await get(path);
    expect(second.headers.get('Repr-Digest')).not.toBe(first);
    expect(second.headers.get('Repr-Digest')).toBe(`sha-256=:${createHash('sha256').update('{"v":2}').digest('base64')}:`);
    expect(second.headers.get('Content-Type')).toBe('application/json');
  });

  it('hashes a file once: the digest is kept while its size and mtime stay the same', async () => {
    const path = 'huggingface.co/mlc-ai/Tiny-MLC/resolve/main/params_shard_9.bin';
    const file = join(modelsDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'aaaa');
    const mtime = new Date('2026-01-02T03:04:05Z');
    utimesSync(file, mtime, mtime);
    const first = (await get(path)).headers.get('Repr-Digest');
    // Same size, same mtime: a changed file no one could tell apart, so it is not read again.
    writeFileSync(file, 'bbbb');
    utimesSync(file, mtime, mtime);
    expect((await get(path)).headers.get('Repr-Digest')).toBe(first);
  });

  it('sends an empty file, and refuses any range of it', async () => {
    const full = await get('empty.bin');
    expect(full.status).toBe(200);
    expect(full.headers.get('Content-Length')).toBe('0');
    expect((await get('empty.bin', { Range: 'bytes=-1' })).status).toBe(416);
  });

  it('answers the CORS preflight a cross-origin resuming client sends', async () => {
    const response = await get(SHARD_PATH, { Origin: 'https://app.example.org', 'Access-Control-Request-Headers': 'range, if-range' }, 'OPTIONS');
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Headers')).toMatch(/If-Range/);
  });
});

describe('refusals', () => {
  it('names the missing file and says how to add it', async () => {
    const response = await get('huggingface.co/mlc-ai/Other-MLC/resolve/main/mlc-chat-config.json');
    expect(response.status).toBe(404);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await response.json()).toEqual({
      error: {
        code: 'model_file_missing',
        message: 'The mirror has no huggingface.co/mlc-ai/Other-MLC/resolve/main/mlc-chat-config.json: copy the model into MODELS_DIR — see README.',
      },
    });
  });

  it.each(['../package.json', '%2e%2e/package.json', '..%2fpackage.json', '%2e%2e%2f%2e%2e%2fpackage.json', 'huggingface.co%2f..%2f..%2fpackage.json'])(
    'never serves a file outside MODELS_DIR: %s',
    async (path) => {
      const response = await app.request(`/models/${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('interview-buddy');
    },
  );

  it('refuses dotfiles and directories', async () => {
    expect((await get('huggingface.co/mlc-ai/Tiny-MLC/resolve/main/.secret')).status).toBe(404);
    expect((await get('huggingface.co/mlc-ai/Tiny-MLC')).status).toBe(404);
    expect((await get('')).status).toBe(404);
  });

  it('is not mounted without MODELS_DIR', async () => {
    const bare = createApp({ store: server.store, maxBodyBytes: 1_048_576, sessionTtlMs: 3_600_000 });
    const response = await bare.request(`/models/${SHARD_PATH}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('Repr-Digest')).toBeNull();
  });
});

describe('parseRange', () => {
  it('reads the three single-range forms and clamps to the file', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=4-', 10)).toEqual({ start: 4, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=-30', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
  });

  it('gives unsatisfiable past the end, and null for what it ignores', () => {
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 10)).toBeNull();
    expect(parseRange('items=0-1', 10)).toBeNull();
    expect(parseRange('bytes=-', 10)).toBeNull();
  });
});

describe('safeSegments', () => {
  it('decodes segments and refuses anything that could climb out or hide', () => {
    expect(safeSegments('huggingface.co/a%20b/x.bin')).toEqual(['huggingface.co', 'a b', 'x.bin']);
    for (const bad of ['..', 'a/../b', 'a/%2e%2e/b', 'a%2fb', 'a%5cb', '.env', 'a//b', 'a/%00', '%E0%A4%A']) expect(safeSegments(bad)).toBeNull();
  });
});
