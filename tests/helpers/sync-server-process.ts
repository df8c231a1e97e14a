// Starts the real sync server (sync-server/main.ts) as a child process on a free port with a fresh
// DATA_DIR, exactly as `npm start` runs it, and stops it afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
// Node itself with tsx's loader, not the tsx CLI: the CLI is a parent process that relays SIGTERM and,
// on a busy machine, can give up waiting for the server to acknowledge it and exit 143 on its own,
// which reads as an unclean shutdown. Node with the loader gets the signal directly.
const SERVER_COMMAND = [process.execPath, '--import', 'tsx', 'sync-server/main.ts'] as const;

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface StartOptions {
  /** The command that runs the server, from the repo root; Node with tsx's loader on sync-server/main.ts unless given (e.g. a bundle from server-bundle.ts). */
  command?: readonly [string, ...string[]];
}

/** Starts the server; `env` is added to the process's environment (`env.PORT` picks the port, else a free one). */
export async function startSyncServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningServer> {
  const port = env.PORT ? Number(env.PORT) : await findFreePort();
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ib-e2e-'));
  let output = '';
  const [command, ...args] = options.command ?? SERVER_COMMAND;
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  await waitForHealth(url, child, () => output);
  return {
    url,
    port,
    dataDir,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sync server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`sync server did not become healthy in 30 s:\n${output()}`);
}

/** Creates an organisation and its admin through the real admin CLI, as an operator would. */
export function createOrgWithAdmin(
  dataDir: string,
  org: { name: string; email: string; adminName: string; password: string },
  /** More environment, e.g. DATABASE_URL for a server on PostgreSQL. */
  env: Record<string, string> = {},
): void {
  const result = spawnSync(
    TSX,
    ['sync-server/admin-cli.ts', 'create-org', '--name', org.name, '--admin-email', org.email, '--admin-name', org.adminName, '--password', org.password],
    { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dataDir, ...env }, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`admin create-org failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}
