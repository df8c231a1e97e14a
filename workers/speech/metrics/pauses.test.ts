import { describe, expect, it } from 'vitest';
import { LONG_PAUSE_SECONDS, longPauses } from './pauses.ts';
import type { SpokenWord } from './types.ts';

const word = (start: number, end: number): SpokenWord => ({ text: 'w', raw: 'w', start, end, leading: '', trailing: '', sourceIndex: 0 });

describe('longPauses', () => {
  it('finds silences of more than 2 s between words, after the word they follow', () => {
    expect(LONG_PAUSE_SECONDS).toBe(2);
    expect(longPauses([word(0, 1), word(1.5, 2), word(4.5, 5), word(5, 6)])).toEqual([{ afterWordIndex: 1, startSeconds: 2, endSeconds: 4.5, durationSeconds: 2.5 }]);
  });

  it('does not count a silence of exactly 2 s, even when the subtraction comes out a little over', () => {
    // 16.6 − 14.6 is 2.0000000000000018.
    expect(16.6 - 14.6).toBeGreaterThan(2);
    expect(longPauses([word(14, 14.6), word(16.6, 17)])).toEqual([]);
    expect(longPauses([word(14, 14.6), word(16.61, 17)])).toHaveLength(1);
  });

  it('does not count the silence before the first word or after the last', () => {
    expect(longPauses([word(10, 11)])).toEqual([]);
    expect(longPauses([])).toEqual([]);
  });

  it('measures from the latest end so far, so a short word inside a long one opens no pause', () => {
    // "b" ends at 1 s inside "a" (0–3 s); "c" at 4 s is 1 s after "a", not 3 s after "b".
    expect(longPauses([word(0, 3), word(0.5, 1), word(4, 5)])).toEqual([]);
    expect(longPauses([word(0, 3), word(0.5, 1), word(5.5, 6)])).toEqual([{ afterWordIndex: 1, startSeconds: 3, endSeconds: 5.5, durationSeconds: 2.5 }]);
  });

  it('takes another threshold when given', () => {
    expect(longPauses([word(0, 1), word(2.5, 3)], 1)).toHaveLength(1);
    expect(longPauses([word(0, 1), word(2.5, 3)])).toEqual([]);
  });
});
