import { describe, expect, it } from 'vitest';
import { eventBusContract } from './event-bus.contract.ts';
import { MemoryEventBus } from './event-bus.ts';

describe('MemoryEventBus', () => {
  eventBusContract(() => {
    const logs: string[] = [];
    return { bus: new MemoryEventBus({ log: (line) => logs.push(line) }), logs };
  });

  it('drops its listener when the last subscription on a channel ends', async () => {
    const bus = new MemoryEventBus();
    const unsubscribe = await bus.subscribe('interview:1', () => undefined);
    expect(bus.listenerCount('interview:1')).toBe(1);
    await unsubscribe();
    expect(bus.listenerCount('interview:1')).toBe(0);
  });
});
