// Builds the PWA from web/ into dist/ (which the sync server serves), and in dev mounts the sync
// server's API at /api so `npm run dev` is the whole product on one port.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { defineConfig, type Plugin, type ViteDevServer } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import type * as SyncServerBootstrap from './sync-server/bootstrap.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  envDir: repoRoot,
  plugins: [
    solid(),
    devApi(),
    preloadHomeRoute(),
    precompress(),
    VitePWA({
      registerType: 'autoUpdate',
      // main.tsx registers through virtual:pwa-register/solid, which reloads when an update is ready.
      injectRegister: false,
      manifest: {
        name: 'Interview Buddy',
        short_name: 'Int. Buddy',
        description: 'Practise job interviews with feedback, on your own device. Works offline.',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#3b5bdb',
        background_color: '#f6f7fb',
        categories: ['education', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole shell, every lazy route and the question bank chunk: the app must work offline
        // after the first visit. Model weights are not here: they are cached by models/ on first use.
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest,txt}'],
        // web-llm (≈6 MB, in the model worker and in AI settings) is not precached: most candidates
        // never run a local model, and a phone should not download it to use basic scoring. It is
        // cached the first time it is used instead (below), which the model download does.
        globIgnores: ['**/web-llm-????????.js', '**/webllm.worker-*.js'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /\/assets\/(web-llm-[\w-]{8}|webllm\.worker-[\w-]+)\.js$/.test(url.pathname),
            // Hashed file names: a cached copy is never stale.
            handler: 'CacheFirst',
            options: { cacheName: 'ib-model-runtime', expiration: { maxEntries: 8 } },
          },
          {
            // MediaPipe's 13 MB wasm and the face model (from the mirror or Google's bucket): fetched
            // the first time the camera is turned on, then kept so the camera works offline.
            urlPattern: ({ url }) => /\/assets\/vision_wasm_[\w-]+\.wasm$/.test(url.pathname) || url.pathname.endsWith('/face_landmarker.task'),
            handler: 'CacheFirst',
            options: { cacheName: 'ib-vision-runtime', expiration: { maxEntries: 6 }, cacheableResponse: { statuses: [0, 200] } },
          },
          {
            // Voice answers: ONNX Runtime's wasm (11 MB) and the Silero VAD model (2.3 MB), fetched the
            // first time the microphone is used, then kept so voice activity works offline. The
            // Whisper runtime's wasm is kept by transformers.js in its own cache.
            urlPattern: ({ url }) => /\/assets\/(ort-wasm-simd-threaded-[\w-]+\.(wasm|mjs)|silero_vad_v5-[\w-]+\.onnx)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'ib-speech-runtime', expiration: { maxEntries: 6 } },
          },
        ],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/models\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    port: 5173,
    fs: { allow: [repoRoot] },
  },
  preview: { port: 4173 },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks the entry imports statically, for `npm run bench:lighthouse`.
    manifest: true,
    rolldownOptions: {
      output: {
        // One named chunk for web-llm, so the service worker can leave it out of the precache.
        codeSplitting: { groups: [{ name: 'web-llm', test: /node_modules[\\/]@mlc-ai[\\/]/ }] },
      },
    },
  },
  worker: { format: 'es' },
});

/**
 * Adds `<link rel="modulepreload">` for the home screen's lazy chunk and its static imports to
 * index.html. "/" is where the app opens (start_url), and without the hint its chunk is only requested
 * once the entry has run: a second round trip before the first screen can paint its content. Other
 * screens pay about 12 KB gzipped for it, fetched in parallel with the entry; the chunk stays lazy,
 * so it runs only where it is shown.
 */
