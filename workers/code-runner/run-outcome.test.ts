import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from './api.ts';
import type { JudgedTestCase } from './judge.ts';
import { CodeRunnerError, RunCollector } from './run-outcome.ts';

const TESTS: JudgedTestCase[] = [
  { id: 'a', args: [1], expected: 1, compare: 'exact' },
  { id: 'b', args: [2], expected: 2, compare: 'exact' },
  { id: 'c', args: [3], expected: 3, compare: 'exact' },
];
const returned = (index: number, value: number): WorkerMessage => ({
  type: 'test-finished',
  run: { index, outcome: { kind: 'returned', returned: { kind: 'value', value, display: String(value) } }, console: { lines: [], truncated: false }, durationMs: 0 },
});

describe('RunCollector', () => {
  it('marks the running test as timed out and the rest as not run when the time limit stops the code', () => {
    const collector = new RunCollector(TESTS, 'id');
    expect(collector.accept({ type: 'compiled' })).toBe(false);
    collector.accept({ type: 'test-started', index: 0 });
    collector.accept(returned(0, 1));
    collector.accept({ type: 'test-started', index: 1 });
    const outcome = collector.stoppedByTimeLimit(2_000);
    expect(outcome).toMatchObject({ status: 'timed-out', timedOut: { limitMs: 2_000, testId: 'b' }, passed: 1, total: 3 });
    expect(outcome.results.map((result) => result.status)).toEqual(['passed', 'timed-out', 'not-run']);
    // Messages that arrive after the limit change nothing.
    expect(collector.accept(returned(1, 2))).toBe(true);
  });

  it('says the top level never finished when the limit hits before the first test', () => {
    const collector = new RunCollector(TESTS, 'id');
    collector.accept({ type: 'compiled' });
    expect(collector.stoppedByTimeLimit(500)).toMatchObject({ status: 'timed-out', timedOut: { limitMs: 500, testId: null }, passed: 0 });
  });

  it('ends on a problem, and fails a run with any failing test', () => {
    const problem = new RunCollector(TESTS, 'id');
    expect(problem.accept({ type: 'problem', problem: { kind: 'missing-function', functionName: 'id', found: 'nothing' } })).toBe(true);
    expect(problem.outcome()).toMatchObject({ status: 'problem', passed: 0, problem: { kind: 'missing-function' } });

    const failing = new RunCollector(TESTS, 'id');
    [returned(0, 1), returned(1, 5), returned(2, 3)].forEach((message) => failing.accept(message));
    expect(failing.accept({ type: 'finished' })).toBe(true);
    expect(failing.outcome()).toMatchObject({ status: 'failed', passed: 2, total: 3 });
  });

  it('treats a broken protocol as the runner failing, not the candidate', () => {
    expect(() => new RunCollector(TESTS, 'id').accept({ type: 'finished' })).toThrow(CodeRunnerError);
    expect(() => new RunCollector(TESTS, 'id').accept({ type: 'test-started', index: 7 })).toThrow(/test 7 does not exist/);
    expect(() => new RunCollector(TESTS, 'id').accept({ type: 'runner-error', message: 'cannot lock down' })).toThrow(/cannot lock down.*reload the page/);
  });
});
