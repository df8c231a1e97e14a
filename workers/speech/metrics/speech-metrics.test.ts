// The whole pipeline on three written answers whose numbers can be checked by hand from their
// timestamps (each fixture's comment works them out), plus the edges: a language without a filler
// list, an answer too short to judge, no words at all.
import { describe, expect, it } from 'vitest';
import { FAST_FILLER_HEAVY_EN } from './fixtures/fast-filler-heavy-en.ts';
import { SLOW_LONG_PAUSES_EN } from './fixtures/slow-long-pauses-en.ts';
import { SPANISH_FILLERS_ES } from './fixtures/spanish-fillers-es.ts';
import { FILLER_TARGET, PACE_TARGET, speechMetrics, THINKING_TARGET } from './index.ts';
import { textsOf, timedWords } from './test-support/words.ts';

/** The word indexes some filler covers. */
function fillerIndexes(fillers: readonly { wordIndex: number; wordCount: number }[]): number[] {
  return fillers.flatMap((filler) => Array.from({ length: filler.wordCount }, (_, k) => filler.wordIndex + k));
}

describe('speechMetrics: a fast, filler-heavy English answer', () => {
  const metrics = speechMetrics(FAST_FILLER_HEAVY_EN);

  it('reads 40 words, in order, with nothing to repair', () => {
    expect(metrics.words).toHaveLength(40);
    expect(textsOf(metrics.words).slice(0, 5)).toEqual(['so', 'um', 'i', 'like', 'go']);
    expect(metrics.notes).toEqual([]);
    expect(metrics.span).toEqual({ startSeconds: 0, endSeconds: 13, durationSeconds: 13 });
  });

  it('finds the 12 fillers, at their words and times', () => {
    const { fillers } = metrics;
    expect(fillers.listLanguage).toBe('en');
    expect(fillers.count).toBe(12);
    expect(fillers.occurrences).toEqual([
      { label: 'so', wordIndex: 0, wordCount: 1, startSeconds: 1.0, endSeconds: 1.3 },
      { label: 'um', wordIndex: 1, wordCount: 1, startSeconds: 1.3, endSeconds: 1.6 },
      { label: 'uh', wordIndex: 5, wordCount: 1, startSeconds: 2.5, endSeconds: 2.8 },
      { label: 'like', wordIndex: 8, wordCount: 1, startSeconds: 3.4, endSeconds: 3.7 },
      { label: 'you know', wordIndex: 10, wordCount: 2, startSeconds: 4.0, endSeconds: 4.6 },
      { label: 'like', wordIndex: 14, wordCount: 1, startSeconds: 5.2, endSeconds: 5.5 },
      { label: 'um', wordIndex: 19, wordCount: 1, startSeconds: 6.7, endSeconds: 7.0 },
      { label: 'uh', wordIndex: 24, wordCount: 1, startSeconds: 8.2, endSeconds: 8.5 },
      { label: 'so', wordIndex: 33, wordCount: 1, startSeconds: 10.9, endSeconds: 11.2 },
      { label: 'you know', wordIndex: 34, wordCount: 2, startSeconds: 11.2, endSeconds: 11.8 },
      { label: 'um', wordIndex: 36, wordCount: 1, startSeconds: 11.8, endSeconds: 12.1 },
      { label: 'basically', wordIndex: 37, wordCount: 1, startSeconds: 12.1, endSeconds: 12.4 },
    ]);
  });

  it('leaves "I like Go", "do you know why?" and "so that" alone', () => {
    const covered = fillerIndexes(metrics.fillers.occurrences);
    expect(textsOf(metrics.words.slice(2, 4))).toEqual(['i', 'like']);
    expect(textsOf(metrics.words.slice(20, 23))).toEqual(['do', 'you', 'know']);
    expect(textsOf(metrics.words.slice(28, 30))).toEqual(['so', 'that']);
    for (const index of [3, 21, 22, 28]) expect(covered).not.toContain(index);
  });

  it('tallies the fillers by label, most frequent first and ties in the order first said', () => {
    expect(metrics.fillers.byLabel).toEqual([
      { label: 'um', count: 3 },
      { label: 'so', count: 2 },
      { label: 'uh', count: 2 },
      { label: 'like', count: 2 },
      { label: 'you know', count: 2 },
      { label: 'basically', count: 1 },
    ]);
  });

  it('rates 30 fillers per 100 words as high, and says so with the numbers', () => {
    const { per100Words, assessment } = metrics.fillers;
    expect(per100Words).toBeCloseTo(30, 10);
    expect(assessment.value).toBeCloseTo(30, 10);
    expect(assessment.target).toEqual(FILLER_TARGET);
    expect(assessment.status).toBe('high');
    expect(assessment.explanation).toContain(
      'You used 12 fillers in 40 words: 30.0 per 100 words (most often "um" ×3, "so" ×2, "uh" ×2). Under about 3 per 100 words they go unnoticed.',
    );
    expect(assessment.explanation).toContain('Try a short silent pause instead');
  });

  it('measures 200 words per minute over 12 s of talk (185 over the whole answer) as a high pace', () => {
    const { pace } = metrics;
    expect(pace.wordCount).toBe(40);
    expect(pace.talkTimeWpm).toBeCloseTo(200, 9);
    expect(pace.wholeAnswerWpm).toBeCloseTo((40 / 13) * 60, 9);
    expect(pace.assessment.target).toEqual(PACE_TARGET);
    expect(pace.assessment.value).toBeCloseTo(200, 9);
    expect(pace.assessment.status).toBe('high');
    expect(pace.assessment.explanation).toContain(
      'You spoke at 200 words per minute (185 over the whole answer, silences included); a comfortable conversational pace is 120–160 words per minute.',
    );
    expect(pace.assessment.explanation).toContain('Try a breath at the end of each sentence');
  });

  it('charts the pace in two 10 s windows, the last moved back to end with the answer', () => {
    // Word i's middle is at 1.15 + 0.3·i s: words 0–29 fall in 0–10 s, words 7–39 in 3–13 s.
    expect(metrics.pace.overTime.map(({ startSeconds, endSeconds, atSeconds, wordCount }) => ({ startSeconds, endSeconds, atSeconds, wordCount }))).toEqual([
      { startSeconds: 0, endSeconds: 10, atSeconds: 5, wordCount: 30 },
      { startSeconds: 3, endSeconds: 13, atSeconds: 8, wordCount: 33 },
    ]);
    expect(metrics.pace.overTime[0]!.wpm).toBeCloseTo(180, 9);
    expect(metrics.pace.overTime[1]!.wpm).toBeCloseTo(198, 9);
  });

  it('has one stretch of speech, 1 s of thinking before it, no long pauses and no repeats', () => {
    const { talkTime, pauses, repeats } = metrics;
    expect(talkTime.segments).toEqual([{ startSeconds: 1, endSeconds: 13 }]);
    expect(talkTime.talkSeconds).toBeCloseTo(12, 9);
    expect(talkTime.thinkingSeconds).toBeCloseTo(1, 9);
    expect(talkTime.thinkingShare).toBeCloseTo(1 / 13, 9);
    expect(talkTime.leadingSilenceSeconds).toBeCloseTo(1, 9);
    expect(talkTime.trailingSilenceSeconds).toBe(0);
    expect(talkTime.assessment.status).toBe('ok');
    expect(pauses).toMatchObject({ longerThanSeconds: 2, count: 0, pauses: [] });
    expect(pauses.assessment.status).toBe('ok');
    expect(repeats).toMatchObject({ count: 0, repeats: [] });
    expect(repeats.assessment.status).toBe('ok');
  });
});

