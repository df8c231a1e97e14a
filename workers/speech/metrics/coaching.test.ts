import { describe, expect, it } from 'vitest';
import { assessFillers, assessPace, assessPauses, assessRepeats, assessThinkingTime } from './coaching.ts';
import type { FillerReport } from './filler-words.ts';
import type { Pause } from './pauses.ts';
import type { RepeatedWord } from './repeated-words.ts';
import { FILLER_TARGET, MIN_WORDS_TO_JUDGE, PACE_TARGET, THINKING_TARGET } from './targets.ts';
import type { TalkTime } from './talk-time.ts';
import type { AnswerSpan } from './types.ts';

const pace = (talkTimeWpm: number, wordCount = 100, wholeAnswerWpm = talkTimeWpm) => assessPace({ wordCount, talkTimeWpm, wholeAnswerWpm });

const fillerReport = (count: number, wordCount: number, byLabel: FillerReport['byLabel'] = []): FillerReport => ({
  listLanguage: 'en',
  occurrences: [],
  count,
  per100Words: (count / wordCount) * 100,
  byLabel,
});

const span = (durationSeconds: number): AnswerSpan => ({ startSeconds: 0, endSeconds: durationSeconds, durationSeconds });

const pause = (durationSeconds: number): Pause => ({ afterWordIndex: 0, startSeconds: 1, endSeconds: 1 + durationSeconds, durationSeconds });

const repeat = (word: string, times = 2): RepeatedWord => ({ word, wordIndex: 0, times, startSeconds: 0, endSeconds: 1 });

const talk = (talkSeconds: number, thinkingSeconds: number, leadingSilenceSeconds: number): TalkTime => ({
  talkSeconds,
  thinkingSeconds,
  thinkingShare: thinkingSeconds / (talkSeconds + thinkingSeconds),
  leadingSilenceSeconds,
  trailingSilenceSeconds: 0,
  segments: [],
});

describe('too little to judge', () => {
  it(`gives no status under ${MIN_WORDS_TO_JUDGE} words, keeping the value and saying why`, () => {
    expect(MIN_WORDS_TO_JUDGE).toBe(10);
    const short = pace(300, 9);
    expect(short.status).toBeNull();
    expect(short.value).toBe(300);
    expect(short.explanation).toBe(
      'Speaking rate counts the words you say per minute while you are talking, leaving out the silences. ' +
        'You spoke at 300 words per minute (300 over the whole answer, silences included); a comfortable conversational pace is 120–160 words per minute. ' +
        'With only 9 words this answer is too short to judge; the number is shown as measured.',
    );
    expect(pace(300, 10).status).toBe('high');
  });

  it('says so for every metric, in the singular for one word and differently for none', () => {
    const oneWord = [pace(60, 1), assessFillers(fillerReport(1, 1), 1, 'en'), assessPauses([], span(5), 1), assessThinkingTime(talk(1, 4, 4), span(5), 1), assessRepeats([], 1)];
    for (const assessment of oneWord) {
      expect(assessment.status).toBeNull();
      expect(assessment.explanation).toMatch(/ With only 1 word this answer is too short to judge; the number is shown as measured\.$/);
    }
    const none = assessPace({ wordCount: 0, talkTimeWpm: 0, wholeAnswerWpm: 0 });
    expect(none.status).toBeNull();
    expect(none.explanation).toMatch(/ No words were transcribed, so there is nothing to judge yet\.$/);
  });
});

