import { describe, expect, it } from 'vitest';
import { dimensionSeries, dimensionsOverTime, interviewDimensions, overallSeries } from './dimension-progress.ts';
import { entry } from './test-support/history-builders.ts';

describe('interviewDimensions', () => {
  it('averages each dimension over the scored answers', () => {
    const result = interviewDimensions(
      entry({
        id: 'a',
        startedAt: '2026-01-01T10:00:00.000Z',
        turns: [{ score: { structure: 2, specificity: 5 } }, { score: { structure: 3, specificity: 4 } }, { score: { structure: 5, specificity: 4 } }],
      }),
    );
    expect(result).toEqual({
      interviewId: 'a',
      at: '2026-01-01T10:00:00.000Z',
      source: 'answers',
      dimensions: [
        { key: 'structure', label: 'Structure', score: 10 / 3, answers: 3 },
        { key: 'specificity', label: 'Specificity', score: 13 / 3, answers: 3 },
      ],
    });
  });

  it('leaves out skipped questions and answers without a score instead of counting them as zeros', () => {
    const result = interviewDimensions(
      entry({
        id: 'a',
        startedAt: '2026-01-01T10:00:00.000Z',
        turns: [{ score: { structure: 4 } }, { status: 'skipped', score: { structure: 1 } }, { score: null }, { score: { structure: 2, length: 3 } }],
      }),
    );
    expect(result?.dimensions).toEqual([
      { key: 'structure', label: 'Structure', score: 3, answers: 2 },
      { key: 'length', label: 'Length', score: 3, answers: 1 },
    ]);
  });

  it("falls back to the summary's means when no turn carries a score", () => {
    const result = interviewDimensions(
      entry({
        id: 'a',
        startedAt: '2026-01-01T10:00:00.000Z',
        turns: [{ score: null }],
        summary: { dimensions: [{ key: 'relevance', label: 'Relevance', score: 3.5 }] },
      }),
    );
    expect(result).toMatchObject({ source: 'summary', dimensions: [{ key: 'relevance', label: 'Relevance', score: 3.5, answers: 0 }] });
  });

  it('gives nothing for an interview in progress, or one where every question was skipped', () => {
    expect(interviewDimensions(entry({ id: 'a', startedAt: '2026-01-01T10:00:00.000Z', status: 'in-progress', turns: [{ score: { structure: 4 } }] }))).toBeNull();
    expect(interviewDimensions(entry({ id: 'b', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ status: 'skipped' }, { status: 'skipped' }] }))).toBeNull();
  });
});

describe('dimensionSeries', () => {
  it('is empty for an empty history', () => {
    expect(dimensionSeries([])).toEqual([]);
    expect(overallSeries([])).toEqual([]);
    expect(dimensionsOverTime([])).toEqual([]);
  });

  it('gives one point per dimension for a single interview', () => {
    const series = dimensionSeries([entry({ id: 'a', startedAt: '2026-01-01T10:00:00.000Z', overall: 64, turns: [{ score: { structure: 4, length: 2 } }] })]);
    expect(series).toEqual([
      { key: 'structure', label: 'Structure', points: [{ interviewId: 'a', at: '2026-01-01T10:00:00.000Z', value: 4 }] },
      { key: 'length', label: 'Length', points: [{ interviewId: 'a', at: '2026-01-01T10:00:00.000Z', value: 2 }] },
    ]);
  });

  it('orders points oldest first whatever order the history comes in, and skips unfinished interviews', () => {
    const history = [
      entry({ id: 'c', startedAt: '2026-01-03T10:00:00.000Z', turns: [{ score: { structure: 5 } }] }),
      entry({ id: 'x', startedAt: '2026-01-04T10:00:00.000Z', status: 'in-progress', turns: [{ score: { structure: 1 } }] }),
      entry({ id: 'a', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ score: { structure: 1 } }] }),
      entry({ id: 'b', startedAt: '2026-01-02T10:00:00.000Z', turns: [{ score: { structure: 3 } }] }),
    ];
    const [structure] = dimensionSeries(history);
    expect(structure?.points.map((point) => [point.interviewId, point.value])).toEqual([
      ['a', 1],
      ['b', 3],
      ['c', 5],
    ]);
  });

  it("puts the newest rubric first and keeps a dimension only older interviews had, with points only where it was scored", () => {
    const history = [
      entry({ id: 'old', startedAt: '2026-01-01T10:00:00.000Z', turns: [{ score: { coverage: 2, structure: 3 } }] }),
      entry({ id: 'new', startedAt: '2026-01-02T10:00:00.000Z', turns: [{ score: { relevance: 4, structure: 5 } }] }),
    ];
    const series = dimensionSeries(history);
    expect(series.map((item) => [item.key, item.points.map((point) => point.interviewId)])).toEqual([
      ['relevance', ['new']],
      ['structure', ['old', 'new']],
      ['coverage', ['old']],
    ]);
  });
});

describe('overallSeries', () => {
  it('charts the overall of completed interviews, leaving out those where nothing was answered', () => {
    const history = [
      entry({ id: 'a', startedAt: '2026-01-01T10:00:00.000Z', overall: 40, turns: [{ score: { structure: 2 } }] }),
      entry({ id: 'b', startedAt: '2026-01-02T10:00:00.000Z', overall: 0, turns: [{ status: 'skipped' }], summary: { answered: 0, skipped: 1 } }),
      entry({ id: 'c', startedAt: '2026-01-03T10:00:00.000Z', status: 'in-progress' }),
      entry({ id: 'd', startedAt: '2026-01-04T10:00:00.000Z', overall: 72, turns: [{ score: { structure: 4 } }] }),
    ];
    expect(overallSeries(history).map((point) => [point.interviewId, point.value])).toEqual([
      ['a', 40],
      ['d', 72],
    ]);
  });
});
