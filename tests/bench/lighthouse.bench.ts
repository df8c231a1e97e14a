// Lighthouse scores of the built app, and how much JavaScript the first screen ships.
// Usage: npm run bench:lighthouse   (builds nothing: run `npm run build` first, or point STATIC_DIR at
// another build). RUNS (3), PAGES ("/,/new,/settings") and FORM_FACTOR (mobile | desktop) override;
// REPORT_DIR keeps every run's Lighthouse report (HTML and JSON).
// The real server (sync-server/main.ts, as `npm start` runs it) serves the build; the npm `lighthouse`
// package drives the system Chromium through chrome-launcher, a fresh browser and empty storage per run.
// Each page is audited RUNS times (Lighthouse's default mobile emulation and simulated throttling
// unless FORM_FACTOR=desktop); the summary takes medians. The JavaScript shipped before first
// interaction is measured twice: from Lighthouse's network records of "/" (scripts requested before
// the load event, gzipped here from the files in the build, because the server may not compress), and
// from the Vite manifest (the entry chunk, its static imports and the home route's chunk). The AI
// libraries must be in neither.
// Progress lines first, then one JSON line.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { CHROMIUM_PATH } from '../helpers/chromium.ts';
import { REPO_ROOT, startSyncServer } from '../helpers/sync-server-process.ts';
import { median, round } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const PAGES = (process.env.PAGES ?? '/,/new,/settings').split(',').map((page) => page.trim()).filter(Boolean);
const FORM_FACTOR = process.env.FORM_FACTOR === 'desktop' ? 'desktop' : 'mobile';
const STATIC_DIR = resolve(REPO_ROOT, process.env.STATIC_DIR ?? 'dist');
/** Where to keep each run's Lighthouse report (HTML and JSON), to see what an audit found. */
const REPORT_DIR = process.env.REPORT_DIR ? resolve(process.env.REPORT_DIR) : null;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
/** The issue's targets; SEO is reported but has none. */
const TARGETS: Partial<Record<Category, number>> = { performance: 90, accessibility: 95, 'best-practices': 95 };
/** "150 KB" read as KiB, as Lighthouse counts. */
const SHELL_BUDGET_GZIP = 150 * 1024;
/** The first screen must never carry these: they load when their feature is used. */
const LAZY_ONLY_PACKAGES = [
  '@mlc-ai/web-llm',
  '@huggingface/transformers',
  'onnxruntime-web',
  '@mediapipe/tasks-vision',
  '@ricky0123/vad-web',
  'pdfjs-dist',
  'codemirror',
  '@codemirror/state',
  '@codemirror/view',
  '@codemirror/lang-javascript',
  'sucrase',
  'zod',
];

// As tests/helpers/chromium.ts, so nothing waits on Google's hosts, which this machine cannot reach.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface AuditNote {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
}

interface ScriptRecord {
  url: string;
  path: string;
  transferSize: number;
  resourceSize: number;
  requestMs: number;
}

interface PageRun {
  scores: Record<Category, number>;
  failing: Record<Category, AuditNote[]>;
  metrics: Record<string, number>;
  scripts: ScriptRecord[];
  loadEventMs: number | null;
  warnings: string[];
  version: string;
  /** Lighthouse's CPU benchmark of this machine during the run: low when the machine is busy. */
  benchmarkIndex: number;
}

interface GzipFile {
  file: string;
  raw: number;
  gzip: number;
}

function gzipOf(file: string): GzipFile {
  const bytes = readFileSync(join(STATIC_DIR, file));
  // zlib's default level, which is what servers use when they compress on the fly.
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

function sum(files: readonly GzipFile[], key: 'raw' | 'gzip'): number {
  return files.reduce((total, file) => total + file[key], 0);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** The entry chunk and everything it imports statically (what runs before any lazy route). */
function staticClosure(manifest: Record<string, ManifestChunk>, keys: readonly string[]): { js: string[]; css: string[] } {
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The Vite manifest has no chunk "${key}": rebuild with \`npm run build\`.`);
    seen.add(key);
    for (const sheet of chunk.css ?? []) css.add(sheet);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return { js: [...seen].map((key) => manifest[key]!.file), css: [...css] };
}

/** Which npm packages a built chunk contains, from its source map. */
function packagesIn(file: string): string[] {
  const mapPath = join(STATIC_DIR, `${file}.map`);
  if (!existsSync(mapPath)) return [];
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[] };
  const packages = new Set<string>();
  for (const source of map.sources) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
    if (match) packages.add(match[1]!);
  }
  return [...packages].sort();
}

