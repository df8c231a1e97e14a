import { describe, expect, it } from 'vitest';
import { CHART, layoutScoreChart, shorten, xOf } from './score-chart-layout.ts';

describe('score chart layout', () => {
  const dimensions = [
    { key: 'star', label: 'STAR structure', score: 3.5 },
    { key: 'specificity', label: 'Specificity of the examples and the numbers given', score: 2 },
  ];

  it('puts 0 at the plot start and 5 at its end, clamping scores outside', () => {
    expect(xOf(0)).toBe(CHART.plotLeft);
    expect(xOf(5)).toBe(CHART.plotRight);
    expect(xOf(2.5)).toBe((CHART.plotLeft + CHART.plotRight) / 2);
    expect(xOf(9)).toBe(CHART.plotRight);
  });

  it('draws one row per dimension with a bar as long as its average', () => {
    const layout = layoutScoreChart(dimensions, []);
    expect(layout.rows.map((row) => row.key)).toEqual(['star', 'specificity']);
    expect(layout.rows[0]!.barWidth).toBeCloseTo((3.5 / 5) * (CHART.plotRight - CHART.plotLeft));
    expect(layout.rows[1]!.y - layout.rows[0]!.y).toBe(CHART.rowHeight);
    expect(layout.height).toBe(CHART.top + 2 * CHART.rowHeight + 6);
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('places a dot per scored question, spreading equal scores apart', () => {
    const layout = layoutScoreChart(dimensions, [
      { number: 1, scores: { star: 4, specificity: 2 } },
      { number: 2, scores: { star: 4 } },
      { number: 3, scores: { star: 3 } },
    ]);
    const star = layout.rows[0]!.dots;
    expect(star.map((dot) => dot.number).sort()).toEqual([1, 2, 3]);
    const fours = star.filter((dot) => dot.score === 4);
    expect(fours[1]!.cx - fours[0]!.cx).toBe(CHART.dotSpread);
    expect((fours[0]!.cx + fours[1]!.cx) / 2).toBe(xOf(4));
    expect(star.find((dot) => dot.number === 3)!.cx).toBe(xOf(3));
    // Question 2 was not scored on specificity: no dot for it there.
    expect(layout.rows[1]!.dots.map((dot) => dot.number)).toEqual([1]);
  });

  it('shortens long labels to fit the label column', () => {
    expect(shorten('STAR structure')).toBe('STAR structure');
    const short = shorten(dimensions[1]!.label);
    expect(short.length).toBeLessThanOrEqual(CHART.maxLabelChars);
    expect(short.endsWith('…')).toBe(true);
  });
});
