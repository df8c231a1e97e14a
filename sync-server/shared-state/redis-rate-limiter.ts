// The RateLimiter in Redis, so every server process counts against the same limits. Owns: the Lua
// script that checks and counts all of a call's rules in one step (Redis runs a script alone, so two
// processes can never both take the last slot), the key names, and what happens when Redis is away.
//
// Keys (all under the prefix, with the caller's key in a {hash tag} so one call's keys share a
// Redis Cluster slot):
//   <prefix>rl:{<key>}:<window>ms  sorted set of the times in the rolling window; expires one window after the last
//   <prefix>rl:{<key>}:utc-day     hash {d: day number, n: count}; expires an hour after its day ends
// Time is Redis's own clock (TIME), so processes whose clocks disagree still agree on the windows;
// tests may pass a clock instead.
//
// Redis unreachable: fail open to per-process limits. Each process goes on limiting with its own
// MemoryRateLimiter, so a limit is not lost (a stolen device token still cannot spend a provider's
// whole quota) but is N times looser with N processes, until Redis is back. Failing closed would turn a
// Redis outage into an outage of every limited route; failing fully open would drop the protection.
import { createHash, randomBytes } from 'node:crypto';
import { asRuleList, DAY_MS, MemoryRateLimiter, ruleSlot, windowMsOf, type RateLimiter, type RateRule, type RateVerdict } from './rate-limiter.ts';
import type { RedisConnection } from './redis-connection.ts';

// KEYS[i]: one per rule. ARGV[1]: now in ms, or '' for the server's clock. ARGV[2]: a member unique to
// this call. Then three values per rule: kind ('s' sliding, 'f' fixed epoch-aligned window), limit, window ms.
// Returns {1, remaining} or {0, wait ms, index of the refusing rule (from 1)}.
const TAKE_SCRIPT = `
local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local counts = {}
local worst_wait, worst_rule = 0, 0
for i = 1, #KEYS do
  local kind, limit, window = ARGV[3 * i], tonumber(ARGV[3 * i + 1]), tonumber(ARGV[3 * i + 2])
  local count, wait = 0, 0
  if kind == 's' then
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
    count = redis.call('ZCARD', KEYS[i])
    if count >= limit then
      local oldest = redis.call('ZRANGE', KEYS[i], count - limit, count - limit, 'WITHSCORES')
      wait = tonumber(oldest[2]) + window - now
    end
  else
    local period = math.floor(now / window)
    local stored = redis.call('HMGET', KEYS[i], 'd', 'n')
    if tonumber(stored[1]) == period then count = tonumber(stored[2]) or 0 end
    if count >= limit then wait = (period + 1) * window - now end
  end
  counts[i] = count
  if wait > worst_wait then worst_wait, worst_rule = wait, i end
end
if worst_rule > 0 then return {0, worst_wait, worst_rule} end
local remaining = -1
for i = 1, #KEYS do
  local kind, limit, window = ARGV[3 * i], tonumber(ARGV[3 * i + 1]), tonumber(ARGV[3 * i + 2])
  if kind == 's' then
    redis.call('ZADD', KEYS[i], now, ARGV[2])
    redis.call('PEXPIRE', KEYS[i], window)
  else
    local period = math.floor(now / window)
    redis.call('HSET', KEYS[i], 'd', period, 'n', counts[i] + 1)
    redis.call('PEXPIRE', KEYS[i], (period + 1) * window - now + 3600000)
  end
  local left = limit - counts[i] - 1
  if remaining < 0 or left < remaining then remaining = left end
end
return {1, remaining}
`;

const TAKE_COMMAND = 'ibRateLimitTake';
type ScriptedClient = Record<typeof TAKE_COMMAND, (...args: (string | number)[]) => Promise<unknown>>;

/** Caller keys longer than this (an e-mail address, a URL) are hashed, so Redis keys stay short. */
const MAX_PLAIN_KEY_LENGTH = 120;

export interface RedisRateLimiterOptions {
  connection: RedisConnection;
  /** Put before every key, e.g. "ib:"; one per deployment sharing a Redis. */
  keyPrefix: string;
  /** Epoch ms for tests; by default Redis's own clock. */
  clock?: () => number;
  /** Used while Redis cannot be reached; by default a MemoryRateLimiter on the same clock. */
  fallback?: RateLimiter;
}

export class RedisRateLimiter implements RateLimiter {
  readonly #connection: RedisConnection;
  readonly #prefix: string;
  readonly #clock: (() => number) | undefined;
  readonly #fallback: RateLimiter;
  readonly #nonce = randomBytes(6).toString('base64url');
  #sequence = 0;

  constructor(options: RedisRateLimiterOptions) {
    this.#connection = options.connection;
    this.#prefix = options.keyPrefix;
    this.#clock = options.clock;
    this.#fallback = options.fallback ?? new MemoryRateLimiter(options.clock ? { clock: options.clock } : {});
    // Sent by SHA once Redis has it (ioredis falls back to EVAL on NOSCRIPT, e.g. after a Redis restart).
    if (!(TAKE_COMMAND in options.connection.client)) options.connection.client.defineCommand(TAKE_COMMAND, { lua: TAKE_SCRIPT });
  }

  async take(key: string, rules: RateRule | readonly RateRule[]): Promise<RateVerdict> {
    const list = asRuleList(rules);
    const keys = list.map((rule) => this.redisKey(key, rule));
    const args = [this.#clock ? String(this.#clock()) : '', `${this.#nonce}:${++this.#sequence}`];
    for (const rule of list) args.push(rule.kind === 'sliding' ? 's' : 'f', String(rule.limit), String(windowMsOf(rule)));
    let reply: unknown;
    try {
      reply = await this.#connection.run((client) => (client as unknown as ScriptedClient)[TAKE_COMMAND](keys.length, ...keys, ...args));
    } catch {
      // Reported by the connection (once per outage); the process limits on its own meanwhile.
      return this.#fallback.take(key, list);
    }
    return verdictOf(reply, list);
  }

  /** Where a rule's count for `key` lives; exposed for tests and for operators reading Redis. */
  redisKey(key: string, rule: RateRule): string {
    const safe = key.length > MAX_PLAIN_KEY_LENGTH || /[{}]/.test(key) ? `sha256-${createHash('sha256').update(key).digest('base64url')}` : key;
    return `${this.#prefix}rl:{${safe}}:${ruleSlot(rule)}`;
  }
}

function verdictOf(reply: unknown, rules: readonly RateRule[]): RateVerdict {
  if (!Array.isArray(reply) || reply.length < 2 || !reply.every((item) => typeof item === 'number')) {
    throw new Error(`The rate-limit script answered ${JSON.stringify(reply)}; expected [1, remaining] or [0, wait, rule]. Is another program using this key prefix?`);
  }
  const [allowed, value, ruleIndex] = reply as number[];
  if (allowed === 1) return { allowed: true, remaining: value! };
  const rule = rules[(ruleIndex ?? 1) - 1] ?? rules[0]!;
  // The day window's wait is computed in Redis too; it never exceeds a day.
  return { allowed: false, retryAfterMs: Math.min(value!, DAY_MS), rule };
}
