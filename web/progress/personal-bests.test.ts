import { describe, expect, it } from 'vitest';
import { personalBests } from './personal-bests.ts';
import { entry, spoken } from './test-support/history-builders.ts';

const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T10:00:00.000Z`;
const TEN = 'one two three four five six seven eight nine ten eleven twelve';

describe('personalBests', () => {
  it('has none for an empty history, or one with only unfinished interviews', () => {
    const none = { overall: null, dimensions: [], speech: [] };
    expect(personalBests([])).toEqual(none);
    expect(personalBests([entry({ id: 'a', startedAt: day(1), status: 'in-progress', turns: [{ score: { structure: 4 } }] })])).toEqual(none);
  });

  it('takes a single interview as the best so far', () => {
    const bests = personalBests([entry({ id: 'a', startedAt: day(1), overall: 61, turns: [{ score: { structure: 3, length: 4 } }] })]);
    expect(bests.overall).toEqual({ key: 'overall', value: 61, interviewId: 'a', at: day(1), among: 1 });
    expect(bests.dimensions).toEqual([
      { key: 'structure', label: 'Structure', value: 3, interviewId: 'a', at: day(1), among: 1 },
      { key: 'length', label: 'Length', value: 4, interviewId: 'a', at: day(1), among: 1 },
    ]);
    expect(bests.speech).toEqual([]);
  });

  it('picks the highest overall and the best mean per dimension, each from its own interview', () => {
    const bests = personalBests([
      entry({ id: 'a', startedAt: day(1), overall: 55, turns: [{ score: { structure: 5, length: 1 } }, { score: { structure: 3, length: 2 } }] }),
      entry({ id: 'b', startedAt: day(2), overall: 80, turns: [{ score: { structure: 3, length: 4 } }] }),
      entry({ id: 'c', startedAt: day(3), overall: 70, turns: [{ score: { structure: 2 } }, { status: 'skipped' }] }),
    ]);
    expect(bests.overall).toMatchObject({ value: 80, interviewId: 'b', among: 3 });
    expect(bests.dimensions.find((best) => best.key === 'structure')).toMatchObject({ value: 4, interviewId: 'a', among: 3 });
    expect(bests.dimensions.find((best) => best.key === 'length')).toMatchObject({ value: 4, interviewId: 'b', among: 2 });
  });

  it('leaves the record with the first interview that reached it when a later one only equals it', () => {
    const bests = personalBests([
      entry({ id: 'a', startedAt: day(1), overall: 75, turns: [{ score: { structure: 4 } }] }),
      entry({ id: 'b', startedAt: day(2), overall: 75, turns: [{ score: { structure: 4 } }] }),
    ]);
    expect(bests.overall?.interviewId).toBe('a');
    expect(bests.dimensions[0]?.interviewId).toBe('a');
  });

  it('does not count an interview where every question was skipped', () => {
    const bests = personalBests([
      entry({ id: 'a', startedAt: day(1), overall: 20, turns: [{ score: { structure: 2 } }] }),
      entry({ id: 'b', startedAt: day(2), overall: 0, turns: [{ status: 'skipped' }], summary: { answered: 0, skipped: 1 } }),
    ]);
    expect(bests.overall).toMatchObject({ value: 20, interviewId: 'a', among: 1 });
  });

  it('takes the pace inside the target nearest its middle, and the fewest fillers, pauses, thinking time and repeats', () => {
    const bests = personalBests([
      // 12 words in 4.8 s: 150 words per minute, one 3 s pause: thinking 3 of 7.8 s.
      entry({ id: 'a', startedAt: day(1), turns: [{ voice: spoken('one two three four five six | seven eight nine ten eleven twelve') }] }),
      // 12 words in 5.04 s: about 143 words per minute, nearer 140; um is a filler.
      entry({ id: 'b', startedAt: day(2), turns: [{ voice: spoken('um two three four five six seven eight nine ten eleven twelve', { wordSeconds: 0.42 }) }] }),
      // 12 words in 2.4 s: 300 words per minute, outside the target however close others are.
      entry({ id: 'c', startedAt: day(3), turns: [{ voice: spoken(TEN, { wordSeconds: 0.2 }) }] }),
    ]);
    const best = (key: string) => bests.speech.find((item) => item.key === key);
    expect(best('pace')).toMatchObject({ interviewId: 'b', among: 3 });
    expect(best('pace')!.value).toBeCloseTo((12 / 5.04) * 60, 6);
    expect(best('fillers')).toMatchObject({ interviewId: 'a', value: 0 });
    expect(best('pauses')).toMatchObject({ interviewId: 'b', value: 0 });
    expect(best('thinking')).toMatchObject({ interviewId: 'b', value: 0 });
    expect(best('repeats')).toMatchObject({ interviewId: 'a', value: 0 });
  });

  it('has no pace record when no interview was inside the target, and ignores answers too short to judge', () => {
    const bests = personalBests([
      entry({ id: 'fast', startedAt: day(1), turns: [{ voice: spoken(TEN, { wordSeconds: 0.2 }) }] }),
      entry({ id: 'short', startedAt: day(2), turns: [{ voice: spoken('Yes I did') }] }),
    ]);
    expect(bests.speech.find((item) => item.key === 'pace')).toBeUndefined();
    expect(bests.speech.every((item) => item.interviewId === 'fast')).toBe(true);
    expect(bests.speech.find((item) => item.key === 'fillers')).toMatchObject({ among: 1 });
  });
});