describe('assessPace', () => {
  it('rates 120–160 words per minute of talk time as ok, ends included', () => {
    for (const wpm of [120, 140, 160, 160.00000000000003, 119.99999999999997]) expect(pace(wpm).status).toBe('ok');
    expect(pace(160.5).status).toBe('high');
    expect(pace(119.5).status).toBe('low');
    expect(pace(140).target).toEqual(PACE_TARGET);
  });

  it('explains each status with the rounded numbers and its own advice', () => {
    expect(pace(140.4, 100, 98.6).explanation).toBe(
      'Speaking rate counts the words you say per minute while you are talking, leaving out the silences. ' +
        'You spoke at 140 words per minute (99 over the whole answer, silences included); a comfortable conversational pace is 120–160 words per minute. ' +
        'That is easy to follow. Keep it, and slow down a little for the points you most want remembered.',
    );
    expect(pace(190).explanation).toMatch(
      /You spoke at 190 words per minute.* At a fast pace the interviewer has less time to take in each point or to note it down\. Try a breath at the end of each sentence, and slow down for numbers, names and your main result\.$/,
    );
    expect(pace(95).explanation).toMatch(
      /You spoke at 95 words per minute.* A slow pace makes an answer feel long and the thread harder to hold\. Try rehearsing the outline of the answer aloud so the next point is ready, and say each sentence in one go\.$/,
    );
  });
});

describe('assessFillers', () => {
  it('rates up to 3 per 100 words as ok and explains it', () => {
    const ok = assessFillers(fillerReport(3, 100, [{ label: 'um', count: 3 }]), 100, 'en');
    expect(ok).toEqual({
      value: 3,
      target: FILLER_TARGET,
      status: 'ok',
      explanation:
        'Filler words are sounds and phrases such as "um" or "you know" that fill a gap while you think. ' +
        'You used 3 fillers in 100 words: 3.0 per 100 words (most often "um" ×3). Under about 3 per 100 words they go unnoticed. ' +
        'Yours are at that level, so they will not distract.',
    });
  });

  it('rates more as high, naming only the three most frequent', () => {
    const byLabel = [
      { label: 'um', count: 4 },
      { label: 'like', count: 3 },
      { label: 'you know', count: 2 },
      { label: 'so', count: 1 },
    ];
    const high = assessFillers(fillerReport(10, 80, byLabel), 80, 'en');
    expect(high.status).toBe('high');
    expect(high.value).toBe(12.5);
    expect(high.explanation).toBe(
      'Filler words are sounds and phrases such as "um" or "you know" that fill a gap while you think. ' +
        'You used 10 fillers in 80 words: 12.5 per 100 words (most often "um" ×4, "like" ×3, "you know" ×2). Under about 3 per 100 words they go unnoticed. ' +
        'More than that draws attention away from what you are saying. Try a short silent pause instead: it gives you the same time to think and sounds deliberate.',
    );
  });

  it('writes one filler in the singular and leaves out "most often" when there are none', () => {
    expect(assessFillers(fillerReport(1, 50, [{ label: 'uh', count: 1 }]), 50, 'en').explanation).toContain('You used 1 filler in 50 words: 2.0 per 100 words (most often "uh" ×1).');
    expect(assessFillers(fillerReport(0, 50), 50, 'en').explanation).toContain('You used 0 fillers in 50 words: 0.0 per 100 words. Under');
  });

  it('gives no status for a language without a list, naming the language', () => {
    const report: FillerReport = { listLanguage: null, occurrences: [], count: 0, per100Words: 0, byLabel: [] };
    expect(assessFillers(report, 200, 'pt-BR')).toEqual({
      value: 0,
      target: FILLER_TARGET,
      status: null,
      explanation: "Filler words are not counted for this answer's language (pt-BR) yet, because there is no filler list for it.",
    });
  });
});

