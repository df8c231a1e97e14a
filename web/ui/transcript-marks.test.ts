import { describe, expect, it } from 'vitest';
import { speechMetrics } from '../../workers/speech/metrics/index.ts';
import { markTranscript } from './transcript-marks.ts';

/** Words 0.4 s long with 0.1 s gaps, from `at`. */
function timed(text: string, at = 0) {
  return text.split(' ').map((word, index) => ({ text: ` ${word}`, start: at + index * 0.5, end: at + index * 0.5 + 0.4 }));
}

describe('markTranscript', () => {
  it('marks fillers (all words of a multi-word one), repeats after the first saying, and long pauses after a word', () => {
    const words = [...timed('Um, I I built the, you know, billing service'), ...timed('and it worked.', 7)];
    const marked = markTranscript(speechMetrics({ words, language: 'en' }));
    expect(marked.map((word) => word.text)).toEqual(['Um,', 'I', 'I', 'built', 'the,', 'you', 'know,', 'billing', 'service', 'and', 'it', 'worked.']);
    expect(marked.map((word) => word.filler)).toEqual(['um', null, null, null, null, 'you know', 'you know', null, null, null, null, null]);
    expect(marked.map((word) => word.repeated)).toEqual([false, false, true, false, false, false, false, false, false, false, false, false]);
    // "service" ends at 4.4 s, "and" starts at 7 s.
    expect(marked[8]!.pauseAfterSeconds).toBeCloseTo(2.6, 6);
    expect(marked.filter((word) => word.pauseAfterSeconds !== null)).toHaveLength(1);
  });
});
