// Builds the PWA from web/ into dist/ (which the sync server serves), and in dev mounts the sync
// server's API at /api so `npm run dev` is the whole product on one port.
import { fileURLToPath } from 'node:url';
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
  },
  worker: { format: 'es' },
});

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
        if (!req.url?.startsWith('/api/')) return next();
        void listener(req, res);
      });
      server.httpServer?.once('close', () => void close());
    },
  };
}
