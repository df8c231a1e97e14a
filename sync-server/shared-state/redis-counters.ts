// Counters in Redis, so every process adds to the same per-minute and per-day numbers. Owns: the key
// names and their lifetimes. Each increment is one MULTI (INCRBY + PEXPIRE for the minute and the day),
// so a count never exists without its expiry.
//
// Keys: <prefix>count:{<name>}:minute:<YYYY-MM-DDTHH:MM>  expires 2 minutes after its last increment
//       <prefix>count:{<name>}:day:<YYYY-MM-DD>           expires 25 hours after its last increment
// The window is named from this process's clock, so processes should keep NTP time: a process whose
// clock is s seconds off counts its first or last s seconds of a day into the neighbouring day.
// Redis unreachable: increment and read throw SharedStateUnavailableError; counting is the caller's
// report, not a decision, so the caller logs and carries on.
import { checkIncrement, windowLabels, type Counters, type WindowCounts } from './counters.ts';
import type { RedisConnection } from './redis-connection.ts';

const MINUTE_KEY_TTL_MS = 2 * 60_000;
const DAY_KEY_TTL_MS = 25 * 3_600_000;

export interface RedisCountersOptions {
  connection: RedisConnection;
  keyPrefix: string;
  clock?: () => number;
}

export class RedisCounters implements Counters {
  readonly #connection: RedisConnection;
  readonly #prefix: string;
  readonly #clock: () => number;

  constructor(options: RedisCountersOptions) {
    this.#connection = options.connection;
    this.#prefix = options.keyPrefix;
    this.#clock = options.clock ?? Date.now;
  }

  async increment(name: string, by = 1): Promise<WindowCounts> {
    checkIncrement(by);
    const { minute, day } = this.redisKeys(name);
    const replies = await this.#connection.run((client) =>
      client.multi().incrby(minute, by).pexpire(minute, MINUTE_KEY_TTL_MS).incrby(day, by).pexpire(day, DAY_KEY_TTL_MS).exec(),
    );
    if (!replies) throw new Error('The counter transaction was discarded; nothing watched its keys, so this is a bug.');
    const failed = replies.find(([error]) => error);
    if (failed) throw failed[0]!;
    return { minute: Number(replies[0]![1]), day: Number(replies[2]![1]) };
  }

  async read(name: string): Promise<WindowCounts> {
    const { minute, day } = this.redisKeys(name);
    const [minuteCount, dayCount] = await this.#connection.run((client) => client.mget(minute, day));
    return { minute: Number(minuteCount ?? 0), day: Number(dayCount ?? 0) };
  }

  /** The keys holding `name`'s counts now; exposed for tests and operators. */
  redisKeys(name: string): { minute: string; day: string } {
    const labels = windowLabels(this.#clock());
    return { minute: `${this.#prefix}count:{${name}}:minute:${labels.minute}`, day: `${this.#prefix}count:{${name}}:day:${labels.day}` };
  }
}
