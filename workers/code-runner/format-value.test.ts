import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value.ts';

describe('formatValue', () => {
  it('writes JSON-like text that also tells apart what JSON cannot', () => {
    expect(formatValue([1, 'a', null, true])).toBe('[1, "a", null, true]');
    expect(formatValue({ a: 1, 'b c': [2] })).toBe('{a: 1, "b c": [2]}');
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue(-0)).toBe('-0');
    expect(formatValue(12n)).toBe('12n');
    expect(formatValue(function named() {})).toBe('[function named]');
    expect(formatValue(new Map([[1, 'x']]))).toBe('Map(1) {1 => "x"}');
    expect(formatValue(new Set([1, 2]))).toBe('Set(2) {1, 2}');
    expect(formatValue(new RangeError('too far'))).toBe('RangeError: too far');
    class Point {
      constructor(public x: number) {}
    }
    expect(formatValue(new Point(3))).toBe('Point {x: 3}');
  });

  it('stays short on cycles, deep nesting, long lists and long text', () => {
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    expect(formatValue(cycle)).toBe('{name: "loop", self: [circular]}');
    expect(formatValue([[[[[[[[1]]]]]]]])).toBe('[[[[[[[…]]]]]]]');
    expect(formatValue(Array.from({ length: 60 }, (_, i) => i))).toMatch(/, 49, … 10 more\]$/);
    const long = formatValue('x'.repeat(5_000), { maxLength: 100 });
    expect(long).toHaveLength(100);
    expect(long.endsWith('…')).toBe(true);
  });

  it('shows a value seen twice (not a cycle) both times', () => {
    const shared = [1];
    expect(formatValue([shared, shared])).toBe('[[1], [1]]');
  });
});
