// How fast the first screen is usable, and how big the app shell is.
// Usage: npm run bench:startup  (builds nothing: run `npm run build` first)
// Prints progress lines, then one JSON line: cold and warm (service-worker cached) time until the
// home screen's "New interview" control is visible and enabled, median of RUNS, and the gzipped bytes
// of what index.html loads before anything lazy.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { REPO_ROOT, startSyncServer } from '../helpers/sync-server-process.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const DIST = join(REPO_ROOT, 'dist');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function shellBytes(): { raw: number; gzip: number; files: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = new Set<string>(['index.html']);
  for (const match of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) files.add(match[1]!);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(DIST, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: [...files] };
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const shell = shellBytes();
  console.log(`app shell: ${shell.files.length} files, ${shell.raw} bytes, ${shell.gzip} gzipped`);
  const server = await startSyncServer();
  const browser = await launchChromium();
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const coldMs = await timeToUsable(page, server.url);
      await page.evaluate(() => navigator.serviceWorker.ready);
      const warmMs = await timeToUsable(page, server.url);
      cold.push(coldMs);
      warm.push(warmMs);
      console.log(`run ${run}/${RUNS}: cold ${coldMs.toFixed(0)} ms, warm ${warmMs.toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(
    JSON.stringify({
      bench: 'startup',
      runs: RUNS,
      coldUsableMsMedian: Math.round(median(cold)),
      warmUsableMsMedian: Math.round(median(warm)),
      coldUsableMsMax: Math.round(Math.max(...cold)),
      shellBytes: shell.raw,
      shellGzipBytes: shell.gzip,
    }),
  );
}

async function timeToUsable(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const control = page.getByRole('link', { name: 'New interview' }).or(page.getByRole('button', { name: 'New interview' })).first();
  await control.waitFor({ state: 'visible' });
  // Navigation start is the zero of performance.now(), so this is the time a person waited.
  return page.evaluate(() => performance.now());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
