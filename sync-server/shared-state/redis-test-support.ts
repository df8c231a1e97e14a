// For tests against a real Redis at TEST_REDIS_URL (.ci/run starts one and sets it). Owns: running
// those tests only when it is set, failing instead of skipping under CI=true, a key prefix of their
// own per test so parallel runs never share keys, and deleting every key under it afterwards.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

/** describe.runIf(TEST_REDIS_URL), except that CI=true without it is a failure, not a skip, and a skipped body is not run. */
export function describeWithRedis(name: string, body: (url: string) => void): void {
  if (!TEST_REDIS_URL && process.env.CI === 'true') {
    describe(name, () => {
      it('needs TEST_REDIS_URL', () => {
        throw new Error('TEST_REDIS_URL is not set, and CI=true: the Redis tests must run. Set it to a Redis such as redis://127.0.0.1:6379 (.ci/run starts one).');
      });
    });
    return;
  }
  if (!TEST_REDIS_URL) {
    // The body is not even collected: it would make Redis clients for a URL there is none of.
    describe.skip(name, () => {
      it('runs with TEST_REDIS_URL set to a Redis such as redis://127.0.0.1:6379', () => undefined);
    });
    return;
  }
  describe(name, () => body(TEST_REDIS_URL));
}

export function randomKeyPrefix(): string {
  return `ib-test:${randomBytes(6).toString('hex')}:`;
}

/** A plain client for looking at what the code under test wrote. Close it with `quit()`. */
export function inspector(url: string): Redis {
  return new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
}

export async function deleteKeys(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
