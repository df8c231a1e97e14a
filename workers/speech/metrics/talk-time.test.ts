import { describe, expect, it } from 'vitest';
import { MERGE_GAP_SECONDS, speechSegments, talkTime } from './talk-time.ts';
import { spokenWords } from './test-support/words.ts';
import type { AnswerSpan, SpokenWord } from './types.ts';

const span = (startSeconds: number, endSeconds: number): AnswerSpan => ({ startSeconds, endSeconds, durationSeconds: endSeconds - startSeconds });

const word = (start: number, end: number): SpokenWord => ({ text: 'w', raw: 'w', start, end, leading: '', trailing: '', sourceIndex: 0 });

/** The segments of two 0.5 s words, the first ending at `firstEnd` and the second starting at `secondStart`. */
const segmentsAcross = (firstEnd: number, secondStart: number) => speechSegments([word(firstEnd - 0.5, firstEnd), word(secondStart, secondStart + 0.5)]);

describe('speechSegments', () => {
  it('joins words across a gap under 0.3 s', () => {
    expect(MERGE_GAP_SECONDS).toBe(0.3);
    expect(segmentsAcross(1, 1.29)).toEqual([{ startSeconds: 0.5, endSeconds: 1.79 }]);
    expect(segmentsAcross(1, 1)).toEqual([{ startSeconds: 0.5, endSeconds: 1.5 }]);
  });

  it('keeps words apart across a gap of exactly 0.3 s, however the subtraction rounds', () => {
    // 0.8 − 0.5 is 0.30000000000000004 and 1.4 − 1.1 is 0.2999999999999998.
    expect(0.8 - 0.5).toBeGreaterThan(0.3);
    expect(1.4 - 1.1).toBeLessThan(0.3);
    expect(segmentsAcross(0.5, 0.8)).toHaveLength(2);
    expect(segmentsAcross(1.1, 1.4).map((segment) => segment.endSeconds)).toEqual([1.1, 1.9]);
    expect(segmentsAcross(1, 1.31)).toHaveLength(2);
  });

  it('measures a gap from the latest end so far, so a word inside a longer one opens no gap', () => {
    // "b" ends at 1 s inside "a" (0–3 s); "c" starts 0.1 s after "a" ends, not 2.1 s after "b".
    expect(speechSegments([word(0, 3), word(0.5, 1), word(3.1, 4)])).toEqual([{ startSeconds: 0, endSeconds: 4 }]);
  });

  it('takes another merge gap when given', () => {
    const words = [word(0, 1), word(1.5, 2)];
    expect(speechSegments(words)).toHaveLength(2);
    expect(speechSegments(words, 0.6)).toEqual([{ startSeconds: 0, endSeconds: 2 }]);
  });
});

describe('talkTime', () => {
  it('splits the answer into talk and thinking, with the silences at either end', () => {
    // 1 s of silence, "a b" (1–3 s), 2 s of silence, "c d" (5–7 s), 1 s of silence.
    const talk = talkTime(spokenWords('a b | c d', { start: 1, wordSeconds: 1, silenceSeconds: 2 }), span(0, 8));
    expect(talk).toEqual({
      talkSeconds: 4,
      thinkingSeconds: 4,
      thinkingShare: 0.5,
      leadingSilenceSeconds: 1,
      trailingSilenceSeconds: 1,
      segments: [
        { startSeconds: 1, endSeconds: 3 },
        { startSeconds: 5, endSeconds: 7 },
      ],
    });
  });

  it('counts a gap under 0.3 s as talking, and one of 0.3 s as thinking', () => {
    const joined = talkTime([word(0, 1), word(1.25, 2.25)], span(0, 2.25));
    expect(joined).toMatchObject({ talkSeconds: 2.25, thinkingSeconds: 0, thinkingShare: 0 });
    const apart = talkTime([word(0, 1), word(1.3, 2.3)], span(0, 2.3));
    expect(apart.talkSeconds).toBeCloseTo(2, 12);
    expect(apart.thinkingSeconds).toBeCloseTo(0.3, 12);
  });

  it("leaves speech outside the answer's span out of talk time and out of the silences at its edges", () => {
    // "Okay" (0–0.5 s) before the answer starts at 1 s, "we shipped it" (1.5–3 s), "Bye" (4.5–5 s) after it ends at 4 s.
    const words = [word(0, 0.5), word(1.5, 2), word(2, 2.5), word(2.5, 3), word(4.5, 5)];
    const talk = talkTime(words, span(1, 4));
    expect(talk).toEqual({
      talkSeconds: 1.5,
      thinkingSeconds: 1.5,
      thinkingShare: 0.5,
      leadingSilenceSeconds: 0.5,
      trailingSilenceSeconds: 1,
      segments: [
        { startSeconds: 0, endSeconds: 0.5 },
        { startSeconds: 1.5, endSeconds: 3 },
        { startSeconds: 4.5, endSeconds: 5 },
      ],
    });
  });

  it('counts only the part of a stretch of speech inside the span', () => {
    const talk = talkTime([word(0.5, 2)], span(1, 3));
    expect(talk).toMatchObject({ talkSeconds: 1, thinkingSeconds: 1, leadingSilenceSeconds: 0, trailingSilenceSeconds: 1 });
  });

  it('makes an answer without words all thinking, and one without a duration no share at all', () => {
    expect(talkTime([], span(2, 6))).toEqual({ talkSeconds: 0, thinkingSeconds: 4, thinkingShare: 1, leadingSilenceSeconds: 4, trailingSilenceSeconds: 0, segments: [] });
    expect(talkTime([word(0, 1)], span(5, 7))).toMatchObject({ talkSeconds: 0, thinkingSeconds: 2, thinkingShare: 1, leadingSilenceSeconds: 2, trailingSilenceSeconds: 0 });
    expect(talkTime([], span(3, 3))).toMatchObject({ talkSeconds: 0, thinkingSeconds: 0, thinkingShare: 0 });
  });
});
