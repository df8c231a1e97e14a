// The replay's word clock: the current word at a moment (inside words, at their edges, in short gaps
// and long pauses, where words overlap), the three clocks a word's time passes through, and which
// recording holds which words when an answer was recorded in parts.
import { describe, expect, it } from 'vitest';
import { assignWords, currentWordIndex, HOLD_SECONDS, replayWords, seekTimeOf, toAudioTime, toVoiceTime, type ReplayWord } from './word-timeline.ts';

const at = (audioStart: number, audioEnd: number) => ({ audioStart, audioEnd });

describe('currentWordIndex', () => {
  const words = [at(1, 1.4), at(1.4, 1.8), at(1.85, 2.3), at(5, 5.5)];

  it('is the word whose time contains the moment, from its start up to its end', () => {
    expect(currentWordIndex(words, 1)).toBe(0);
    expect(currentWordIndex(words, 1.2)).toBe(0);
    // Back to back: the next word takes over exactly at its start.
    expect(currentWordIndex(words, 1.4)).toBe(1);
    expect(currentWordIndex(words, 1.79)).toBe(1);
    expect(currentWordIndex(words, 5.25)).toBe(3);
  });

  it('holds the word that just ended through a short gap, and none through a pause', () => {
    // 1.8 → 1.85 is a 50 ms gap between words: "word" 1 stays current.
    expect(currentWordIndex(words, 1.82)).toBe(1);
    // 2.3 → 5 is a pause: held for HOLD_SECONDS, then nothing.
    expect(currentWordIndex(words, 2.3 + HOLD_SECONDS / 2)).toBe(2);
    expect(currentWordIndex(words, 2.3 + HOLD_SECONDS)).toBe(-1);
    expect(currentWordIndex(words, 4)).toBe(-1);
  });

  it('is none before the first word and after the last one’s hold', () => {
    expect(currentWordIndex(words, 0)).toBe(-1);
    expect(currentWordIndex(words, 0.99)).toBe(-1);
    expect(currentWordIndex(words, 5.5 + HOLD_SECONDS + 0.01)).toBe(-1);
    expect(currentWordIndex([], 1)).toBe(-1);
    expect(currentWordIndex(words, Number.NaN)).toBe(-1);
  });

  it('gives overlapping words to the one that started last, and back to the longer one when that ends', () => {
    const overlapping = [at(0, 1), at(0.8, 1.2), at(2, 4), at(2.5, 2.7)];
    expect(currentWordIndex(overlapping, 0.5)).toBe(0);
    expect(currentWordIndex(overlapping, 0.9)).toBe(1);
    expect(currentWordIndex(overlapping, 1.1)).toBe(1);
    expect(currentWordIndex(overlapping, 2.6)).toBe(3);
    // Word 3 ended but word 2 is still being said: a word inside beats a word held.
    expect(currentWordIndex(overlapping, 2.75)).toBe(2);
    // Two words with the same start: the later one in the list.
    expect(currentWordIndex([at(1, 2), at(1, 1.5)], 1.2)).toBe(1);
  });

  it('does not depend on the order of the words', () => {
    const shuffled = [words[2]!, words[0]!, words[3]!, words[1]!];
    expect(currentWordIndex(shuffled, 1.5)).toBe(3);
    expect(currentWordIndex(shuffled, 1.82)).toBe(3);
    expect(currentWordIndex(shuffled, 2)).toBe(0);
  });

  it('holds a zero-length word briefly, never a word not yet started', () => {
    expect(currentWordIndex([at(1, 1)], 1.1)).toBe(0);
    expect(currentWordIndex([at(1, 1)], 0.9)).toBe(-1);
  });
});

describe('clocks', () => {
  const placement = { voiceStartSeconds: 10, captureOffsetSeconds: 0.25, durationSeconds: 6 };

  it('moves a word from the turn’s timeline to the recording’s time and back', () => {
    // A second part recorded after 10 s of earlier answer, its recorder 0.25 s behind its capture.
    expect(toAudioTime(12, placement)).toBeCloseTo(1.75, 9);
    expect(toVoiceTime(1.75, placement)).toBeCloseTo(12, 9);
    // With no offset and a single part, the clocks are the same.
    expect(toAudioTime(3.2, { voiceStartSeconds: 0, captureOffsetSeconds: 0 })).toBe(3.2);
  });

  it('marks words said before the recorder started, or after it stopped, as not playable', () => {
    const words = [
      { text: 'early', start: 10, end: 10.2 }, // -0.25 to -0.05: before the recording
      { text: 'edge', start: 10.1, end: 10.5 }, // -0.15 to 0.25: partly inside
      { text: 'middle', start: 13, end: 13.4 },
      { text: 'late', start: 16.3, end: 16.6 }, // 6.05 on: after its end
    ];
    const replay = replayWords(words, placement);
    expect(replay.map((word) => word.playable)).toEqual([false, true, true, false]);
    expect(replay[2]).toEqual({ index: 2, text: 'middle', audioStart: 2.75, audioEnd: expect.closeTo(3.15, 9) as number, playable: true });
    expect(replayWords(words, placement, [2]).map((word) => word.index)).toEqual([2]);
  });

  it('seeks to a word’s start, kept inside the recording', () => {
    expect(seekTimeOf({ audioStart: 2.75 }, 6)).toBe(2.75);
    expect(seekTimeOf({ audioStart: -0.15 }, 6)).toBe(0);
    expect(seekTimeOf({ audioStart: 9 }, 6)).toBe(6);
    // Seeking to a word's start makes it the current word, even when the one before overlaps it.
    const words: ReplayWord[] = [
      { index: 0, text: 'a', audioStart: 0, audioEnd: 1.1, playable: true },
      { index: 1, text: 'b', audioStart: 1, audioEnd: 2, playable: true },
    ];
    expect(currentWordIndex(words, seekTimeOf(words[1]!, 6))).toBe(1);
  });
});

describe('assignWords', () => {
  const words = [0.5, 3, 9.5, 11].map((start) => ({ text: `w${start}`, start, end: start + 0.3 }));

  it('gives each word to the last recording whose capture began at or before it', () => {
    expect(assignWords(words, [{ voiceStartSeconds: 0 }, { voiceStartSeconds: 9 }])).toEqual([0, 0, 1, 1]);
    expect(assignWords(words, [{ voiceStartSeconds: 0 }])).toEqual([0, 0, 0, 0]);
  });

  it('gives words to no recording when none covers them, or there is none', () => {
    expect(assignWords(words, [{ voiceStartSeconds: 5 }])).toEqual([-1, -1, 0, 0]);
    expect(assignWords(words, [])).toEqual([-1, -1, -1, -1]);
  });

  it('gives the words to the later of two parts that start at the same place (the first was not transcribed)', () => {
    expect(assignWords(words, [{ voiceStartSeconds: 0 }, { voiceStartSeconds: 0 }])).toEqual([1, 1, 1, 1]);
  });
});
