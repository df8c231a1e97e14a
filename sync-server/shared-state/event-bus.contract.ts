// What every EventBus must do, run against the in-process one (event-bus.test.ts) and Redis pub/sub
// (redis-event-bus.test.ts). No sleeping: "did not arrive" is shown by a later message on a channel
// that is still subscribed arriving first, since each bus delivers in the order it was published.
import { expect, it } from 'vitest';
import type { EventBus } from './event-bus.ts';

/** Collects messages and lets a test wait for the nth. */
export class Inbox {
  readonly messages: string[] = [];
  #waiters: { count: number; resolve: () => void }[] = [];

  readonly handler = (message: string): void => {
    this.messages.push(message);
    this.#waiters = this.#waiters.filter((waiter) => {
      if (this.messages.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  };

  /** Resolves once `count` messages have arrived (the test's own timeout catches one that never does). */
  received(count: number): Promise<string[]> {
    if (this.messages.length >= count) return Promise.resolve(this.messages);
    return new Promise((resolve) => this.#waiters.push({ count, resolve: () => resolve(this.messages) })).then(() => this.messages);
  }
}

export interface BusUnderTest {
  bus: EventBus;
  logs: string[];
}

export function eventBusContract(make: () => BusUnderTest | Promise<BusUnderTest>): void {
  it('delivers a message to every subscriber of its channel, in order, and to no other channel', async () => {
    const { bus } = await make();
    const first = new Inbox();
    const second = new Inbox();
    const other = new Inbox();
    await bus.subscribe('interview:1', first.handler);
    await bus.subscribe('interview:1', second.handler);
    await bus.subscribe('interview:2', other.handler);
    await bus.publish('interview:1', 'a');
    await bus.publish('interview:1', 'b');
    await bus.publish('interview:2', 'c');
    expect(await first.received(2)).toEqual(['a', 'b']);
    expect(await second.received(2)).toEqual(['a', 'b']);
    expect(await other.received(1)).toEqual(['c']);
  });

  it('stops delivering after unsubscribe, to that subscription only; unsubscribing twice is harmless', async () => {
    const { bus } = await make();
    const leaving = new Inbox();
    const staying = new Inbox();
    const unsubscribe = await bus.subscribe('interview:1', leaving.handler);
    await bus.subscribe('interview:1', staying.handler);
    await bus.publish('interview:1', 'before');
    await leaving.received(1);
    await unsubscribe();
    await unsubscribe();
    await bus.publish('interview:1', 'after');
    expect(await staying.received(2)).toEqual(['before', 'after']);
    expect(leaving.messages).toEqual(['before']);
  });

  it('after the last subscriber of a channel leaves, delivers nothing there, and a new subscriber hears new messages', async () => {
    const { bus } = await make();
    const gone = new Inbox();
    const marker = new Inbox();
    await bus.subscribe('marker', marker.handler);
    await (await bus.subscribe('interview:1', gone.handler))();
    await bus.publish('interview:1', 'nobody hears this');
    await bus.publish('marker', 'm');
    await marker.received(1);
    expect(gone.messages).toEqual([]);
    const back = new Inbox();
    await bus.subscribe('interview:1', back.handler);
    await bus.publish('interview:1', 'heard');
    expect(await back.received(1)).toEqual(['heard']);
  });

  it('treats one handler subscribed twice as two subscriptions', async () => {
    const { bus } = await make();
    const inbox = new Inbox();
    const unsubscribeFirst = await bus.subscribe('interview:1', inbox.handler);
    await bus.subscribe('interview:1', inbox.handler);
    await bus.publish('interview:1', 'x');
    expect(await inbox.received(2)).toEqual(['x', 'x']);
    await unsubscribeFirst();
    await bus.publish('interview:1', 'y');
    expect(await inbox.received(3)).toEqual(['x', 'x', 'y']);
  });

  it('logs a handler that throws, and still delivers to the others', async () => {
    const { bus, logs } = await make();
    const inbox = new Inbox();
    await bus.subscribe('interview:1', () => {
      throw new Error('follower gone');
    });
    await bus.subscribe('interview:1', inbox.handler);
    await bus.publish('interview:1', 'x');
    expect(await inbox.received(1)).toEqual(['x']);
    expect(logs).toEqual([expect.stringMatching(/"interview:1" failed \(follower gone\)/)]);
  });

  it('never runs a handler inside publish', async () => {
    const { bus } = await make();
    const inbox = new Inbox();
    await bus.subscribe('interview:1', inbox.handler);
    const publishing = bus.publish('interview:1', 'x');
    expect(inbox.messages).toEqual([]);
    await publishing;
    await inbox.received(1);
  });

  it('refuses an empty channel name', async () => {
    const { bus } = await make();
    await expect(async () => bus.publish('', 'x')).rejects.toThrow(/1 to 200 characters/);
    await expect(async () => bus.subscribe('', () => undefined)).rejects.toThrow(/1 to 200 characters/);
  });
}
