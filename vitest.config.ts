import { defineConfig } from 'vitest/config';

// Unit and integration tests: plain TypeScript modules and the sync server, in Node.
// Browser code is tested in real Chromium by the e2e suite (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['{web,workers,models,sync-server}/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});
