import { describe, expect, it } from 'vitest';
import { spokenWords } from './test-support/words.ts';
import type { AnswerSpan } from './types.ts';
import { wpmOverTime } from './wpm-over-time.ts';

const span = (startSeconds: number, endSeconds: number): AnswerSpan => ({ startSeconds, endSeconds, durationSeconds: endSeconds - startSeconds });

/** `count` one-second words back to back from `start`: word i's middle is at start + i + 0.5. */
const secondWords = (count: number, start = 0) => spokenWords(Array.from({ length: count }, (_, i) => `w${i}`).join(' '), { start, wordSeconds: 1 });

const windowsOf = (points: ReturnType<typeof wpmOverTime>) => points.map((point) => [point.startSeconds, point.endSeconds]);

describe('wpmOverTime', () => {
  it('slides 10 s windows by 5 s from the answer start, the last ending with the answer, none repeated', () => {
    const points = wpmOverTime(secondWords(30), span(0, 30));
    expect(windowsOf(points)).toEqual([
      [0, 10],
      [5, 15],
      [10, 20],
      [15, 25],
      [20, 30],
    ]);
    expect(points.map((point) => point.atSeconds)).toEqual([5, 10, 15, 20, 25]);
    expect(points.map((point) => point.wordCount)).toEqual([10, 10, 10, 10, 10]);
    expect(points.map((point) => point.wpm)).toEqual([60, 60, 60, 60, 60]);
  });

  it('moves a short last window back to full length, overlapping the one before even for fixed windows', () => {
    const points = wpmOverTime(secondWords(23), span(0, 23), { windowSeconds: 10, stepSeconds: 10 });
    expect(windowsOf(points)).toEqual([
      [0, 10],
      [10, 20],
      [13, 23],
    ]);
    expect(points.map((point) => point.wordCount)).toEqual([10, 10, 10]);
    expect(points.map((point) => point.atSeconds)).toEqual([5, 15, 18]);
  });

  it("places windows from the answer's start, not the recording's", () => {
    const points = wpmOverTime(secondWords(23, 2), span(2, 25), { windowSeconds: 10, stepSeconds: 10 });
    expect(windowsOf(points)).toEqual([
      [2, 12],
      [12, 22],
      [15, 25],
    ]);
  });

  it('makes an answer no longer than one window a single window over the whole answer', () => {
    // Three 2 s words in 6 s: 30 words per minute.
    const short = wpmOverTime(spokenWords('one two three', { wordSeconds: 2 }), span(0, 6));
    expect(short).toEqual([{ atSeconds: 3, wpm: 30, startSeconds: 0, endSeconds: 6, wordCount: 3 }]);
    expect(windowsOf(wpmOverTime(secondWords(10), span(0, 10)))).toEqual([[0, 10]]);
  });

  it('counts silences in the window, so a pause shows as a dip', () => {
    // Five 1 s words, 10 s of silence, five more: the middle window holds only the edges.
    const words = spokenWords('a b c d e | f g h i j', { wordSeconds: 1, silenceSeconds: 10 });
    const points = wpmOverTime(words, span(0, 20));
    expect(windowsOf(points)).toEqual([
      [0, 10],
      [5, 15],
      [10, 20],
    ]);
    expect(points.map((point) => point.wpm)).toEqual([30, 0, 30]);
  });

  it('puts a word in the window holding its middle, once, and the last window takes a word ending the answer', () => {
    // Middles at 5 (on the boundary between the windows), 6 and 10 (the answer's end).
    const boundary = spokenWords('a b', { start: 4.5, wordSeconds: 1 }).concat(spokenWords('c', { start: 9.5, wordSeconds: 1 }));
    expect(boundary.map((word) => (word.start + word.end) / 2)).toEqual([5, 6, 10]);
    const points = wpmOverTime(boundary, span(0, 10), { windowSeconds: 5, stepSeconds: 5 });
    expect(windowsOf(points)).toEqual([
      [0, 5],
      [5, 10],
    ]);
    expect(points.map((point) => point.wordCount)).toEqual([0, 3]);
  });

  it('gives no points without words or without a duration', () => {
    expect(wpmOverTime([], span(0, 30))).toEqual([]);
    expect(wpmOverTime(secondWords(3), span(5, 5))).toEqual([]);
  });

  it('steps by tenths of a second without drifting', () => {
    const points = wpmOverTime(secondWords(2), span(0, 2), { windowSeconds: 1, stepSeconds: 0.1 });
    expect(points).toHaveLength(11);
    points.forEach((point, i) => expect(point.startSeconds).toBeCloseTo(i / 10, 12));
    expect(points[10]).toMatchObject({ startSeconds: 1, endSeconds: 2 });
  });

  it('throws a RangeError for a window or step that is not a positive length', () => {
    const words = secondWords(3);
    for (const options of [{ windowSeconds: 0 }, { windowSeconds: -10 }, { windowSeconds: Number.NaN }, { stepSeconds: 0 }, { stepSeconds: -1 }]) {
      expect(() => wpmOverTime(words, span(0, 3), options)).toThrow(RangeError);
    }
    expect(() => wpmOverTime(words, span(0, 3), { windowSeconds: 0 })).toThrow('WPM windows need a positive length and step (got 0 s and 5 s).');
    // Checked before anything else, so a bad option is caught even for an empty answer.
    expect(() => wpmOverTime([], span(0, 0), { stepSeconds: 0 })).toThrow(RangeError);
  });
});
