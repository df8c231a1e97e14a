// The EventBus over Redis pub/sub, so a change pushed to one process reaches followers connected to
// any other. Owns: the channel names, the dedicated subscriber connection (a connection that has
// subscribed may run nothing but (un)subscribe commands), one Redis subscription per channel however
// many followers this process has on it, and dispatching to them.
//
// Channel: <prefix>bus:<channel>. Publishing uses the shared command connection.
// Redis unreachable: publish logs (once per outage) and resolves, since a notification is best effort
// (see event-bus.ts); subscribe rejects with SharedStateUnavailableError, so the caller can tell the
// follower that live updates are off. After a reconnect, ioredis subscribes again to every channel it
// had; messages published while the subscriber was away are lost.
import { checkChannel, deliver, type EventBus, type EventHandler, type Unsubscribe } from './event-bus.ts';
import type { RedisConnection } from './redis-connection.ts';

export interface RedisEventBusOptions {
  /** Publishes. */
  connection: RedisConnection;
  /** Made on the first subscribe, and closed with the bus. */
  openSubscriber: () => RedisConnection;
  keyPrefix: string;
  log?: (line: string) => void;
}

export class RedisEventBus implements EventBus {
  readonly #connection: RedisConnection;
  readonly #openSubscriber: () => RedisConnection;
  readonly #prefix: string;
  readonly #log: (line: string) => void;
  readonly #handlers = new Map<string, Set<EventHandler>>();
  #subscriber: RedisConnection | undefined;

  constructor(options: RedisEventBusOptions) {
    this.#connection = options.connection;
    this.#openSubscriber = options.openSubscriber;
    this.#prefix = options.keyPrefix;
    this.#log = options.log ?? ((line) => console.warn(line));
  }

  async publish(channel: string, message: string): Promise<void> {
    checkChannel(channel);
    await this.#connection.run((client) => client.publish(this.redisChannel(channel), message)).catch(() => undefined);
  }

  async subscribe(channel: string, handler: EventHandler): Promise<Unsubscribe> {
    checkChannel(channel);
    const redisChannel = this.redisChannel(channel);
    const subscriber = this.#subscriberConnection();
    // A wrapper per call, so one function subscribed twice is two subscriptions.
    const listener: EventHandler = (message) => handler(message);
    let handlers = this.#handlers.get(redisChannel);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(redisChannel, handlers);
    }
    handlers.add(listener);
    try {
      // Sent for every follower, not only the first: its reply is what says the subscription is live.
      // Redis answers a repeated SUBSCRIBE without a second subscription.
      await subscriber.run((client) => client.subscribe(redisChannel));
    } catch (error) {
      await this.#remove(redisChannel, listener);
      throw error;
    }
    let subscribed = true;
    return async () => {
      if (!subscribed) return;
      subscribed = false;
      await this.#remove(redisChannel, listener);
    };
  }

  redisChannel(channel: string): string {
    return `${this.#prefix}bus:${channel}`;
  }

  /** Closes the subscriber connection (the command connection belongs to the caller). */
  async close(): Promise<void> {
    this.#handlers.clear();
    await this.#subscriber?.close();
  }

  #subscriberConnection(): RedisConnection {
    if (!this.#subscriber) {
      this.#subscriber = this.#openSubscriber();
      this.#subscriber.client.on('message', (redisChannel: string, message: string) => {
        // Copied first: a handler may unsubscribe itself while the others are being called.
        for (const handler of [...(this.#handlers.get(redisChannel) ?? [])]) deliver(handler, message, redisChannel.slice(this.#prefix.length + 4), this.#log);
      });
    }
    return this.#subscriber;
  }

  async #remove(redisChannel: string, listener: EventHandler): Promise<void> {
    const handlers = this.#handlers.get(redisChannel);
    if (!handlers?.delete(listener) || handlers.size > 0) return;
    this.#handlers.delete(redisChannel);
    // Commands on one connection run in order, so a SUBSCRIBE sent after this UNSUBSCRIBE wins.
    await this.#subscriber?.run((client) => client.unsubscribe(redisChannel)).catch(() => undefined);
  }
}
