import { describe, expect, it } from 'vitest';
import { interviewSpeech, SPEECH_TARGETS, speechSeries } from './speech-progress.ts';
import { entry, spoken } from './test-support/history-builders.ts';

// 12 words of 0.5 s with a 3 s pause after the fifth: 6 s of talk in a 9 s answer, so 120 words per
// minute, one long pause, 3 s of thinking time, no fillers, no repeats.
const CALM = spoken('We shipped the billing system | in three weeks and it worked well', { wordSeconds: 0.5 });
// 11 words of 0.25 s back to back: 2.75 s, 240 words per minute; "Um" and "uh" are fillers and
// "the the" is a repeat.
const HURRIED = spoken('Um we fixed the the flaky tests uh and then released', { wordSeconds: 0.25 });

describe('interviewSpeech', () => {
  it('measures one spoken answer as the report does', () => {
    const result = interviewSpeech(entry({ id: 'a', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ voice: CALM, score: { structure: 3 } }] }));
    expect(result).toMatchObject({ interviewId: 'a', answers: 1, words: 12, judged: true });
    expect(result!.values.pace).toBeCloseTo(120, 6);
    expect(result!.values.fillers).toBe(0);
    expect(result!.values.pauses).toBe(1);
    expect(result!.values.thinking).toBeCloseTo((3 / 9) * 100, 6);
    expect(result!.values.repeats).toBe(0);
  });

  it('pools the answers of an interview by what each metric measures, not by averaging their rates', () => {
    const result = interviewSpeech(entry({ id: 'a', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ voice: CALM }, { voice: HURRIED }] }));
    expect(result).toMatchObject({ answers: 2, words: 23 });
    // 23 words over 6 + 2.75 s of talk, not the mean of 120 and 240.
    expect(result!.values.pace).toBeCloseTo((23 / 8.75) * 60, 6);
    expect(result!.values.fillers).toBeCloseTo((2 / 23) * 100, 6);
    expect(result!.values.pauses).toBe(0.5);
    expect(result!.values.thinking).toBeCloseTo((3 / 11.75) * 100, 6);
    expect(result!.values.repeats).toBe(0.5);
  });

  it('leaves out typed and skipped answers, and gives nothing for an interview without voice or not finished', () => {
    const mixed = interviewSpeech(entry({ id: 'a', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ voice: CALM }, { answer: 'typed' }, { status: 'skipped', voice: HURRIED }] }));
    expect(mixed).toMatchObject({ answers: 1, words: 12 });
    expect(interviewSpeech(entry({ id: 'b', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ answer: 'typed' }] }))).toBeNull();
    expect(interviewSpeech(entry({ id: 'c', startedAt: '2026-01-01T10:00:00.000Z', status: 'in-progress', turns: [{ voice: CALM }] }))).toBeNull();
    expect(interviewSpeech(entry({ id: 'd', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ voice: { ...CALM, words: [] } }] }))).toBeNull();
  });

  it('marks too few words as not judged, and leaves fillers out for a language without a list', () => {
    const short = interviewSpeech(entry({ id: 'a', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ voice: spoken('Yes I did') }] }));
    expect(short).toMatchObject({ words: 3, judged: false });
    const portuguese = interviewSpeech(entry({ id: 'b', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ voice: spoken('Eu liderei a migração do sistema de cobrança para o Postgres', { language: 'pt' }) }] }));
    expect(portuguese!.values.fillers).toBeUndefined();
    expect(portuguese!.values.pace).toBeCloseTo(150, 6);
  });
});

describe('speechSeries', () => {
  it('is empty without spoken answers', () => {
    expect(speechSeries([])).toEqual([]);
    expect(speechSeries([entry({ id: 'a', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ answer: 'typed', score: { structure: 3 } }] })])).toEqual([]);
  });

  it('has a series per metric with the target the report uses, points only for interviews with voice', () => {
    const series = speechSeries([
      entry({ id: 'b', startedAt: '2026-01-02T10:00:00.000Z', turns: [{ voice: HURRIED }] }),
      entry({ id: 'typed', startedAt: '2026-01-03T10:00:00.000Z', turns: [{ answer: 'typed' }] }),
      entry({ id: 'a', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ voice: CALM }] }),
    ]);
    expect(series.map((item) => item.key)).toEqual(['pace', 'fillers', 'pauses', 'thinking', 'repeats']);
    const pace = series[0]!;
    expect(pace.target).toEqual(SPEECH_TARGETS.pace);
    expect(pace.target).toMatchObject({ min: 120, max: 160 });
    expect(pace.points.map((point) => [point.interviewId, Math.round(point.value)])).toEqual([
      ['a', 120],
      ['b', 240],
    ]);
    expect(SPEECH_TARGETS.fillers).toMatchObject({ min: 0, max: 3 });
    expect(SPEECH_TARGETS.thinking).toMatchObject({ min: 0, max: 20 });
    expect(SPEECH_TARGETS.pauses).toMatchObject({ min: 0, max: 2 });
  });
});
