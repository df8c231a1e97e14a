// The Redis connections behind the shared state, and what happens when Redis is away. Owns: the
// ioredis options (lazy connect, bounded waits, capped reconnect back-off), one warning per outage per
// connection (and one when it is back), failing fast while a connection is known to be down, and
// SharedStateUnavailableError. Never logs the URL, which may hold a password.
import { Redis } from 'ioredis';

/** Redis could not be asked (down, unreachable, too slow); the caller falls back or reports it. */
export class SharedStateUnavailableError extends Error {
  override name = 'SharedStateUnavailableError';
  constructor(readonly reason: string) {
    super(`Redis (REDIS_URL) cannot be reached (${reason}); check that it is running and reachable from this server.`);
  }
}

export function isRedisUrl(value: string): boolean {
  return /^rediss?:\/\//.test(value) && URL.canParse(value);
}

/** How long one command may wait for Redis before the caller falls back: a rate-limit check is on every request. */
export const COMMAND_TIMEOUT_MS = 1_000;
const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnects never stop (Redis coming back must heal every process), but are at most this far apart. */
const MAX_RECONNECT_DELAY_MS = 5_000;

export interface RedisConnectionOptions {
  url: string;
  /** Says which connection a warning is about: "commands" or "subscriber". */
  role: string;
  log: (line: string) => void;
}

/** One ioredis client with its health. `client` is exposed for the modules of this folder only. */
export class RedisConnection {
  readonly client: Redis;
  readonly #role: string;
  readonly #log: (line: string) => void;
  #down = false;
  #closed = false;
  #lastReplyErrorLog = Number.NEGATIVE_INFINITY;

  constructor(options: RedisConnectionOptions) {
    this.#role = options.role;
    this.#log = options.log;
    this.client = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: CONNECT_TIMEOUT_MS,
      commandTimeout: COMMAND_TIMEOUT_MS,
      // A command sent while disconnected waits for one reconnect attempt at most, then fails.
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 10), MAX_RECONNECT_DELAY_MS),
      connectionName: `interview-buddy:${options.role}`,
    });
    // Without a listener ioredis stays silent; with this one an outage is said once, not on every retry.
    this.client.on('error', (error: Error) => this.reportFailure(error));
    this.client.on('ready', () => this.#reportHealthy());
  }

  /**
   * Throws SharedStateUnavailableError at once while the connection is known to be down, so a request
   * does not wait a command timeout on every call during an outage. Before the first command the
   * connection is not open yet (lazy), and that is fine: the command opens it.
   */
  assertUsable(): void {
    if (this.#closed) throw new SharedStateUnavailableError('the connection was closed');
    const status = this.client.status;
    if (this.#down && (status === 'reconnecting' || status === 'end' || status === 'close')) throw new SharedStateUnavailableError(`connection ${status}`);
  }

  /**
   * Runs one Redis operation. A lost or slow connection is reported once and rethrown as
   * SharedStateUnavailableError; an error Redis answered (a bad script, a key of the wrong type) is a
   * bug, not an outage: it is logged at most once a minute and rethrown as it is.
   */
  async run<T>(operation: (client: Redis) => Promise<T>): Promise<T> {
    this.assertUsable();
    let result: T;
    try {
      result = await operation(this.client);
    } catch (error) {
      if ((error as Error | null)?.name === 'ReplyError') {
        this.#reportReplyError(error as Error);
        throw error;
      }
      this.reportFailure(error as Error);
      throw error instanceof SharedStateUnavailableError ? error : new SharedStateUnavailableError(describe(error));
    }
    this.#reportHealthy();
    return result;
  }

  reportFailure(error: Error): void {
    if (this.#down || this.#closed) return;
    this.#down = true;
    this.#log(
      `Shared state: Redis failed (${this.#role} connection: ${describe(error)}). Until it is back, each process limits on its own, ` +
        'the AI response cache misses, counters are not shared and live events stay in their process; retrying in the background.',
    );
  }

  #reportHealthy(): void {
    if (!this.#down || this.#closed) return;
    this.#down = false;
    this.#log(`Shared state: Redis is reachable again (${this.#role} connection); limits, counters and live events are shared across processes again.`);
  }

  #reportReplyError(error: Error): void {
    const now = Date.now();
    if (now - this.#lastReplyErrorLog < 60_000) return;
    this.#lastReplyErrorLog = now;
    this.#log(`Shared state: Redis refused a command (${this.#role} connection: ${error.message}); this is a bug or a key prefix shared with another application.`);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.run((client) => client.ping())) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // quit() waits for replies to what was sent; on a dead connection it would wait for a reconnect.
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}

/** The error's code or message, without the URL (ioredis messages name host and port, never the password). */
function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
