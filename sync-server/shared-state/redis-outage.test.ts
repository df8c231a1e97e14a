// A Redis of this test's own (redis-server on a free port, never the shared one) stopped and started
// again under a running SharedState: it falls back, says so once, and comes back by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, expect, it } from 'vitest';
import { findFreePort } from '../../tests/helpers/sync-server-process.ts';
import { Inbox } from './event-bus.contract.ts';
import { perMinute } from './rate-limiter.ts';
import { describeWithRedis, inspector, randomKeyPrefix } from './redis-test-support.ts';
import { createSharedState, type SharedState } from './shared-state.ts';

async function startRedis(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = once(server, 'error').then(([error]) => {
    throw new Error(`Could not start redis-server (${(error as Error).message}); install Redis (e.g. apt-get install redis-server) to run this test.`);
  });
  const probe = inspector(`redis://127.0.0.1:${port}`);
  probe.on('error', () => undefined);
  try {
    await Promise.race([failed, expect.poll(() => probe.ping().catch(() => 'not yet'), { timeout: 10_000, interval: 50 }).toBe('PONG')]);
  } finally {
    probe.disconnect();
  }
  return server;
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGKILL');
  await exited;
}

describeWithRedis('a Redis that goes away and comes back', () => {
  const servers: ChildProcess[] = [];
  let state: SharedState | undefined;

  afterAll(async () => {
    await state?.close();
    for (const server of servers) await stop(server);
  });

  it('falls back to per-process limits, logs the outage once, and shares limits and events again once Redis is back', { timeout: 60_000 }, async () => {
    const port = await findFreePort();
    const url = `redis://127.0.0.1:${port}`;
    servers.push(await startRedis(port));
    const logs: string[] = [];
    const shared = createSharedState({ redisUrl: url, keyPrefix: randomKeyPrefix(), log: (line) => logs.push(line) });
    state = shared;
    const redis = inspector(url);
    redis.on('error', () => undefined);
    const keysInRedis = async () => (await redis.keys('*')).length;

    expect((await shared.limiter.take('before', perMinute(1))).allowed).toBe(true);
    expect(await keysInRedis()).toBe(1);
    const inbox = new Inbox();
    await shared.bus.subscribe('interview:1', inbox.handler);

    await stop(servers[0]!);
    // Each process keeps limiting on its own meanwhile.
    expect((await shared.limiter.take('during', perMinute(1))).allowed).toBe(true);
    expect((await shared.limiter.take('during', perMinute(1))).allowed).toBe(false);
    expect(await shared.ping()).toBe('unreachable');
    expect(logs).toContainEqual(expect.stringMatching(/^Shared state: Redis failed \(commands connection/));
    // The subscriber finds out on its own first reconnect attempt.
    await expect.poll(() => logs.some((line) => line.includes('Redis failed (subscriber connection')), { timeout: 10_000, interval: 50 }).toBe(true);

    servers.push(await startRedis(port));
    await expect.poll(() => shared.ping(), { timeout: 30_000, interval: 100 }).toBe('ok');
    expect((await shared.limiter.take('after', perMinute(1))).allowed).toBe(true);
    // The new Redis starts empty: the key counted there proves the limit is shared again.
    expect(await keysInRedis()).toBe(1);
    // The subscriber reconnects on its own schedule and subscribes again by itself.
    await expect
      .poll(
        async () => {
          await shared.bus.publish('interview:1', 'changed');
          return inbox.messages.length;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    // Said once per connection when it went, and once when it came back; nothing on every retry.
    expect([...logs].sort()).toEqual([
      expect.stringMatching(/^Shared state: Redis failed \(commands connection/),
      expect.stringMatching(/^Shared state: Redis failed \(subscriber connection/),
      expect.stringMatching(/^Shared state: Redis is reachable again \(commands connection\)/),
      expect.stringMatching(/^Shared state: Redis is reachable again \(subscriber connection\)/),
    ]);
    redis.disconnect();
  });
});
