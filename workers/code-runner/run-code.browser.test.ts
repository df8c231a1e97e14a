// The runner in real Chromium: a dedicated module worker per run, terminated at the time limit, with
// network, storage and run-time compilation shut off before candidate code runs.
import { describe, expect, it } from 'vitest';
import type { JudgedTestCase } from './judge.ts';
import { CodeRunnerUnavailableError, runCode } from './run-code.ts';
// Imported here as well as in the worker: Vite scans the test files' imports when it starts, so it
// pre-bundles sucrase then, instead of discovering it inside the worker and reloading the page mid-run.
import { ImportsNotAvailableError } from './run-candidate.ts';
import { SandboxRestrictionError } from './sandbox.ts';

const ADD_TESTS: JudgedTestCase[] = [
  { id: 'small', args: [1, 2], expected: 3, compare: 'exact' },
  { id: 'negative', args: [-4, 1], expected: -3, compare: 'exact' },
  { id: 'zero', args: [0, 0], expected: 0, compare: 'exact' },
];

/** A real runner worker whose terminate() is recorded. */
function watchedWorker(): { createWorker: () => Worker; terminated: () => boolean } {
  let terminated = false;
  return {
    terminated: () => terminated,
    createWorker: () => {
      const worker = new Worker(new URL('./code-runner.worker.ts', import.meta.url), { type: 'module' });
      const terminate = worker.terminate.bind(worker);
      worker.terminate = () => {
        terminated = true;
        terminate();
      };
      return worker;
    },
  };
}

