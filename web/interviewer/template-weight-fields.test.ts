import { describe, expect, it } from 'vitest';
import { rubricWeight } from '../../sync-server/protocol/interview-template.ts';
import { DIMENSION_WEIGHTS } from '../../workers/llm/basic/heuristic-scorer/score-answer.ts';
import { RUBRIC } from '../../workers/llm/tasks/answer-scoring.ts';
import { templateOverall } from '../workspace/template-weights.ts';
import { MAX_WEIGHTS, parseWeight, readWeights, TEMPLATE_DIMENSIONS, weightsNotOffered, weightText } from './template-weight-fields.ts';

describe('the template form rubric weights', () => {
  it('offers every dimension key the scorers give, so a weight set here is one the device applies', () => {
    const scorerKeys = new Set([...Object.keys(DIMENSION_WEIGHTS), ...RUBRIC.map(({ key }) => key)]);
    expect(new Set(TEMPLATE_DIMENSIONS)).toEqual(scorerKeys);
    expect(TEMPLATE_DIMENSIONS.length).toBeLessThanOrEqual(MAX_WEIGHTS);
  });

  it('reads an empty input as not set, and numbers from 0 to 5 (a comma as a decimal point too)', () => {
    expect(parseWeight('')).toEqual({ ok: true, weight: null });
    expect(parseWeight('  ')).toEqual({ ok: true, weight: null });
    expect(parseWeight('0')).toEqual({ ok: true, weight: 0 });
    expect(parseWeight('3')).toEqual({ ok: true, weight: 3 });
    expect(parseWeight('2.5')).toEqual({ ok: true, weight: 2.5 });
    expect(parseWeight('2,5')).toEqual({ ok: true, weight: 2.5 });
    expect(parseWeight('.5')).toEqual({ ok: true, weight: 0.5 });
    expect(parseWeight('5')).toEqual({ ok: true, weight: 5 });
  });

  it('refuses text that is not a number, numbers out of range, and what the browser could not read', () => {
    expect(parseWeight('abc')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseWeight('1e2')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseWeight('-1')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseWeight('5.5')).toEqual({ ok: false, problem: 'out-of-range' });
    expect(parseWeight('6')).toEqual({ ok: false, problem: 'out-of-range' });
    expect(parseWeight('', true)).toEqual({ ok: false, problem: 'not-a-number' });
  });

  it('saves only the weights set, which the protocol accepts and the device applies', () => {
    const read = readWeights([
      { key: 'coverage', text: '' },
      { key: 'specificity', text: '3' },
      { key: 'fillers', text: '0' },
    ]);
    expect(read).toEqual({ ok: true, weights: [{ key: 'specificity', weight: 3 }, { key: 'fillers', weight: 0 }] });
    if (!read.ok) return;
    for (const weight of read.weights) expect(rubricWeight.parse(weight)).toEqual(weight);
    const summary = { overall: 50, dimensions: [{ key: 'specificity', label: 'Specificity', score: 5 }, { key: 'fillers', label: 'Filler words', score: 1 }, { key: 'coverage', label: 'Talking points', score: 3 }] };
    // Specificity 100 × 3, fillers not counted, coverage 50 × the default 1: 350 / 4.
    expect(templateOverall(summary, read.weights)).toMatchObject({ kind: 'weighted', overall: 88 });
  });

  it('names the first input that is wrong', () => {
    expect(readWeights([{ key: 'coverage', text: '2' }, { key: 'length', text: '9' }, { key: 'fillers', text: 'x' }])).toEqual({ ok: false, key: 'length', problem: 'out-of-range' });
  });

  it('keeps weights of keys the form does not offer, and refuses more than the protocol saves', () => {
    const saved = [{ key: 'specificity', weight: 2 }, { key: 'custom', weight: 4 }];
    expect(weightsNotOffered(saved)).toEqual([{ key: 'custom', weight: 4 }]);
    expect(readWeights([{ key: 'specificity', text: '1' }], weightsNotOffered(saved))).toEqual({
      ok: true,
      weights: [{ key: 'specificity', weight: 1 }, { key: 'custom', weight: 4 }],
    });
    const many = Array.from({ length: MAX_WEIGHTS }, (_, index) => ({ key: `extra-${index}`, weight: 1 }));
    expect(readWeights([{ key: 'specificity', text: '1' }], many)).toEqual({ ok: false, key: null, problem: 'too-many' });
  });

  it('shows a saved template weight, the first one for a key named twice, and nothing when not set', () => {
    const saved = [{ key: 'fillers', weight: 0 }, { key: 'fillers', weight: 4 }, { key: 'depth', weight: 1.5 }];
    expect(weightText(saved, 'fillers')).toBe('0');
    expect(weightText(saved, 'depth')).toBe('1.5');
    expect(weightText(saved, 'coverage')).toBe('');
  });
});
