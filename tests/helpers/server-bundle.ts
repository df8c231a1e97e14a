// Builds a server entry (sync-server/main.ts by default) into one ES module with esbuild, its npm
// dependencies left as imports, so that a test which restarts the server many times starts it in
// about a second instead of tsx's several. The code is the same: only the TypeScript is compiled
// ahead of time. The file goes under node_modules/.cache so that its bare imports resolve to the
// repo's node_modules.
// Must not import: the server's modules (the bundle is a separate process).
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './sync-server-process.ts';

export interface ServerBundle {
  /** The command for startSyncServer's `command` option. */
  command: readonly [string, ...string[]];
  remove: () => void;
}

export async function bundleServer(entry = 'sync-server/main.ts'): Promise<ServerBundle> {
  const dir = join(REPO_ROOT, 'node_modules/.cache/ib-server-bundles');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${randomBytes(6).toString('hex')}.mjs`);
  await build({
    entryPoints: [join(REPO_ROOT, entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return { command: [process.execPath, file], remove: () => rmSync(file, { force: true }) };
}
