import { describe, expect, it } from 'vitest';
import { describeCall, judgeTest, unfinishedTest, valuesEqual, type JudgedTestCase } from './judge.ts';

describe('valuesEqual', () => {
  it('compares JSON values deeply', () => {
    expect(valuesEqual([0, 1], [0, 1])).toBe(true);
    expect(valuesEqual([0, 1], [1, 0])).toBe(false);
    expect(valuesEqual({ a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] })).toBe(true);
    expect(valuesEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(valuesEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(valuesEqual(true, true)).toBe(true);
    expect(valuesEqual('1', 1)).toBe(false);
    expect(valuesEqual(0, -0)).toBe(true);
    expect(valuesEqual([[1, 3]], [[1, 3, 4]])).toBe(false);
  });

  it('does not let null stand for undefined, or an object for an array', () => {
    expect(valuesEqual(null, undefined)).toBe(false);
    expect(valuesEqual({ a: null }, { a: undefined })).toBe(false);
    expect(valuesEqual({}, { a: undefined })).toBe(false);
    expect(valuesEqual([], {})).toBe(false);
    expect(valuesEqual({ 0: 1 }, [1])).toBe(false);
    expect(valuesEqual({ a: 1 }, new Map([['a', 1]]))).toBe(false);
    expect(valuesEqual([1, 2], new Set([1, 2]))).toBe(false);
  });

  it('accepts any order of a top-level array when the test says unordered, counting repeats', () => {
    expect(valuesEqual([[1, 2], [3]], [[3], [1, 2]], 'unordered')).toBe(true);
    expect(valuesEqual([[1, 2], [3]], [[3], [2, 1]], 'unordered')).toBe(false);
    expect(valuesEqual([1, 1, 2], [1, 2, 2], 'unordered')).toBe(false);
    expect(valuesEqual([1, 1, 2], [2, 1, 1], 'unordered')).toBe(true);
    expect(valuesEqual([1], 1, 'unordered')).toBe(false);
  });
});

describe('judgeTest', () => {
  const test: JudgedTestCase = { id: 'basic', args: [[2, 7, 11, 15], 9], expected: [0, 1], compare: 'exact' };
  const console = { lines: ['checking'], truncated: false };

  it('passes a matching value and fails another with expected and got as text', () => {
    const passed = judgeTest(test, 'twoSum', { index: 0, outcome: { kind: 'returned', returned: { kind: 'value', value: [0, 1], display: '[0, 1]' } }, console, durationMs: 1 });
    expect(passed).toMatchObject({ id: 'basic', status: 'passed', call: 'twoSum([2, 7, 11, 15], 9)', expected: '[0, 1]', got: '[0, 1]', console });
    const failed = judgeTest(test, 'twoSum', { index: 0, outcome: { kind: 'returned', returned: { kind: 'value', value: [1, 0], display: '[1, 0]' } }, console, durationMs: 1 });
    expect(failed).toMatchObject({ status: 'failed', expected: '[0, 1]', got: '[1, 0]', error: null });
  });

  it('fails a value that could not cross from the worker, and reports a throw as an error', () => {
    const uncloneable = judgeTest(test, 'twoSum', { index: 0, outcome: { kind: 'returned', returned: { kind: 'uncloneable', display: '[function f]' } }, console, durationMs: 1 });
    expect(uncloneable).toMatchObject({ status: 'failed', got: '[function f]' });
    const error = { name: 'TypeError', message: 'x is undefined', location: { line: 3, column: null } };
    expect(judgeTest(test, 'twoSum', { index: 0, outcome: { kind: 'threw', error }, console, durationMs: 1 })).toMatchObject({ status: 'error', got: null, error });
  });

  it('describes tests that never finished', () => {
    expect(unfinishedTest(test, 'twoSum', 'timed-out')).toMatchObject({ status: 'timed-out', got: null, durationMs: null });
    expect(describeCall('f', ['a'.repeat(300)])).toHaveLength('f()'.length + 200);
  });
});
