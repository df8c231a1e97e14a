import { existsSync } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import type { CDPSession } from 'playwright-core';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { mediaFixtures, mediaToolsMissing, SHARED_FIXTURES, type SpeechFixture } from './tests/helpers/media-fixtures.ts';
import { findFreePort } from './tests/helpers/sync-server-process.ts';
import { SYNC_SERVER_PORT_ENV } from './tests/helpers/sync-server.global-setup.ts';

// Three projects, all run by `npm run test:unit` (`vitest run`):
// - `node`: plain TypeScript modules and the sync server, in Node; the server's store is SQLite.
// - `server-postgres`: the sync server's store-dependent tests again, on PostgreSQL at
//   TEST_DATABASE_URL (sync-server/test-support/test-store.ts gives each store a schema of its own),
//   plus the PostgreSQL-only tests, `*.postgres.test.ts`.
// - `chromium`: browser code (IndexedDB, localStorage, fetch), files named `*.browser.test.ts`, in
//   Debian's real Chromium through Vitest browser mode, against the real sync server (started by
//   the project's globalSetup, reached same-origin at /api through Vite's proxy).
// Browsers are never downloaded. Without Chromium, or without TEST_DATABASE_URL, the project that
// needs it fails loudly when CI=true, and is skipped with a message otherwise.
// Whole-app flows are in the e2e suite (vitest.e2e.config.ts).

const BROWSER_TESTS = '{web,models,workers}/**/*.browser.test.ts';
const POSTGRES_ONLY_TESTS = 'sync-server/**/*.postgres.test.ts';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling Google's hosts, which a closed
// network refuses.
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Real WebGPU (SwiftShader) on the localhost test page, for the device probe.
  '--enable-unsafe-webgpu',
];