describe('assessPauses', () => {
  it('allows two long pauses, or one per full minute of a longer answer', () => {
    expect(assessPauses([pause(3), pause(3)], span(90), 100)).toMatchObject({ value: 2, status: 'ok', target: { min: 0, max: 2, unit: 'pauses over 2 s' } });
    expect(assessPauses([pause(3), pause(3), pause(3)], span(179.9), 100)).toMatchObject({ status: 'high', target: { max: 2 } });
    expect(assessPauses([pause(3), pause(3), pause(3)], span(180), 100)).toMatchObject({ status: 'ok', target: { max: 3 } });
  });

  it('explains each status, naming the longest pause', () => {
    expect(assessPauses([pause(2.5)], span(40), 60).explanation).toBe(
      'Long pauses are silences of more than 2 seconds between words, once you have started. ' +
        'You had 1 long pause (the longest 2.5 s); in an answer of this length up to 2 is usual. ' +
        'Short pauses between points help the listener; keep using them.',
    );
    expect(assessPauses([], span(40), 60).explanation).toContain('You had 0 long pauses; in an answer of this length up to 2 is usual.');
    expect(assessPauses([pause(2.2), pause(4.25), pause(3)], span(40), 60).explanation).toBe(
      'Long pauses are silences of more than 2 seconds between words, once you have started. ' +
        'You had 3 long pauses (the longest 4.3 s); in an answer of this length up to 2 is usual. ' +
        'Each long silence mid-answer is a moment where the listener can lose the thread. If you need time, try saying where you are going first ("there were two reasons…") and then pausing, or take your thinking time before you start.',
    );
  });
});

describe('assessThinkingTime', () => {
  it('judges the silent share of the answer as a percentage, up to 20% ok', () => {
    expect(assessThinkingTime(talk(40, 10, 4), span(50), 100)).toMatchObject({ value: 20, status: 'ok', target: THINKING_TARGET });
    expect(assessThinkingTime(talk(39, 11, 4), span(50), 100)).toMatchObject({ value: 22, status: 'high' });
  });

  it('explains each status with the seconds and the share', () => {
    expect(assessThinkingTime(talk(45, 5, 2), span(50), 100).explanation).toBe(
      'Thinking time is the part of the answer spent silent: before your first word, in the gaps between phrases, and after your last word. ' +
        'It was 5.0 s of 50.0 s (10%), 2.0 s of it before you started; you talked for 45.0 s. For a prepared answer, aim for under about 20%. ' +
        'You got to your points promptly.',
    );
    expect(assessThinkingTime(talk(30, 20, 12.5), span(50), 100).explanation).toBe(
      'Thinking time is the part of the answer spent silent: before your first word, in the gaps between phrases, and after your last word. ' +
        'It was 20.0 s of 50.0 s (40%), 12.5 s of it before you started; you talked for 30.0 s. For a prepared answer, aim for under about 20%. ' +
        'Practise the opening sentence of your usual answers so you can start sooner, and use a short framing line ("Let me walk you through the project") while you gather your thoughts. ' +
        'For a question you did not expect, a longer silence before starting is normal.',
    );
  });
});

describe('assessRepeats', () => {
  it('allows two repeats, or one per full 100 words of a longer answer', () => {
    expect(assessRepeats([repeat('the'), repeat('i')], 150)).toMatchObject({ value: 2, status: 'ok', target: { min: 0, max: 2, unit: 'repeated words' } });
    expect(assessRepeats([repeat('the'), repeat('i'), repeat('we')], 299)).toMatchObject({ status: 'high', target: { max: 2 } });
    expect(assessRepeats([repeat('the'), repeat('i'), repeat('we')], 300)).toMatchObject({ status: 'ok', target: { max: 3 } });
  });

  it('explains each status with up to three examples, each said as many times as it was', () => {
    expect(assessRepeats([repeat('the')], 50).explanation).toBe(
      'Repeated words are a word said twice or more in a row, as in "the the", usually where a sentence restarts. ' +
        'You repeated 1 word ("the the"); in an answer of this length up to 2 is usual in speech. That is normal in natural speech and rarely noticed.',
    );
    expect(assessRepeats([], 50).explanation).toContain('You repeated 0 words; in an answer');
    expect(assessRepeats([repeat('i', 3), repeat('the'), repeat('we'), repeat('so')], 50).explanation).toBe(
      'Repeated words are a word said twice or more in a row, as in "the the", usually where a sentence restarts. ' +
        'You repeated 4 words ("i i i", "the the", "we we"); in an answer of this length up to 2 is usual in speech. ' +
        'Restarts make the listener wait for the sentence you meant. Try a brief pause instead of restarting, then say the sentence once.',
    );
  });
});
