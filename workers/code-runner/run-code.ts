// The page's side of a run: starts a fresh runner worker, sends the code and the tests' inputs,
// judges what comes back, and terminates the worker when the run ends, when it is aborted, or at the
// time limit. The limit starts once the code is compiled (loading the runner and sucrase is not the
// candidate's time) and covers the code's top level and every test together.
// Owns: a run's lifetime and its time limit. Must not import: Dexie, Solid.
import { RUNNER_PROTOCOL_VERSION, workerMessage, type CodeLanguage, type RunRequest } from './api.ts';
import type { JudgedTestCase } from './judge.ts';
import { CodeRunnerError, RunCollector, type RunOutcome } from './run-outcome.ts';

export { CodeRunnerError, type RunOutcome } from './run-outcome.ts';
export type { JudgedTestCase, TestResult, TestStatus } from './judge.ts';

export const DEFAULT_TIME_LIMIT_MS = 2_000;
/** Loading the runner (and sucrase) on a slow phone; not part of the candidate's time. */
const DEFAULT_START_LIMIT_MS = 30_000;

export class CodeRunnerUnavailableError extends Error {
  override name = 'CodeRunnerUnavailableError';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`The code runner could not start (${detail}). Your code is kept. Reload the page and try again; offline, the runner is only there if this app was opened online once since it was installed or updated.`, options);
  }
}

export interface CodeRunInput {
  code: string;
  language: CodeLanguage;
  functionName: string;
  tests: readonly JudgedTestCase[];
}

export interface RunCodeOptions {
  timeLimitMs?: number;
  startLimitMs?: number;
  signal?: AbortSignal;
  /** Tests give a worker of their own (e.g. one that never loads). */
  createWorker?: () => Worker;
}

export function runCode(input: CodeRunInput, options: RunCodeOptions = {}): Promise<RunOutcome> {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const signal = options.signal;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);

  return new Promise<RunOutcome>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = options.createWorker?.() ?? new Worker(new URL('./code-runner.worker.ts', import.meta.url), { type: 'module', name: 'code-runner' });
    } catch (error) {
      reject(new CodeRunnerUnavailableError(error instanceof Error ? error.message : String(error), { cause: error }));
      return;
    }
    const collector = new RunCollector(input.tests, input.functionName);
    let compiled = false;
    let settled = false;
    let limitTimer: ReturnType<typeof setTimeout> | undefined;
    const startTimer = setTimeout(() => finish(() => reject(new CodeRunnerUnavailableError(`it did not start within ${Math.round((options.startLimitMs ?? DEFAULT_START_LIMIT_MS) / 1000)} s`))), options.startLimitMs ?? DEFAULT_START_LIMIT_MS);

    const onAbort = () => finish(() => reject(signal!.reason as Error));
    signal?.addEventListener('abort', onAbort, { once: true });

    function finish(settle: () => void): void {
      if (settled) return;
      settled = true;
      clearTimeout(startTimer);
      clearTimeout(limitTimer);
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      settle();
    }

    worker.onmessage = (event: MessageEvent) => {
      if (settled) return;
      const parsed = workerMessage.safeParse(event.data);
      if (!parsed.success) {
        finish(() => reject(new CodeRunnerError('it sent a message this page does not understand')));
        return;
      }
      const message = parsed.data;
      if (message.type === 'compiled' && !compiled) {
        compiled = true;
        clearTimeout(startTimer);
        limitTimer = setTimeout(() => finish(() => resolve(collector.stoppedByTimeLimit(timeLimitMs))), timeLimitMs);
      }
      try {
        if (collector.accept(message)) finish(() => resolve(collector.outcome()));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    worker.onmessageerror = () => finish(() => reject(new CodeRunnerError('a message could not be read')));
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      // Once the candidate's code runs, an error thrown from one of its own timers lands here; the
      // run goes on (and the time limit still holds). Before that, the runner itself failed to load.
      if (compiled) return;
      finish(() => reject(new CodeRunnerUnavailableError(event.message || 'its script did not load')));
    };

    const request: RunRequest = {
      v: RUNNER_PROTOCOL_VERSION,
      type: 'run',
      code: input.code,
      language: input.language,
      functionName: input.functionName,
      tests: input.tests.map((test) => ({ id: test.id, args: test.args })),
    };
    worker.postMessage(request);
  });
}