const nodeProject: TestProjectInlineConfiguration = {
  test: {
    name: 'node',
    include: ['{web,workers,models,sync-server}/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    exclude: [...configDefaults.exclude, BROWSER_TESTS, POSTGRES_ONLY_TESTS],
    environment: 'node',
    pool: 'forks',
    // The app loads non-English interface strings on demand; tests switch language synchronously.
    setupFiles: ['web/i18n/preload-languages.test-setup.ts'],
  },
};

function serverPostgresProject(): TestProjectInlineConfiguration | null {
  if (!process.env.TEST_DATABASE_URL) {
    const message =
      'TEST_DATABASE_URL is not set (a postgres:// URL of a database whose user may create schemas, e.g. postgres://ib:ib@127.0.0.1:5432/ib_test; .ci/run sets one up)';
    if (process.env.CI === 'true') throw new Error(`${message}. CI=true: the server-postgres test project must run.`);
    console.warn(`SKIPPING the server-postgres test project (the sync server's tests on PostgreSQL): ${message}.`);
    return null;
  }
  return {
    test: {
      name: 'server-postgres',
      include: ['sync-server/**/*.test.ts'],
      // Left out: tests that never open a store (the AI gateway's units, the protocol, password
      // hashing, middleware on stand-in stores, configuration, the model mirror) and the SQLite
      // migrations' own tests; they gain nothing from a second run.
      exclude: [
        ...configDefaults.exclude,
        'sync-server/{ai,protocol,auth,middleware}/**',
        'sync-server/config.test.ts',
        'sync-server/routes/{models,client-config}.test.ts',
        'sync-server/db/migrations.test.ts',
        'sync-server/read-cache/{interview-read-cache,session-cache}.test.ts',
      ],
      environment: 'node',
      pool: 'forks',
      // Read by test-store.ts: every test database is a schema at TEST_DATABASE_URL.
      env: { IB_TEST_STORE: 'postgres' },
      // Each test database is a schema to create and migrate (about 0.1 s, more on a busy machine),
      // and some tests open a dozen of them.
      testTimeout: 30_000,
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** What Chromium's fake microphone plays (once, from when a capture starts), and where the speech is in it. */
    fakeMicrophone: SpeechFixture;
    /** ../shared/fixtures (face photos), readable in the browser at `/@fs${dir}/<file>`. */
    sharedFixturesDir: string;
  }
}

async function chromiumProject(): Promise<TestProjectInlineConfiguration | null> {
  const missing = [...(existsSync(CHROMIUM_PATH) ? [] : [`Chromium (${CHROMIUM_PATH})`]), ...mediaToolsMissing()];
  if (missing.length > 0) {
    const message = `${missing.join(', ')} not found (install them with apt-get install -y chromium ffmpeg espeak-ng, or set CHROMIUM_PATH)`;
    if (process.env.CI === 'true') throw new Error(`${message}. CI=true: the chromium test project (${BROWSER_TESTS}) must run.`);
    console.warn(`SKIPPING the chromium test project (${BROWSER_TESTS}): ${message}.`);
    return null;
  }
  // A fake camera (a face that moves a little) and a fake microphone (sentences with known pauses),
  // made here with ffmpeg and espeak-ng; permission prompts are answered yes.
  const media = mediaFixtures();
  const mediaFlags = [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${media.faceY4m}`,
    `--use-file-for-fake-audio-capture=${media.speech.path}%noloop`,
  ];
  // The port is chosen here because the proxy needs it before globalSetup starts the server on it.
  const syncServerPort = await findFreePort();
  process.env[SYNC_SERVER_PORT_ENV] = String(syncServerPort);
  return {
    server: {
      proxy: {
        '/api': { target: `http://127.0.0.1:${syncServerPort}` },
        // The sync server's model mirror (/models/<host>/…), holding the fake model the globalSetup
        // generates. Matched by its host segment, because Vite serves the repo's own models/ source
        // folder at /models/ too.
        '^/models/[^/?]+\\.[^/?]+/': { target: `http://127.0.0.1:${syncServerPort}` },
        // The real MediaPipe face model, copied into the mirror from ../shared/models.
        '^/models/face_landmarker\\.task$': { target: `http://127.0.0.1:${syncServerPort}` },
      },
      // The face photos in ../shared/fixtures are read by tests through /@fs/.
      fs: { allow: ['.', SHARED_FIXTURES] },
    },
    // Pre-bundled up front, so Vite does not discover them mid-run and reload the test page.
    optimizeDeps: { include: ['dexie', 'ulid', 'zod', 'pdfjs-dist', 'pdfjs-dist/build/pdf.worker.min.mjs', 'pdf-lib', '@mlc-ai/web-llm', '@huggingface/transformers', 'comlink', 'onnxruntime-web/wasm'] },
    test: {
      name: 'chromium',
      include: [BROWSER_TESTS],
      globalSetup: ['tests/helpers/sync-server.global-setup.ts'],
      provide: { fakeMicrophone: media.speech, sharedFixturesDir: SHARED_FIXTURES },
      testTimeout: 30_000,
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, ...mediaFlags] } }),
        instances: [{ browser: 'chromium' }],
        commands: { setStorageQuota },
      },
    },
  };
}

/**
 * Browser command: gives `origin` a storage quota of `quotaBytes` through the DevTools protocol, so
 * Cache Storage throws a real QuotaExceededError; null lifts it. The override lives only as long as
 * its DevTools session, so the session is kept open until the quota is lifted.
 */
const quotaSessions = new Map<string, CDPSession>();
const setStorageQuota: BrowserCommand<[origin: string, quotaBytes: number | null]> = async (context, origin, quotaBytes) => {
  let session = quotaSessions.get(context.sessionId);
  if (!session) {
    session = await context.page.context().newCDPSession(context.page);
    quotaSessions.set(context.sessionId, session);
  }
  await session.send('Storage.overrideQuotaForOrigin', quotaBytes === null ? { origin } : { origin, quotaSize: quotaBytes });
  if (quotaBytes === null) {
    quotaSessions.delete(context.sessionId);
    await session.detach();
  }
};

const chromium = await chromiumProject();
const serverPostgres = serverPostgresProject();

export default defineConfig({
  test: {
    projects: [nodeProject, ...(serverPostgres ? [serverPostgres] : []), ...(chromium ? [chromium] : [])],
  },
});