describe('speechMetrics: a slow English answer with long pauses', () => {
  const metrics = speechMetrics(SLOW_LONG_PAUSES_EN);

  it('keeps the language tag as given and spans the given 31.2 s', () => {
    expect(metrics.language).toBe('en-GB');
    expect(metrics.words).toHaveLength(26);
    expect(metrics.span).toEqual({ startSeconds: 0, endSeconds: 31.2, durationSeconds: 31.2 });
    expect(metrics.notes).toEqual([]);
  });

  it('finds the three pauses over 2 s, but not the one of exactly 2 s', () => {
    const { pauses } = metrics;
    expect(pauses.longerThanSeconds).toBe(2);
    expect(pauses.count).toBe(3);
    expect(pauses.pauses.map((pause) => pause.afterWordIndex)).toEqual([8, 20, 23]);
    expect(textsOf(pauses.pauses.map((pause) => metrics.words[pause.afterWordIndex]!))).toEqual(['migration', 'plan', 'worked']);
    const expected = [
      { startSeconds: 10.4, endSeconds: 13.4, durationSeconds: 3.0 },
      { startSeconds: 22.6, endSeconds: 25.0, durationSeconds: 2.4 },
      { startSeconds: 26.8, endSeconds: 29.0, durationSeconds: 2.2 },
    ];
    pauses.pauses.forEach((pause, i) => {
      expect(pause.startSeconds).toBeCloseTo(expected[i]!.startSeconds, 9);
      expect(pause.endSeconds).toBeCloseTo(expected[i]!.endSeconds, 9);
      expect(pause.durationSeconds).toBeCloseTo(expected[i]!.durationSeconds, 9);
    });
  });

  it('rates three long pauses in a 31 s answer as high (up to 2 is usual)', () => {
    const { assessment } = metrics.pauses;
    expect(assessment.value).toBe(3);
    expect(assessment.target).toEqual({ min: 0, max: 2, unit: 'pauses over 2 s' });
    expect(assessment.status).toBe('high');
    expect(assessment.explanation).toContain('You had 3 long pauses (the longest 3.0 s); in an answer of this length up to 2 is usual.');
  });

  it('splits the 31.2 s into 15.6 s of talk and 15.6 s of thinking, 5 s of it before the first word', () => {
    const { talkTime } = metrics;
    const segments = [
      [5.0, 10.4],
      [13.4, 17.6],
      [19.6, 22.6],
      [25.0, 26.8],
      [29.0, 30.2],
    ];
    expect(talkTime.segments).toHaveLength(5);
    talkTime.segments.forEach((segment, i) => {
      expect(segment.startSeconds).toBeCloseTo(segments[i]![0]!, 9);
      expect(segment.endSeconds).toBeCloseTo(segments[i]![1]!, 9);
    });
    expect(talkTime.talkSeconds).toBeCloseTo(15.6, 9);
    expect(talkTime.thinkingSeconds).toBeCloseTo(15.6, 9);
    expect(talkTime.thinkingShare).toBeCloseTo(0.5, 9);
    expect(talkTime.leadingSilenceSeconds).toBeCloseTo(5, 9);
    expect(talkTime.trailingSilenceSeconds).toBeCloseTo(1, 9);
    expect(talkTime.assessment.target).toEqual(THINKING_TARGET);
    expect(talkTime.assessment.value).toBeCloseTo(50, 9);
    expect(talkTime.assessment.status).toBe('high');
    expect(talkTime.assessment.explanation).toContain('It was 15.6 s of 31.2 s (50%), 5.0 s of it before you started; you talked for 15.6 s.');
    expect(talkTime.assessment.explanation).toContain('Practise the opening sentence');
  });

  it('measures 100 words per minute over talk time (50 over the whole answer) as a low pace', () => {
    const { pace } = metrics;
    expect(pace.talkTimeWpm).toBeCloseTo(100, 9);
    expect(pace.wholeAnswerWpm).toBeCloseTo(50, 9);
    expect(pace.assessment.status).toBe('low');
    expect(pace.assessment.explanation).toContain('You spoke at 100 words per minute (50 over the whole answer, silences included)');
    expect(pace.assessment.explanation).toContain('A slow pace makes an answer feel long');
  });

  it('shows the pauses as dips in the pace over time', () => {
    // 10 s windows every 5 s, the last moved back to 21.2–31.2 s.
    const points = metrics.pace.overTime;
    expect(points.map((point) => point.startSeconds)).toEqual([0, 5, 10, 15, 20, expect.closeTo(21.2, 9)]);
    expect(points.map((point) => point.wordCount)).toEqual([8, 12, 9, 9, 9, 7]);
    points.forEach((point, i) => expect(point.wpm).toBeCloseTo([48, 72, 54, 54, 54, 42][i]!, 9));
  });

  it('counts "I I" as a repeat but not "had had"', () => {
    const { repeats } = metrics;
    expect(repeats.count).toBe(1);
    expect(repeats.repeats).toEqual([{ word: 'i', wordIndex: 0, times: 2, startSeconds: 5.0, endSeconds: 6.2 }]);
    expect(textsOf(metrics.words.slice(10, 12))).toEqual(['had', 'had']);
    expect(repeats.assessment.status).toBe('ok');
    expect(repeats.assessment.explanation).toContain('You repeated 1 word ("i i"); in an answer of this length up to 2 is usual in speech.');
  });

  it('finds no fillers, which is on target', () => {
    expect(metrics.fillers).toMatchObject({ listLanguage: 'en', count: 0, occurrences: [], per100Words: 0, byLabel: [] });
    expect(metrics.fillers.assessment.status).toBe('ok');
    expect(metrics.fillers.assessment.explanation).toBe(
      'Filler words are sounds and phrases such as "um" or "you know" that fill a gap while you think. You used 0 fillers in 26 words: 0.0 per 100 words. ' +
        'Under about 3 per 100 words they go unnoticed. Yours are at that level, so they will not distract.',
    );
  });
});

