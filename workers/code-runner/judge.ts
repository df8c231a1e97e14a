// Judges one test: compares what the candidate's function returned with the expected value (deep
// equality on JSON values) and says what happened in a form the results panel can show.
// Runs on the page, never in the runner worker: candidate code shares the worker's realm and could
// replace Array.isArray or Object.keys there; here it cannot reach them.
// Owns: equality and test verdicts. Must not import: DOM, Dexie, Solid, sucrase.
import type { Comparison, ConsoleOutput, JsonValue, RunTestCase, TestRun, ThrownError } from './api.ts';
import { formatValue } from './format-value.ts';

export interface JudgedTestCase extends RunTestCase {
  expected: JsonValue;
  compare: Comparison;
}

export type TestStatus = 'passed' | 'failed' | 'error' | 'timed-out' | 'not-run';

export interface TestResult {
  id: string;
  status: TestStatus;
  /** The call as text, e.g. `twoSum([2, 7, 11, 15], 9)`. */
  call: string;
  expected: string;
  /** What came back, as text; null when nothing did (it threw, timed out or never ran). */
  got: string | null;
  error: ThrownError | null;
  console: ConsoleOutput;
  durationMs: number | null;
}

const NO_OUTPUT: ConsoleOutput = { lines: [], truncated: false };

/** Deep equality of an expected JSON value and anything the candidate returned. */
export function valuesEqual(expected: JsonValue, got: unknown, compare: Comparison = 'exact'): boolean {
  if (compare === 'unordered' && Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) return false;
    const unused = got.map((_, index) => index);
    return expected.every((item) => {
      const at = unused.findIndex((index) => equal(item, got[index]));
      if (at === -1) return false;
      unused.splice(at, 1);
      return true;
    });
  }
  return equal(expected, got);
}

function equal(expected: JsonValue, got: unknown): boolean {
  if (expected === null || typeof expected !== 'object') {
    if (typeof expected === 'number' && typeof got === 'number') return expected === got || (Number.isNaN(expected) && Number.isNaN(got));
    return expected === got;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) return false;
    return expected.every((item, index) => equal(item, got[index]));
  }
  if (!isPlainObject(got)) return false;
  const expectedKeys = Object.keys(expected);
  const gotKeys = Object.keys(got);
  if (gotKeys.length !== expectedKeys.length) return false;
  return expectedKeys.every((key) => Object.hasOwn(got, key) && equal(expected[key]!, got[key]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `name(arg1, arg2)` with each argument shortened. */
export function describeCall(functionName: string, args: readonly unknown[]): string {
  return `${functionName}(${args.map((arg) => formatValue(arg, { maxLength: 200 })).join(', ')})`;
}

/** The verdict on one test that ran to the end. */
export function judgeTest(test: JudgedTestCase, functionName: string, run: TestRun): TestResult {
  const base = { id: test.id, call: describeCall(functionName, test.args), expected: formatValue(test.expected), console: run.console, durationMs: run.durationMs };
  if (run.outcome.kind === 'threw') return { ...base, status: 'error', got: null, error: run.outcome.error };
  const returned = run.outcome.returned;
  const passed = returned.kind === 'value' && valuesEqual(test.expected, returned.value, test.compare);
  return { ...base, status: passed ? 'passed' : 'failed', got: returned.display, error: null };
}

/** A test that never finished: stopped by the time limit, or never reached. */
export function unfinishedTest(test: JudgedTestCase, functionName: string, status: 'timed-out' | 'not-run'): TestResult {
  return { id: test.id, status, call: describeCall(functionName, test.args), expected: formatValue(test.expected), got: null, error: null, console: NO_OUTPUT, durationMs: null };
}