function manifestMeasure() {
  const manifestPath = join(STATIC_DIR, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build with build.manifest on (vite.config.ts) via \`npm run build\`.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry && key.endsWith('index.html'));
  if (!entryKey) throw new Error('The Vite manifest has no index.html entry: rebuild with `npm run build`.');
  const homeKey = Object.keys(manifest).find((key) => key.endsWith('candidate/HomePage.tsx'));
  if (!homeKey) throw new Error('The Vite manifest has no candidate/HomePage.tsx chunk: has the home route moved? Update this bench.');
  const shell = staticClosure(manifest, [entryKey]);
  const firstScreen = staticClosure(manifest, [entryKey, homeKey]);
  const shellFiles = shell.js.map(gzipOf);
  const firstScreenFiles = firstScreen.js.map(gzipOf);
  const packages = [...new Set(firstScreen.js.flatMap(packagesIn))].sort();
  return {
    shellFiles,
    firstScreenFiles,
    css: firstScreen.css.map(gzipOf),
    packages,
    lazyOnlyFound: packages.filter((name) => LAZY_ONLY_PACKAGES.includes(name)),
  };
}

/** Does the server compress what it serves? Asked the way a browser asks. */
async function compressionOf(url: string): Promise<string> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
  await response.arrayBuffer();
  return response.headers.get('content-encoding') ?? 'none';
}

function failingAudits(lhr: Result, category: Category): AuditNote[] {
  const notes: AuditNote[] = [];
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null) continue;
    if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
    if (audit.score >= 0.9) continue;
    notes.push({ id: audit.id, title: audit.title, score: audit.score, ...(audit.displayValue ? { displayValue: audit.displayValue } : {}) });
  }
  return notes;
}

interface NetworkItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
  networkRequestTime?: number;
  sessionTargetType?: string;
  experimentalFromMainFrame?: boolean;
}

function scriptsOf(lhr: Result, origin: string): { scripts: ScriptRecord[]; loadEventMs: number | null } {
  const network = lhr.audits['network-requests']?.details as { items?: NetworkItem[]; debugData?: { networkStartTimeTs?: number } } | undefined;
  const metrics = lhr.audits.metrics?.details as { items?: Array<Record<string, number | undefined>> } | undefined;
  const observed = metrics?.items?.[0];
  const networkStartTs = network?.debugData?.networkStartTimeTs;
  // Both are microsecond trace timestamps; the records' times are milliseconds from the first request.
  const loadEventMs = observed?.observedLoadTs !== undefined && networkStartTs !== undefined ? (observed.observedLoadTs - networkStartTs) / 1000 : null;
  const scripts: ScriptRecord[] = [];
  for (const item of network?.items ?? []) {
    if (item.resourceType !== 'Script' || !item.url.startsWith(origin)) continue;
    // Page scripts only: the service worker's precache downloads are not what the first screen runs.
    if (item.sessionTargetType && item.sessionTargetType !== 'page') continue;
    scripts.push({
      url: item.url,
      path: new URL(item.url).pathname,
      transferSize: item.transferSize ?? 0,
      resourceSize: item.resourceSize ?? 0,
      requestMs: item.networkRequestTime ?? 0,
    });
  }
  return { scripts, loadEventMs };
}

/**
 * Lighthouse's "the trace was not recorded properly, please run Lighthouse again" errors: Chromium's
 * trace lacked its start (seen a few times in a hundred runs on this busy machine). They say nothing
 * about the page, so the run is repeated; an error about the page itself (NO_FCP, a failed load)
 * still ends the bench.
 */
const TRACE_ERRORS = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED']);
const TRACE_RETRIES = 2;

class LighthouseRunError extends Error {
  override name = 'LighthouseRunError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'];

async function auditOnce(url: string, origin: string, name: string): Promise<PageRun> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const flags: Flags = { port: chrome.port, output: ['json', 'html'], logLevel: 'error', onlyCategories: [...CATEGORIES] };
    const result = await lighthouse(url, flags, FORM_FACTOR === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (REPORT_DIR) {
      mkdirSync(REPORT_DIR, { recursive: true });
      const [json, html] = result.report as string[];
      writeFileSync(join(REPORT_DIR, `${name}.report.json`), json!);
      writeFileSync(join(REPORT_DIR, `${name}.report.html`), html!);
    }
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new LighthouseRunError(lhr.runtimeError.code, `Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = {} as Record<Category, number>;
    const failing = {} as Record<Category, AuditNote[]>;
    for (const category of CATEGORIES) {
      const score = lhr.categories[category]?.score;
      if (score === null || score === undefined) throw new Error(`Lighthouse gave no ${category} score for ${url}: ${lhr.runWarnings.join('; ')}`);
      scores[category] = Math.round(score * 100);
      failing[category] = failingAudits(lhr, category);
    }
    const metrics: Record<string, number> = {};
    for (const id of METRICS) {
      const value = lhr.audits[id]?.numericValue;
      if (value !== undefined) metrics[id] = value;
    }
    return { scores, failing, metrics, ...scriptsOf(lhr, origin), warnings: lhr.runWarnings, version: lhr.lighthouseVersion, benchmarkIndex: lhr.environment.benchmarkIndex };
  } finally {
    chrome.kill();
  }
}