describe('speechMetrics: a Spanish answer with Whisper-style tokens', () => {
  const metrics = speechMetrics(SPANISH_FILLERS_ES);

  it('splits " o sea," into two words sharing its 0.8 s, and says so', () => {
    expect(metrics.words).toHaveLength(24);
    expect(metrics.notes).toEqual([{ kind: 'split-tokens', count: 1, message: "Split 1 transcript token holding more than one word, sharing each token's time evenly." }]);
    const [o, sea, lo] = metrics.words.slice(13, 16);
    expect(o).toMatchObject({ text: 'o', raw: 'o', trailing: '', sourceIndex: 13, start: 5.6 });
    expect(o!.end).toBeCloseTo(6.0, 9);
    expect(sea).toMatchObject({ text: 'sea', raw: 'sea,', trailing: ',', sourceIndex: 13 });
    expect(sea!.start).toBeCloseTo(6.0, 9);
    expect(sea!.end).toBeCloseTo(6.4, 9);
    expect(lo).toMatchObject({ text: 'lo', sourceIndex: 14, start: 6.4, end: 6.8 });
    expect(metrics.words[18]).toMatchObject({ text: 'sabes', raw: '¿sabes?', leading: '¿', trailing: '?' });
  });

  it('uses the Spanish list for es-MX and finds the 6 fillers', () => {
    const { fillers } = metrics;
    expect(fillers.listLanguage).toBe('es');
    expect(fillers.count).toBe(6);
    expect(fillers.occurrences.map(({ label, wordIndex, wordCount }) => ({ label, wordIndex, wordCount }))).toEqual([
      { label: 'bueno', wordIndex: 0, wordCount: 1 },
      { label: 'eh', wordIndex: 1, wordCount: 1 },
      { label: 'este', wordIndex: 7, wordCount: 1 },
      { label: 'pues', wordIndex: 12, wordCount: 1 },
      { label: 'o sea', wordIndex: 13, wordCount: 2 },
      { label: '¿sabes?', wordIndex: 18, wordCount: 1 },
    ]);
    const times = [
      [0.4, 0.8],
      [0.8, 1.2],
      [3.2, 3.6],
      [5.2, 5.6],
      [5.6, 6.4],
      [7.6, 8.0],
    ];
    fillers.occurrences.forEach((filler, i) => {
      expect(filler.startSeconds).toBeCloseTo(times[i]![0]!, 9);
      expect(filler.endSeconds).toBeCloseTo(times[i]![1]!, 9);
    });
    expect(fillers.byLabel).toEqual(['bueno', 'eh', 'este', 'pues', 'o sea', '¿sabes?'].map((label) => ({ label, count: 1 })));
  });

  it('leaves the demonstrative "este proyecto" and the adjective "fue bueno." alone', () => {
    const covered = fillerIndexes(metrics.fillers.occurrences);
    expect(textsOf(metrics.words.slice(3, 5))).toEqual(['este', 'proyecto']);
    expect(metrics.words[23]).toMatchObject({ text: 'bueno', trailing: '.' });
    expect(covered).not.toContain(3);
    expect(covered).not.toContain(23);
  });

  it('rates 25 fillers per 100 words as high', () => {
    expect(metrics.fillers.per100Words).toBeCloseTo(25, 10);
    expect(metrics.fillers.assessment.status).toBe('high');
    expect(metrics.fillers.assessment.explanation).toContain('You used 6 fillers in 24 words: 25.0 per 100 words (most often "bueno" ×1, "eh" ×1, "este" ×1).');
  });

  it('measures 150 words per minute over 9.6 s of talk, a conversational pace', () => {
    expect(metrics.talkTime.talkSeconds).toBeCloseTo(9.6, 9);
    expect(metrics.pace.talkTimeWpm).toBeCloseTo(150, 9);
    expect(metrics.pace.wholeAnswerWpm).toBeCloseTo(144, 9);
    expect(metrics.pace.assessment.status).toBe('ok');
    expect(metrics.pace.assessment.explanation).toContain('You spoke at 150 words per minute (144 over the whole answer, silences included)');
    expect(metrics.repeats.count).toBe(0);
    expect(metrics.pauses.count).toBe(0);
  });
});

