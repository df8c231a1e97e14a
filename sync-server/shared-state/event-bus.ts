// Live fan-out ("interview X changed") to whoever follows it, in this process (MemoryEventBus, here) or
// across processes through Redis pub/sub (redis-event-bus.ts). Owns: the interface and the in-process
// implementation. Messages are strings (JSON, usually): the receiver parses them with zod like any
// other input, and no object is shared between publisher and subscribers.
//
// Delivery is at most once and best effort: a subscriber that is not connected when a message is
// published never gets it. So a message should say "X changed, read it again", never carry the only
// copy of a change; a follower re-reads the state when it (re)subscribes.
import { EventEmitter } from 'node:events';

export type EventHandler = (message: string) => void;
export type Unsubscribe = () => Promise<void>;

export interface EventBus {
  /** Sends `message` to every current subscriber of `channel`, in every process. Never throws for a lost connection: it is logged. */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Calls `handler` for each message on `channel` until the returned function is called. Resolves
   * once messages published from now on will arrive, so a follower may subscribe first, then read the
   * current state, and miss nothing in between. A handler that throws is logged and does not stop the others.
   */
  subscribe(channel: string, handler: EventHandler): Promise<Unsubscribe>;
}

export function checkChannel(channel: string): string {
  if (channel.length === 0 || channel.length > 200) throw new RangeError('An event channel name needs 1 to 200 characters, such as "interview:01J…".');
  return channel;
}

/** Runs a handler so that its failure is reported instead of breaking the delivery loop. */
export function deliver(handler: EventHandler, message: string, channel: string, log: (line: string) => void): void {
  try {
    handler(message);
  } catch (error) {
    log(`An event handler for "${channel}" failed (${(error as Error).message}); the other subscribers still got the message.`);
  }
}

export interface MemoryEventBusOptions {
  log?: (line: string) => void;
}

export class MemoryEventBus implements EventBus {
  readonly #emitter = new EventEmitter();
  readonly #log: (line: string) => void;

  constructor(options: MemoryEventBusOptions = {}) {
    // One listener per follower of an interview: many is normal, not a leak.
    this.#emitter.setMaxListeners(0);
    this.#log = options.log ?? ((line) => console.warn(line));
  }

  async publish(channel: string, message: string): Promise<void> {
    checkChannel(channel);
    // Handlers run later, never inside the publisher's call, as they would with Redis.
    const handlers = this.#emitter.listeners(channel) as EventHandler[];
    if (handlers.length) queueMicrotask(() => handlers.forEach((handler) => deliver(handler, message, channel, this.#log)));
  }

  async subscribe(channel: string, handler: EventHandler): Promise<Unsubscribe> {
    checkChannel(channel);
    // Wrapped, so the same function subscribed twice is two subscriptions, each removed on its own.
    const listener = (message: string) => handler(message);
    this.#emitter.on(channel, listener);
    let subscribed = true;
    return async () => {
      if (!subscribed) return;
      subscribed = false;
      this.#emitter.off(channel, listener);
    };
  }

  /** Subscriptions on `channel` in this process; for tests of unsubscribing. */
  listenerCount(channel: string): number {
    return this.#emitter.listenerCount(channel);
  }
}
