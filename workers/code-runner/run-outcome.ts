// Folds the runner worker's messages into the outcome of one run: every test's verdict, or the one
// problem that stopped the code from running, or the time limit. Pure, so Node tests drive it with
// the in-process harness exactly as the page drives it with the worker.
// Owns: what a run's outcome is. Must not import: DOM, Dexie, Solid, sucrase.
import type { CodeProblem, WorkerMessage } from './api.ts';
import { judgeTest, unfinishedTest, type JudgedTestCase, type TestResult } from './judge.ts';

export type RunStatus = 'passed' | 'failed' | 'timed-out' | 'problem';

export interface RunOutcome {
  status: RunStatus;
  results: TestResult[];
  /** Why no test could run (syntax error, a throwing top level, no function by that name). */
  problem: CodeProblem | null;
  /** Set when the time limit stopped the code; `testId` is the test that was running, null when the top level never finished. */
  timedOut: { limitMs: number; testId: string | null } | null;
  passed: number;
  total: number;
}

/** The runner failed, or broke the protocol: a fault of the app or the browser, not of the candidate's code. */
export class CodeRunnerError extends Error {
  override name = 'CodeRunnerError';
  constructor(detail: string) {
    super(`The code runner failed (${detail}). Your code is kept: reload the page and run it again; if it happens again, report it.`);
  }
}

export class RunCollector {
  private readonly finished = new Map<number, TestResult>();
  private running: number | null = null;
  private problem: CodeProblem | null = null;
  private done = false;

  constructor(
    private readonly tests: readonly JudgedTestCase[],
    private readonly functionName: string,
  ) {}

  /** Takes one message; true when the run is over. */
  accept(message: WorkerMessage): boolean {
    if (this.done) return true;
    switch (message.type) {
      case 'compiled':
        return false;
      case 'test-started':
        if (!this.tests[message.index]) throw new CodeRunnerError(`test ${message.index} does not exist`);
        this.running = message.index;
        return false;
      case 'test-finished': {
        const test = this.tests[message.run.index];
        if (!test) throw new CodeRunnerError(`test ${message.run.index} does not exist`);
        this.finished.set(message.run.index, judgeTest(test, this.functionName, message.run));
        if (this.running === message.run.index) this.running = null;
        return false;
      }
      case 'problem':
        this.problem = message.problem;
        this.done = true;
        return true;
      case 'finished':
        if (this.finished.size !== this.tests.length) throw new CodeRunnerError(`it finished after ${this.finished.size} of ${this.tests.length} tests`);
        this.done = true;
        return true;
      case 'runner-error':
        throw new CodeRunnerError(message.message);
    }
  }

  /** The outcome once the run is over. */
  outcome(): RunOutcome {
    if (this.problem) return this.build('problem', (test) => unfinishedTest(test, this.functionName, 'not-run'), null);
    const results = this.tests.map((test, index) => this.finished.get(index) ?? unfinishedTest(test, this.functionName, 'not-run'));
    const allPassed = results.every((result) => result.status === 'passed');
    return { status: allPassed ? 'passed' : 'failed', results, problem: null, timedOut: null, passed: count(results), total: results.length };
  }

  /** The outcome when the time limit stopped the code: the running test timed out, later ones never ran. */
  stoppedByTimeLimit(limitMs: number): RunOutcome {
    this.done = true;
    const running = this.running;
    const outcome = this.build('timed-out', (test, index) => this.finished.get(index) ?? unfinishedTest(test, this.functionName, index === running ? 'timed-out' : 'not-run'), {
      limitMs,
      testId: running === null ? null : this.tests[running]!.id,
    });
    return outcome;
  }

  private build(status: RunStatus, result: (test: JudgedTestCase, index: number) => TestResult, timedOut: RunOutcome['timedOut']): RunOutcome {
    const results = this.tests.map(result);
    return { status, results, problem: this.problem, timedOut, passed: count(results), total: results.length };
  }
}

function count(results: readonly TestResult[]): number {
  return results.filter((result) => result.status === 'passed').length;
}
