import { describe, expect, it } from 'vitest';
import { labelledIndexes, linePath, niceScale, RUBRIC_SCALE, xPositions, yPosition, type Frame } from './chart-geometry.ts';

const FRAME: Frame = { width: 300, height: 140, left: 30, right: 10, top: 10, bottom: 30 };

describe('niceScale', () => {
  it('covers the values and the target with round steps', () => {
    expect(niceScale([135, 182, 150], [120, 160])).toEqual({ min: 120, max: 200, ticks: [120, 140, 160, 180, 200] });
    expect(niceScale([1.2, 6.8], [0, 3])).toEqual({ min: 0, max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale([12, 33], [0, 20])).toEqual({ min: 0, max: 40, ticks: [0, 10, 20, 30, 40] });
  });

  it('puts a single value mid-axis, and never goes below 0', () => {
    const one = niceScale([0]);
    expect(one.min).toBe(0);
    expect(one.max).toBeGreaterThan(0);
    const single = niceScale([100]);
    expect(single.min).toBeLessThan(100);
    expect(single.max).toBeGreaterThan(100);
    expect(niceScale([])).toEqual({ min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('ignores values that are not numbers', () => {
    expect(niceScale([Number.NaN, 2, Number.POSITIVE_INFINITY], [0, 2])).toEqual({ min: 0, max: 2, ticks: [0, 0.5, 1, 1.5, 2] });
  });
});

describe('positions', () => {
  it('spaces interviews evenly across the plot and centres a lone one', () => {
    expect(xPositions(0, FRAME)).toEqual([]);
    expect(xPositions(1, FRAME)).toEqual([160]);
    expect(xPositions(3, FRAME)).toEqual([30, 160, 290]);
  });

  it('maps values onto the plot height, top is high, clamped at the edges', () => {
    expect(yPosition(5, RUBRIC_SCALE, FRAME)).toBe(10);
    expect(yPosition(1, RUBRIC_SCALE, FRAME)).toBe(110);
    expect(yPosition(3, RUBRIC_SCALE, FRAME)).toBe(60);
    expect(yPosition(9, RUBRIC_SCALE, FRAME)).toBe(10);
    expect(yPosition(-2, RUBRIC_SCALE, FRAME)).toBe(110);
  });

  it('draws the line through the points in order', () => {
    expect(linePath([])).toBe('');
    expect(linePath([{ x: 30, y: 110 }, { x: 160, y: 60.04 }, { x: 290, y: 10 }])).toBe('M30.0,110.0 L160.0,60.0 L290.0,10.0');
  });

  it('labels every date when there is room, else the first, the last and some between', () => {
    expect(labelledIndexes(0, 4)).toEqual([]);
    expect(labelledIndexes(3, 4)).toEqual([0, 1, 2]);
    expect(labelledIndexes(10, 3)).toEqual([0, 5, 9]);
    expect(labelledIndexes(10, 1)).toEqual([0, 9]);
  });
});