function load(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`${STATIC_DIR} has no index.html: run \`npm run build\` first (or set STATIC_DIR).`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with apt-get install -y chromium, or set CHROMIUM_PATH.`);
  const fromManifest = manifestMeasure();
  console.log(
    `manifest: app shell ${fromManifest.shellFiles.length} JS files, ${kb(sum(fromManifest.shellFiles, 'gzip'))} gzipped; ` +
      `with the home route ${fromManifest.firstScreenFiles.length} files, ${kb(sum(fromManifest.firstScreenFiles, 'gzip'))} gzipped ` +
      `(${kb(sum(fromManifest.firstScreenFiles, 'raw'))} raw); CSS ${kb(sum(fromManifest.css, 'gzip'))} gzipped`,
  );
  console.log(`first screen packages: ${fromManifest.packages.join(', ') || 'none'}`);
  if (fromManifest.lazyOnlyFound.length) console.log(`PROBLEM: the first screen carries ${fromManifest.lazyOnlyFound.join(', ')}`);

  const server = await startSyncServer({ STATIC_DIR });
  const results = new Map<string, PageRun[]>();
  let compression = 'unknown';
  try {
    const indexHtml = readFileSync(join(STATIC_DIR, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(indexHtml)?.[1];
    if (entry) compression = await compressionOf(new URL(entry, server.url).href);
    console.log(`server: ${server.url} serving ${STATIC_DIR}; entry chunk Content-Encoding: ${compression}`);
    console.log(`lighthouse ${FORM_FACTOR}, ${RUNS} runs per page, pages ${PAGES.join(' ')}`);
    for (const page of PAGES) {
      const runs: PageRun[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const before = load();
        const name = `${FORM_FACTOR}-${page.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${run}`;
        let result: PageRun | undefined;
        for (let attempt = 0; !result; attempt++) {
          try {
            result = await auditOnce(new URL(page, server.url).href, server.url, name);
          } catch (error) {
            if (!(error instanceof LighthouseRunError && TRACE_ERRORS.has(error.code) && attempt < TRACE_RETRIES)) throw error;
            console.log(`${page} run ${run}/${RUNS}: ${error.code} (Chromium's trace was incomplete), running it again`);
          }
        }
        runs.push(result);
        const s = result.scores;
        const m = result.metrics;
        console.log(
          `${page} run ${run}/${RUNS}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}; ` +
            `FCP ${Math.round(m['first-contentful-paint'] ?? NaN)} ms, LCP ${Math.round(m['largest-contentful-paint'] ?? NaN)} ms, ` +
            `TBT ${Math.round(m['total-blocking-time'] ?? NaN)} ms, CLS ${round(m['cumulative-layout-shift'] ?? NaN, 3)} ` +
            `(CPU benchmark ${Math.round(result.benchmarkIndex)}, load ${before} → ${load()})`,
        );
        for (const category of CATEGORIES) {
          const target = TARGETS[category];
          if (target === undefined || s[category] >= target) continue;
          for (const note of result.failing[category]) console.log(`   ${category}: ${note.id} (${note.title})${note.displayValue ? ` ${note.displayValue}` : ''}`);
        }
        for (const warning of result.warnings) console.log(`   warning: ${warning}`);
      }
      results.set(page, runs);
    }
  } finally {
    await server.stop();
  }

  const lighthouseVersion = [...results.values()][0]?.[0]?.version ?? 'unknown';
  // The first screen's scripts, from the runs of the first page (normally "/").
  const firstPage = PAGES[0]!;
  const firstRuns = results.get(firstPage)!;
  const beforeLoad = firstRuns.map((run) => {
    const scripts = run.scripts.filter((script) => run.loadEventMs === null || script.requestMs <= run.loadEventMs);
    const files = scripts.map((script) => ({ ...script, ...gzipOf(script.path.replace(/^\//, '')) }));
    return {
      files,
      transfer: scripts.reduce((total, script) => total + script.transferSize, 0),
      resource: scripts.reduce((total, script) => total + script.resourceSize, 0),
      gzip: sum(files, 'gzip'),
      allGzip: sum(
        run.scripts.map((script) => gzipOf(script.path.replace(/^\//, ''))),
        'gzip',
      ),
    };
  });
  const middle = beforeLoad[Math.floor(beforeLoad.length / 2)]!;
  const networkGzip = median(beforeLoad.map((run) => run.gzip));
  const manifestGzip = sum(fromManifest.firstScreenFiles, 'gzip');
  console.log(
    `${firstPage} scripts requested before the load event (median of ${RUNS}): ${middle.files.length} files, ${kb(networkGzip)} gzipped ` +
      `(transferred ${kb(median(beforeLoad.map((run) => run.transfer)))}, decoded ${kb(median(beforeLoad.map((run) => run.resource)))}); ` +
      `all page scripts by network quiet ${kb(median(beforeLoad.map((run) => run.allGzip)))} gzipped`,
  );
  for (const file of middle.files) console.log(`   ${file.path}: ${kb(file.gzip)} gzipped, ${kb(file.transferSize)} transferred`);
  const manifestFiles = new Set(fromManifest.firstScreenFiles.map((file) => `/${file.file}`));
  const networkFiles = new Set(middle.files.map((file) => file.path));
  const onlyManifest = [...manifestFiles].filter((file) => !networkFiles.has(file));
  const onlyNetwork = [...networkFiles].filter((file) => !manifestFiles.has(file));
  if (onlyManifest.length) console.log(`   in the manifest's first screen but not requested before load: ${onlyManifest.join(', ')}`);
  if (onlyNetwork.length) console.log(`   requested before load but not in the manifest's first screen: ${onlyNetwork.join(', ')}`);

  const pages: Record<string, unknown> = {};
  const belowTarget: string[] = [];
  for (const [page, runs] of results) {
    const scores: Record<string, { median: number; min: number; max: number }> = {};
    const failing: Record<string, Array<{ id: string; title: string; runs: number }>> = {};
    for (const category of CATEGORIES) {
      const values = runs.map((run) => run.scores[category]);
      scores[category] = { median: median(values), min: Math.min(...values), max: Math.max(...values) };
      const target = TARGETS[category];
      if (target !== undefined && median(values) < target) {
        belowTarget.push(`${page} ${category} ${median(values)} < ${target}`);
        const counted = new Map<string, { id: string; title: string; runs: number }>();
        for (const run of runs) {
          for (const note of run.failing[category]) {
            const entry = counted.get(note.id) ?? { id: note.id, title: note.title, runs: 0 };
            entry.runs++;
            counted.set(note.id, entry);
          }
        }
        failing[category] = [...counted.values()];
      }
    }
    const metrics: Record<string, number> = {};
    for (const id of METRICS) metrics[id] = round(median(runs.map((run) => run.metrics[id] ?? NaN)), id === 'cumulative-layout-shift' ? 3 : 0);
    const benchmarkIndex = Math.round(median(runs.map((run) => run.benchmarkIndex)));
    pages[page] = { scores, metrics, benchmarkIndex, ...(Object.keys(failing).length ? { failing } : {}) };
  }
  const shellOk = networkGzip <= SHELL_BUDGET_GZIP && manifestGzip <= SHELL_BUDGET_GZIP && fromManifest.lazyOnlyFound.length === 0;
  console.log(
    `targets: ${belowTarget.length ? `below target: ${belowTarget.join('; ')}` : 'all scores on target'}; ` +
      `first-screen JS ${kb(Math.max(networkGzip, manifestGzip))} gzipped of ${kb(SHELL_BUDGET_GZIP)} ${shellOk ? 'OK' : 'OVER (or carries an AI library)'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'lighthouse',
      lighthouse: lighthouseVersion,
      formFactor: FORM_FACTOR,
      runs: RUNS,
      pages,
      firstScreenJs: {
        page: firstPage,
        networkBeforeLoadGzipBytes: Math.round(networkGzip),
        networkBeforeLoadTransferBytes: Math.round(median(beforeLoad.map((run) => run.transfer))),
        networkAllScriptsGzipBytes: Math.round(median(beforeLoad.map((run) => run.allGzip))),
        manifestShellGzipBytes: sum(fromManifest.shellFiles, 'gzip'),
        manifestFirstScreenGzipBytes: manifestGzip,
        serverContentEncoding: compression,
        budgetGzipBytes: SHELL_BUDGET_GZIP,
        lazyOnlyPackagesFound: fromManifest.lazyOnlyFound,
        withinBudget: shellOk,
      },
      targetsMet: belowTarget.length === 0 && shellOk,
      loadAverage: load(),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
