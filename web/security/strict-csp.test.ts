import { describe, expect, it } from 'vitest';

describe('strict-csp', () => {
  it('turns zod jitless through the global zod reads its settings from, without importing zod first', async () => {
    await import('./strict-csp.ts');
    const { config } = await import('zod');
    expect(config().jitless).toBe(true);
  });
});
