import { describe, expect, it } from 'vitest';
import type { JudgedTestCase } from './judge.ts';
import { runInProcess } from './test-support/run-in-process.ts';

const TESTS: JudgedTestCase[] = [
  { id: 'small', args: [1, 2], expected: 3, compare: 'exact' },
  { id: 'negative', args: [-4, 1], expected: -3, compare: 'exact' },
];

const run = (code: string, options: { language?: 'typescript' | 'javascript'; tests?: JudgedTestCase[]; functionName?: string } = {}) =>
  runInProcess({ code, language: options.language ?? 'typescript', functionName: options.functionName ?? 'add', tests: options.tests ?? TESTS });

describe('runCandidate (in process)', () => {
  it('runs exported TypeScript and passes every test', async () => {
    const { outcome, messages } = await run('export function add(a: number, b: number): number {\n  return a + b;\n}\n');
    expect(outcome).toMatchObject({ status: 'passed', passed: 2, total: 2, problem: null });
    expect(messages.map((message) => message.type)).toEqual(['compiled', 'test-started', 'test-finished', 'test-started', 'test-finished', 'finished']);
  });

  it('finds a function that is declared but not exported, an arrow function in a const, and an async one', async () => {
    expect((await run('function add(a, b) { return a + b }', { language: 'javascript' })).outcome.status).toBe('passed');
    expect((await run('const add = (a: number, b: number) => a + b;')).outcome.status).toBe('passed');
    expect((await run('export async function add(a: number, b: number) { await null; return a + b; }')).outcome.status).toBe('passed');
  });

  it('fails a wrong answer with expected and got, per test', async () => {
    const { outcome } = await run('export function add(a: number, b: number) {\n  return a > 0 ? a + b : a - b;\n}');
    expect(outcome.status).toBe('failed');
    expect(outcome.results.map((result) => [result.id, result.status, result.expected, result.got])).toEqual([
      ['small', 'passed', '3', '3'],
      ['negative', 'failed', '-3', '-5'],
    ]);
    expect(outcome.results[1]!.call).toBe('add(-4, 1)');
  });

  it('reports a syntax error with its line and column, and TypeScript in JavaScript mode as one', async () => {
    const { outcome } = await run('export function add(a: number, b: number) {\n  return a + ;\n}');
    expect(outcome.status).toBe('problem');
    expect(outcome.problem).toMatchObject({ kind: 'compile', location: { line: 2, column: 14 } });
    expect(outcome.results.every((result) => result.status === 'not-run')).toBe(true);
    const typed = await run('function add(a: number, b: number) { return a + b }', { language: 'javascript' });
    expect(typed.outcome.problem).toMatchObject({ kind: 'compile', location: { line: 1, column: 15 } });
  });

  it('says which function is missing and what it found instead', async () => {
    const { outcome } = await run('export function sum(a: number, b: number) { return a + b; }');
    expect(outcome.problem).toEqual({ kind: 'missing-function', functionName: 'add', found: 'exported: sum' });
    expect((await run('const add = 3;')).outcome.problem).toMatchObject({ kind: 'missing-function', found: 'a number' });
  });

  it('maps a thrown error to the line of the candidate code, after stripped types', async () => {
    const code = ['type Pair = [number, number];', '', 'export function add(a: number, b: number): number {', '  const pair: Pair = [a, b];', "  if (a < 0) throw new RangeError('no negatives');", '  return pair[0] + pair[1];', '}'].join('\n');
    const { outcome } = await run(code);
    expect(outcome.results[1]).toMatchObject({ status: 'error', error: { name: 'RangeError', message: 'no negatives', location: { line: 5, column: null } } });
    const thrownString = await run("export function add() {\n  throw 'nope';\n}");
    expect(thrownString.outcome.results[0]!.error).toEqual({ name: 'Thrown value', message: '"nope"', location: null });
  });

  it('reports a top level that throws, with what it printed', async () => {
    const { outcome } = await run("console.log('starting');\nconst table = null as unknown as number[];\ntable.length;\nexport function add() { return 0; }");
    expect(outcome.problem).toMatchObject({ kind: 'load', error: { name: 'TypeError', location: { line: 3 } }, console: { lines: ['starting'] } });
  });

  it('captures console output per test, bounded', async () => {
    const { outcome } = await run("export function add(a: number, b: number) {\n  console.log('adding', a, b, { a });\n  if (a < 0) for (let i = 0; i < 80; i++) console.warn('x'.repeat(2000));\n  return a + b;\n}");
    expect(outcome.results[0]!.console).toEqual({ lines: ['adding 1 2 {a: 1}'], truncated: false });
    const noisy = outcome.results[1]!.console;
    expect(noisy.truncated).toBe(true);
    expect(noisy.lines).toHaveLength(50);
    expect(noisy.lines[1]).toMatch(/^warning: x+…$/);
    expect(noisy.lines[1]).toHaveLength(1_000);
  });

  it('refuses imports with a message that says to write everything in the file', async () => {
    const { outcome } = await run("import { sum } from 'lodash';\nexport function add(a: number, b: number) { return sum([a, b]); }");
    expect(outcome.problem).toMatchObject({ kind: 'load', error: { name: 'ImportsNotAvailableError', message: expect.stringContaining('Write everything you need in this file') } });
    const dynamic = await run("export async function add(a: number, b: number) {\n  const lib = await import('https://example.com/x.js');\n  return lib.add(a, b);\n}");
    expect(dynamic.outcome.results[0]).toMatchObject({ status: 'error', error: { name: 'ImportsNotAvailableError' } });
  });

  it('gives every test its own copy of the inputs', async () => {
    const tests: JudgedTestCase[] = [
      { id: 'one', args: [[3, 1, 2]], expected: [1, 2, 3], compare: 'exact' },
      { id: 'again', args: [[3, 1, 2]], expected: 3, compare: 'exact' },
    ];
    const { outcome } = await run('export function add(list: number[]) { return list.length === 3 && list[0] === 3 ? list.sort() : list[0]; }', { tests });
    expect(outcome.results.map((result) => result.status)).toEqual(['passed', 'failed']);
  });

  it('does not let an uncloneable return value pass', async () => {
    const tests: JudgedTestCase[] = [{ id: 'fn', args: [], expected: {}, compare: 'exact' }];
    const { outcome } = await run('export function add() { return { f() {} }; }', { tests });
    expect(outcome.results[0]).toMatchObject({ status: 'failed', got: '{f: [function f]}' });
  });
});
