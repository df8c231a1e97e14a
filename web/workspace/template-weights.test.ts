import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_WEIGHT, templateOverall, weightsOfDimensions, withTemplateWeights } from './template-weights.ts';

const summary = (overall: number, scores: Record<string, number>) => ({
  overall,
  dimensions: Object.entries(scores).map(([key, score]) => ({ key, label: key.toUpperCase(), score })),
});

describe('the overall score of an interview from a weighted template', () => {
  it('is the weighted mean of the dimension scores on 0–100, a weight of 0 not counting', () => {
    // structure 5 → 100, specificity 2 → 25; fillers 1 → 0 but weighted 0.
    const result = templateOverall(summary(70, { structure: 5, specificity: 2, fillers: 1 }), [
      { key: 'structure', weight: 1 },
      { key: 'specificity', weight: 3 },
      { key: 'fillers', weight: 0 },
    ]);
    expect(result).toMatchObject({ kind: 'weighted', overall: Math.round((100 * 1 + 25 * 3) / 4) });
  });

  it('does not need the weights to sum to 1: only their ratios count', () => {
    const scores = summary(50, { a: 4.5, b: 2.2 });
    const small = templateOverall(scores, [{ key: 'a', weight: 0.1 }, { key: 'b', weight: 0.3 }]);
    const large = templateOverall(scores, [{ key: 'a', weight: 1 }, { key: 'b', weight: 3 }]);
    expect(small.overall).toBe(large.overall);
    // (87.5 * 1 + 30 * 3) / 4 = 44.375
    expect(large).toMatchObject({ kind: 'weighted', overall: 44 });
  });

  it('counts a dimension the template does not name with the default weight, and says so', () => {
    const result = templateOverall(summary(0, { structure: 5, length: 1 }), [{ key: 'structure', weight: 3 }]);
    expect(DEFAULT_TEMPLATE_WEIGHT).toBe(1);
    expect(result).toMatchObject({ kind: 'weighted', overall: 75 });
    if (result.kind !== 'weighted') throw new Error('expected weighted');
    expect(result.dimensions).toEqual([
      { key: 'structure', label: 'STRUCTURE', score: 5, weight: 3, fromTemplate: true },
      { key: 'length', label: 'LENGTH', score: 1, weight: 1, fromTemplate: false },
    ]);
  });

  it('ignores a weight for a dimension this interview did not score', () => {
    const result = templateOverall(summary(10, { structure: 3 }), [{ key: 'coverage', weight: 5 }, { key: 'structure', weight: 2 }]);
    expect(result).toMatchObject({ kind: 'weighted', overall: 50 });
    if (result.kind !== 'weighted') throw new Error('expected weighted');
    expect(result.dimensions.map((dimension) => dimension.key)).toEqual(['structure']);
  });

  it('keeps the engine overall, and says why, when every scored dimension is weighted 0', () => {
    const result = templateOverall(summary(63, { structure: 4, fillers: 2 }), [{ key: 'structure', weight: 0 }, { key: 'fillers', weight: 0 }]);
    expect(result).toMatchObject({ kind: 'fallback', reason: 'all-weights-zero', overall: 63 });
  });

  it('keeps the engine overall when nothing was scored (every question skipped)', () => {
    expect(templateOverall(summary(0, {}), [{ key: 'structure', weight: 2 }])).toEqual({ kind: 'fallback', reason: 'nothing-scored', overall: 0, dimensions: [] });
  });

  it('leaves an interview whose template sets no weights with the engine overall, the unweighted mean', () => {
    expect(templateOverall(summary(58, { structure: 5, fillers: 1 }), [])).toEqual({ kind: 'unweighted', overall: 58 });
  });

  it('uses the first of two weights given for the same dimension', () => {
    expect(weightsOfDimensions(summary(0, { a: 3 }).dimensions, [{ key: 'a', weight: 2 }, { key: 'a', weight: 0 }])[0]!.weight).toBe(2);
  });

  it('stores the weighted overall in the summary and leaves the rest of it alone, and applying it twice changes nothing', () => {
    const original = { ...summary(40, { structure: 5, specificity: 1 }), strengths: ['x'], answered: 2 };
    const weights = [{ key: 'specificity', weight: 0 }];
    const once = withTemplateWeights(original, weights);
    expect(once).toEqual({ ...original, overall: 100 });
    expect(withTemplateWeights(once, weights)).toEqual(once);
  });
});
