import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium through playwright-core against the built app served
// by the real sync server. They run one file at a time: the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