function preloadHomeRoute(): Plugin {
  const HOME = /[\\/]web[\\/]candidate[\\/]HomePage\.tsx$/;
  return {
    name: 'interview-buddy-preload-home',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const home = chunks.find((chunk) => chunk.facadeModuleId && HOME.test(chunk.facadeModuleId));
        if (!home) throw new Error('preloadHomeRoute: no chunk for web/candidate/HomePage.tsx: update vite.config.ts to the new home screen.');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
        };
        visit(home.fileName);
        // The entry's own imports are preloaded by Vite already.
        const missing = [...files].filter((file) => !html.includes(`/${file}"`));
        return missing.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * Writes `x.gz` (and, up to 512 KB, `x.br`) beside every compressible file of the build, for the
 * server to send when the browser accepts them (serveStatic's `precompressed` in sync-server/main.ts).
 * Compressing once here costs the server nothing per request, and a phone on a slow network gets the
 * first screen's scripts at about a third of their size. Brotli's best level takes about a second
 * per 300 KB, so only what index.html loads gets it (about 10% smaller than quality 5); the AI
 * runtimes, megabytes each, get gzip only. Runs after vite-plugin-pwa has written sw.js.
 */
function precompress(): Plugin {
  const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|wasm|ttf)$/;
  const BROTLI_MAX_BYTES = 512 * 1024;
  const gzipAsync = promisify(gzip);
  const brotliAsync = promisify(brotliCompress);
  let outDir = '';
  return {
    name: 'interview-buddy-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler(error?: Error) {
        // A failed build still closes its bundle: compressing would throw on the missing index.html
        // and hide the build's own error.
        if (error || !existsSync(join(outDir, 'index.html'))) return;
        const files = (await readdir(outDir, { recursive: true })).filter((file) => COMPRESSIBLE.test(file) && !file.startsWith('.vite'));
        const indexHtml = await readFile(join(outDir, 'index.html'), 'utf8');
        const firstScreen = new Set([...indexHtml.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((match) => match[1]));
        await Promise.all(
          files.map(async (file) => {
            const path = join(outDir, file);
            if (!(await stat(path)).isFile()) return;
            const bytes = await readFile(path);
            if (bytes.length < 1024) return;
            // Level 9 costs seconds on the big runtimes for a fraction of a percent: 6 for those.
            const gzipped = await gzipAsync(bytes, { level: bytes.length > BROTLI_MAX_BYTES ? 6 : 9 });
            // Not worth a second file (or a Content-Encoding) when it saves little.
            if (gzipped.length > bytes.length * 0.9) return;
            await writeFile(`${path}.gz`, gzipped);
            if (bytes.length > BROTLI_MAX_BYTES) return;
            const quality = firstScreen.has(file.split(sep).join('/')) ? 11 : 5;
            const params = { [zlibConstants.BROTLI_PARAM_QUALITY]: quality, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
            await writeFile(`${path}.br`, await brotliAsync(bytes, { params }));
          }),
        );
      },
    },
  };
}

/**
 * Dev only: serves the sync server's Hono app at /api from the same Vite server. The server code is
 * loaded lazily inside `configureServer`, so `vite build` never touches it (or its native modules).
 */
function devApi(): Plugin {
  return {
    name: 'interview-buddy-dev-api',
    apply: 'serve',
    async configureServer(server: ViteDevServer) {
      const { getRequestListener } = await import('@hono/node-server');
      const bootstrapPath = fileURLToPath(new URL('./sync-server/bootstrap.ts', import.meta.url));
      // Through Vite's SSR loader: it compiles the TypeScript; node_modules stay external.
      const bootstrap = (await server.ssrLoadModule(bootstrapPath)) as typeof SyncServerBootstrap;
      const { app, close } = await bootstrap.createAppFromEnv();
      const listener = getRequestListener(app.fetch);
      server.middlewares.use((req, res, next) => {
        // /models/ is the model mirror, mounted only when MODELS_DIR is set (see sync-server/routes/models.ts).
        if (!req.url?.startsWith('/api/') && !req.url?.startsWith('/models/')) return next();
        void listener(req, res);
      });
      server.httpServer?.once('close', () => void close());
    },
  };
}
