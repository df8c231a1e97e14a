import { describe, expect, it } from 'vitest';
import { nextPractice, RECENCY_DECAY, RECENT_INTERVIEWS } from './next-practice.ts';
import { entry } from './test-support/history-builders.ts';

const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T10:00:00.000Z`;

describe('nextPractice', () => {
  it('has nothing to suggest without a scored, completed interview', () => {
    expect(nextPractice([])).toBeNull();
    expect(nextPractice([entry({ id: 'a', startedAt: day(1), status: 'in-progress', turns: [{ score: { structure: 1 } }] })])).toBeNull();
    expect(nextPractice([entry({ id: 'b', startedAt: day(1), turns: [{ status: 'skipped' }] })])).toBeNull();
  });

  it("suggests a single interview's weakest dimension, with a setup link for the same kind of interview", () => {
    const suggestion = nextPractice([
      entry({
        id: 'a',
        startedAt: day(1),
        spec: { role: 'Data & ML engineer', seniority: 'senior', type: 'technical', language: 'es' },
        turns: [{ score: { coverage: 4, specificity: 2, length: 3 } }],
      }),
    ]);
    expect(suggestion?.dimension).toMatchObject({ key: 'specificity', weighted: 2, latest: 2, interviews: 1 });
    expect(suggestion?.standings.map((standing) => standing.key)).toEqual(['specificity', 'length', 'coverage']);
    expect(suggestion?.tie).toBeNull();
    expect(suggestion?.interviewsConsidered).toBe(1);
    expect(suggestion?.setup).toEqual({ role: 'Data & ML engineer', seniority: 'senior', type: 'technical', language: 'es' });
    const url = new URL(suggestion!.href, 'http://app.test');
    expect(url.pathname).toBe('/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({ role: 'Data & ML engineer', seniority: 'senior', type: 'technical', language: 'es', focus: 'specificity' });
  });

  it('weights recent interviews more, so an old weakness that has been fixed is no longer suggested', () => {
    const suggestion = nextPractice([
      entry({ id: 'a', startedAt: day(1), turns: [{ score: { structure: 1, length: 4 } }] }),
      entry({ id: 'b', startedAt: day(2), turns: [{ score: { structure: 4, length: 3 } }] }),
      entry({ id: 'c', startedAt: day(3), turns: [{ score: { structure: 4, length: 3 } }] }),
    ]);
    // Unweighted, structure (3.0) would be weaker than length (3.3).
    const weights = [RECENCY_DECAY ** 2, RECENCY_DECAY, 1];
    const weighted = (scores: number[]) => scores.reduce((sum, value, index) => sum + value * weights[index]!, 0) / weights.reduce((a, b) => a + b, 0);
    expect(weighted([1, 4, 4])).toBeGreaterThan(weighted([4, 3, 3]));
    expect(suggestion?.dimension.key).toBe('length');
    expect(suggestion?.dimension.weighted).toBeCloseTo(weighted([4, 3, 3]), 9);
    expect(suggestion?.standings[1]?.key).toBe('structure');
    expect(suggestion?.standings[1]?.weighted).toBeCloseTo(weighted([1, 4, 4]), 9);
    expect(suggestion?.interviewsConsidered).toBe(3);
  });

  it(`looks only at the newest ${RECENT_INTERVIEWS} scored interviews`, () => {
    const history = [entry({ id: 'old', startedAt: day(1), turns: [{ score: { structure: 1, length: 5 } }] })];
    for (let n = 2; n <= RECENT_INTERVIEWS + 1; n++) history.push(entry({ id: `n${n}`, startedAt: day(n), turns: [{ score: { structure: 4, length: 3 } }] }));
    const suggestion = nextPractice(history);
    expect(suggestion?.interviewsConsidered).toBe(RECENT_INTERVIEWS);
    expect(suggestion?.dimension).toMatchObject({ key: 'length', interviews: RECENT_INTERVIEWS });
    expect(suggestion?.dimension.weighted).toBeCloseTo(3, 9);
  });

  it('ignores skipped questions, missing scores and unfinished interviews', () => {
    const suggestion = nextPractice([
      entry({ id: 'a', startedAt: day(1), turns: [{ score: { structure: 4, length: 2 } }, { status: 'skipped', score: { structure: 1, length: 5 } }, { score: null }] }),
      entry({ id: 'b', startedAt: day(2), status: 'in-progress', turns: [{ score: { structure: 1, length: 5 } }] }),
    ]);
    expect(suggestion?.dimension).toMatchObject({ key: 'length', weighted: 2 });
    expect(suggestion?.interviewsConsidered).toBe(1);
    expect(suggestion?.setup.role).toBe('Software Engineer');
  });

  it('breaks a tie by the weight in the overall score first, and says so', () => {
    // The basic scorer weighs coverage 0.3 and length 0.15.
    const suggestion = nextPractice([entry({ id: 'a', startedAt: day(1), turns: [{ score: { length: 2, coverage: 2, structure: 4 } }] })]);
    expect(suggestion?.dimension.key).toBe('coverage');
    expect(suggestion?.tie).toMatchObject({ decidedBy: 'weight', with: [{ key: 'length' }] });
  });

  it('counts means that show the same at one decimal as tied, and then prefers the lower newest score', () => {
    // The AI rubric weighs every dimension the same, so weight cannot decide.
    const suggestion = nextPractice([
      entry({ id: 'a', startedAt: day(1), turns: [{ score: { relevance: 3, depth: 2 } }, { score: { relevance: 4, depth: 2 } }] }),
      entry({ id: 'b', startedAt: day(2), turns: [{ score: { relevance: 2, depth: 3 } }] }),
    ]);
    // relevance (2 + 0.7 × 3.5) / 1.7 = 2.62 and depth (3 + 0.7 × 2) / 1.7 = 2.59: both shown as 2.6.
    const [first, second] = suggestion!.standings;
    expect(first).toMatchObject({ key: 'relevance', latest: 2 });
    expect(first!.weighted).toBeCloseTo(4.45 / 1.7, 9);
    expect(second).toMatchObject({ key: 'depth', latest: 3 });
    expect(second!.weighted).toBeCloseTo(4.4 / 1.7, 9);
    expect(suggestion?.tie).toMatchObject({ decidedBy: 'latest', with: [{ key: 'depth' }] });
  });

  it("falls back to the rubric's order when the means and the newest scores are the same", () => {
    const suggestion = nextPractice([
      entry({ id: 'a', startedAt: day(1), turns: [{ score: { depth: 3, relevance: 3, communication: 5 } }] }),
      entry({ id: 'b', startedAt: day(2), turns: [{ score: { relevance: 2, depth: 2, communication: 4 } }] }),
    ]);
    expect(suggestion?.dimension.key).toBe('relevance');
    expect(suggestion?.tie).toMatchObject({ decidedBy: 'order', with: [{ key: 'depth' }] });
    expect(suggestion?.standings.map((standing) => standing.key)).toEqual(['relevance', 'depth', 'communication']);
  });
});