describe('runCode in a worker', () => {
  it('passes correct TypeScript and terminates the worker afterwards', async () => {
    const watched = watchedWorker();
    const outcome = await runCode({ code: 'export function add(a: number, b: number): number {\n  return a + b;\n}', language: 'typescript', functionName: 'add', tests: ADD_TESTS }, { createWorker: watched.createWorker });
    expect(outcome).toMatchObject({ status: 'passed', passed: 3, total: 3, timedOut: null, problem: null });
    expect(watched.terminated()).toBe(true);
  });

  it('fails wrong code with expected and got, and keeps what it printed', async () => {
    const outcome = await runCode({ code: "function add(a, b) {\n  console.log('a is', a);\n  return a - b;\n}", language: 'javascript', functionName: 'add', tests: ADD_TESTS });
    expect(outcome.status).toBe('failed');
    expect(outcome.results.map((result) => [result.status, result.expected, result.got])).toEqual([
      ['failed', '3', '-1'],
      ['failed', '-3', '-5'],
      ['passed', '0', '0'],
    ]);
    expect(outcome.results[0]!.console.lines).toEqual(['a is 1']);
  });

  it('reports a compile error with its place in the code', async () => {
    const outcome = await runCode({ code: 'export function add(a: number, b: number) {\n  return a +;\n}', language: 'typescript', functionName: 'add', tests: ADD_TESTS });
    expect(outcome).toMatchObject({ status: 'problem', problem: { kind: 'compile', location: { line: 2 } } });
  });

  it('maps a runtime error to the line it happened on', async () => {
    const outcome = await runCode({ code: "export function add(a: number, b: number) {\n  const list: number[] | null = a < 0 ? null : [a, b];\n  return list!.length ? a + b : 0;\n}", language: 'typescript', functionName: 'add', tests: ADD_TESTS });
    expect(outcome.results[1]).toMatchObject({ status: 'error', error: { name: 'TypeError', location: { line: 3 } } });
  });

  it('stops an endless loop at the time limit by terminating the worker, and names the test', async () => {
    const watched = watchedWorker();
    const code = 'export function add(a: number, b: number) {\n  if (a < 0) { while (true) {} }\n  return a + b;\n}';
    const outcome = await runCode({ code, language: 'typescript', functionName: 'add', tests: ADD_TESTS }, { timeLimitMs: 500, createWorker: watched.createWorker });
    expect(outcome).toMatchObject({ status: 'timed-out', timedOut: { limitMs: 500, testId: 'negative' }, passed: 1 });
    expect(outcome.results.map((result) => result.status)).toEqual(['passed', 'timed-out', 'not-run']);
    expect(watched.terminated()).toBe(true);

    const topLevel = await runCode({ code: 'while (true) {}\nexport function add() { return 0; }', language: 'typescript', functionName: 'add', tests: ADD_TESTS }, { timeLimitMs: 300 });
    expect(topLevel).toMatchObject({ status: 'timed-out', timedOut: { testId: null } });
    // A promise that never settles is stopped the same way.
    const hanging = await runCode({ code: 'export function add() { return new Promise(() => {}); }', language: 'typescript', functionName: 'add', tests: ADD_TESTS }, { timeLimitMs: 300 });
    expect(hanging).toMatchObject({ status: 'timed-out', timedOut: { testId: 'small' } });
  });

  it('shuts off network, storage, the page and run-time compilation inside candidate code', async () => {
    const probes: Record<string, string> = {
      fetch: "fetch('/api/health')",
      importScripts: "importScripts('/runner-probe.js')",
      XMLHttpRequest: 'new XMLHttpRequest()',
      WebSocket: "new WebSocket('ws://localhost:1')",
      EventSource: "new EventSource('/api/health')",
      indexedDB: "indexedDB.open('probe')",
      caches: "caches.open('probe')",
      BroadcastChannel: "new BroadcastChannel('probe')",
      postMessage: "postMessage({ type: 'finished' })",
      nestedWorker: "new Worker('/probe.js')",
      eval: "eval('1 + 1')",
      functionConstructor: "(() => {}).constructor('return 1')()",
      asyncFunctionConstructor: "(async () => {}).constructor('return import(\"/x.js\")')()",
      stringTimer: "setTimeout('1 + 1', 0)",
      storageManager: 'navigator.storage.getDirectory()',
      webLocks: "navigator.locks.request('probe', () => undefined)",
      fontFace: "new FontFace('probe', 'url(/probe.woff2)').load()",
      fontSet: 'self.fonts.size',
      // Still the blocked one when taken from the global's prototype chain instead of the global.
      prototypeFetch: "(Object.getPrototypeOf(self).fetch ?? Object.getPrototypeOf(Object.getPrototypeOf(self)).fetch ?? self.fetch).call(self, '/api/health')",
    };
    const code = `
      export function probe(name: string): string {
        const attempts: Record<string, () => unknown> = {
          ${Object.entries(probes).map(([name, expression]) => `${name}: () => ${expression},`).join('\n          ')}
        };
        try {
          return 'reached: ' + typeof attempts[name]!();
        } catch (error) {
          return (error as Error).name;
        }
      }`;
    const tests: JudgedTestCase[] = Object.keys(probes).map((name) => ({ id: name, args: [name], expected: SandboxRestrictionError.name, compare: 'exact' }));
    const outcome = await runCode({ code, language: 'typescript', functionName: 'probe', tests });
    expect(outcome.results.filter((result) => result.status !== 'passed').map((result) => `${result.id}: ${result.got}`)).toEqual([]);

    const dynamicImport = await runCode(
      { code: "export async function probe() {\n  try { await import('/api/health'); return 'reached'; } catch (error) { return (error as Error).name; }\n}", language: 'typescript', functionName: 'probe', tests: [{ id: 'import', args: [], expected: ImportsNotAvailableError.name, compare: 'exact' }] },
    );
    expect(dynamicImport.status).toBe('passed');
  });

  it('says plainly when the runner cannot start', async () => {
    const error = await runCode({ code: '', language: 'javascript', functionName: 'add', tests: ADD_TESTS }, { createWorker: () => new Worker('/no-such-runner.js', { type: 'module' }) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CodeRunnerUnavailableError);
    expect((error as Error).message).toMatch(/Your code is kept/);
  });

  it('stops the worker when the run is aborted', async () => {
    const watched = watchedWorker();
    const controller = new AbortController();
    const running = runCode({ code: 'export function add() { while (true) {} }', language: 'javascript', functionName: 'add', tests: ADD_TESTS }, { timeLimitMs: 60_000, signal: controller.signal, createWorker: watched.createWorker });
    setTimeout(() => controller.abort(new DOMException('stopped', 'AbortError')), 200);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(watched.terminated()).toBe(true);
  });
});
