import { describe, expect, it } from 'vitest';
import { countersContract } from './counters.contract.ts';
import { MemoryCounters, windowLabels } from './counters.ts';

describe('MemoryCounters', () => {
  countersContract((clock) => new MemoryCounters({ clock }));
});

describe('windowLabels', () => {
  it('names the UTC minute and day', () => {
    expect(windowLabels(Date.UTC(2026, 0, 2, 3, 4, 59, 999))).toEqual({ minute: '2026-01-02T03:04', day: '2026-01-02' });
  });
});