describe('speechMetrics: edges', () => {
  it('counts no fillers in a language without a list, says why, and still judges the rest', () => {
    // Italian "so" is "I know": English rules would count it.
    const metrics = speechMetrics({ language: 'it', words: timedWords('So che funziona, so che è vero, e lo so bene.', { wordSeconds: 0.4 }) });
    expect(metrics.words).toHaveLength(11);
    expect(metrics.fillers).toMatchObject({ listLanguage: null, count: 0, occurrences: [], per100Words: 0, byLabel: [] });
    expect(metrics.fillers.assessment).toEqual({
      value: 0,
      target: FILLER_TARGET,
      status: null,
      explanation: "Filler words are not counted for this answer's language (it) yet, because there is no filler list for it.",
    });
    expect(metrics.notes).toEqual([{ kind: 'no-filler-list', message: 'There is no filler-word list for "it", so filler words were not counted.' }]);
    expect(metrics.pace.talkTimeWpm).toBeCloseTo(150, 9);
    expect(metrics.pace.assessment.status).toBe('ok');
  });

  it('judges nothing in an answer under 10 words, but still reports its numbers', () => {
    const metrics = speechMetrics({ language: 'en', words: timedWords('Um, I I built it.', { wordSeconds: 0.5 }) });
    expect(metrics.words).toHaveLength(5);
    expect(metrics.fillers.count).toBe(1);
    expect(metrics.repeats.count).toBe(1);
    expect(metrics.pace.talkTimeWpm).toBeCloseTo(120, 9);
    for (const assessment of [metrics.pace.assessment, metrics.fillers.assessment, metrics.pauses.assessment, metrics.talkTime.assessment, metrics.repeats.assessment]) {
      expect(assessment.status).toBeNull();
      expect(assessment.explanation).toMatch(/With only 5 words this answer is too short to judge; the number is shown as measured\.$/);
    }
  });

  it('gives zeros, no NaN, and no judgement for an answer with no words', () => {
    const metrics = speechMetrics({ language: 'en', words: [] });
    expect(metrics.span).toEqual({ startSeconds: 0, endSeconds: 0, durationSeconds: 0 });
    expect(metrics.pace).toMatchObject({ wordCount: 0, talkTimeWpm: 0, wholeAnswerWpm: 0, overTime: [] });
    expect(metrics.fillers).toMatchObject({ count: 0, per100Words: 0 });
    expect(metrics.talkTime).toMatchObject({ talkSeconds: 0, thinkingSeconds: 0, thinkingShare: 0, leadingSilenceSeconds: 0, trailingSilenceSeconds: 0, segments: [] });
    expect(metrics.pace.assessment.status).toBeNull();
    expect(metrics.pace.assessment.explanation).toMatch(/No words were transcribed, so there is nothing to judge yet\.$/);
  });

  it('leaves fillers out of the repeats: "um um" is two fillers, not a repeat', () => {
    const metrics = speechMetrics({ language: 'en', words: timedWords('Um um I think the the design was right.') });
    expect(metrics.fillers.occurrences.map((filler) => filler.wordIndex)).toEqual([0, 1]);
    expect(metrics.repeats.repeats.map(({ word, wordIndex, times }) => ({ word, wordIndex, times }))).toEqual([{ word: 'the', wordIndex: 4, times: 2 }]);
  });

  it('notes words outside the answer and leaves them out of talk time', () => {
    // "Okay" at 0–0.5 s comes before the answer starts at 1 s.
    const metrics = speechMetrics({ language: 'en', answerStartSeconds: 1, answerEndSeconds: 4, words: timedWords('Okay | we shipped it', { wordSeconds: 0.5, silenceSeconds: 1 }) });
    expect(metrics.notes).toEqual([{ kind: 'outside-answer', count: 1, message: "1 of the words fall outside the answer's start and end; they count as words but not as talk time." }]);
    expect(metrics.pace.wordCount).toBe(4);
    expect(metrics.talkTime.talkSeconds).toBeCloseTo(1.5, 9);
    expect(metrics.talkTime.leadingSilenceSeconds).toBeCloseTo(0.5, 9);
    expect(metrics.talkTime.trailingSilenceSeconds).toBeCloseTo(1, 9);
  });

  it('passes the chart windows through', () => {
    const metrics = speechMetrics(FAST_FILLER_HEAVY_EN, { wpmWindows: { windowSeconds: 5, stepSeconds: 5 } });
    expect(metrics.pace.overTime.map((point) => [point.startSeconds, point.endSeconds])).toEqual([
      [0, 5],
      [5, 10],
      [8, 13],
    ]);
  });
});
