// main.ts as the operator runs it: a child process serving a built app and the API on one port, on the
// test run's kind of database (DATA_DIR, or DATABASE_URL in the server-postgres project).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../tests/helpers/sync-server-process.ts';
import { createTestDatabase, type TestDatabase } from './test-support/test-store.ts';

const ROOT = resolve(import.meta.dirname, '..');
let child: ChildProcess;
let output = '';
let url = '';
let work = '';
let db: TestDatabase;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ib-main-'));
  const dist = join(work, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>shell</title>');
  writeFileSync(join(dist, 'sw.js'), '// sw');
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  db = await createTestDatabase();
  const port = await findFreePort();
  url = `http://127.0.0.1:${port}`;
  const { DATA_DIR: _dataDir, DATABASE_URL: _databaseUrl, ...inherited } = process.env;
  child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['sync-server/main.ts'], {
    cwd: ROOT,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', ...db.env, STATIC_DIR: dist },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!output.includes('Interview Buddy on http://localhost:')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
  rmSync(work, { recursive: true, force: true });
  await db.cleanup();
});

describe('main.ts', () => {
  it('serves the API and the app shell, with cache headers that let updates through', async () => {
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true });

    const shell = await fetch(`${url}/`);
    expect(await shell.text()).toContain('shell');
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${url}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${url}/assets/app-abc123.js`);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);

    // Client-side routes get the shell; unknown API routes and missing assets do not.
    const deepLink = await fetch(`${url}/interviewer/interviews`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('shell');
    expect(deepLink.headers.get('cache-control')).toBe('no-cache');
    const api404 = await fetch(`${url}/api/nope`);
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${url}/assets/gone-000.js`)).status).toBe(404);
  });

  it('sends the strict CSP with the app shell, and hardening headers with every static file', async () => {
    for (const path of ['/', '/interviewer/accept']) {
      const shell = await fetch(`${url}${path}`);
      expect(shell.headers.get('content-security-policy'), path).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
      expect(shell.headers.get('content-security-policy'), path).toMatch(/object-src 'none'; base-uri 'none'; frame-ancestors 'none'/);
      expect(shell.headers.get('x-frame-options'), path).toBe('DENY');
    }
    const asset = await fetch(`${url}/assets/app-abc123.js`);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asset.headers.get('referrer-policy')).toBe('no-referrer');
    // The API keeps its own headers.
    const health = await fetch(`${url}/api/health`);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM');
  });
});
