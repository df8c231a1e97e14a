// Runs a candidate's code against test inputs: TypeScript types stripped with sucrase, the module
// evaluated with `new Function`, then the named function called once per test, with console output
// captured (bounded) and thrown errors mapped to lines of the candidate's own code. It reports raw
// results as protocol messages; the page judges them (judge.ts).
// It has no time limit and no sandbox of its own: the worker (code-runner.worker.ts) locks its
// globals down before `beforeEvaluate` returns, and the page terminates the worker at the time limit.
// Node tests run it in-process, with the catalogue's reference solutions.
// Owns: compile, evaluate, call, capture. Must not import: DOM, Dexie, Solid.
import { transform } from 'sucrase';
import type { CodeLocation, ConsoleOutput, ReturnedValue, RunRequest, TestRun, ThrownError, WorkerMessage } from './api.ts';
import { formatValue } from './format-value.ts';

/** Shown in stack traces, so a frame of the candidate's code can be told from the runner's. */
const SOURCE_URL = 'candidate-code.js';
const MAX_CONSOLE_LINES = 50;
const MAX_CONSOLE_LINE_CHARS = 1_000;
const MAX_DISPLAY_CHARS = 4_000;

// Taken before any candidate code runs, which could replace the globals.
const clone = globalThis.structuredClone.bind(globalThis);
const now = performance.now.bind(performance);
const OriginalFunction = Function;

export class ImportsNotAvailableError extends Error {
  override name = 'ImportsNotAvailableError';
  constructor(specifier: string) {
    super(`"${specifier}" cannot be imported here: challenges run your code on its own, without packages or other files. Write everything you need in this file.`);
  }
}

interface Evaluated {
  exports: Record<string, unknown>;
  named: unknown;
  namedType: string;
}

type Emit = (message: WorkerMessage) => void;

export interface RunCandidateOptions {
  /** Called after compiling, right before the candidate's code first runs: the worker locks its globals here. */
  beforeEvaluate?: () => void;
}

/** Runs `request` to the end, emitting every message; resolves once `finished` or `problem` is emitted. */
export async function runCandidate(request: RunRequest, emit: Emit, options: RunCandidateOptions = {}): Promise<void> {
  const compiled = compile(request);
  if (!compiled.ok) {
    emit({ type: 'problem', problem: { kind: 'compile', message: compiled.message, location: compiled.location } });
    return;
  }
  const lineOffset = measureLineOffset();
  options.beforeEvaluate?.();
  emit({ type: 'compiled' });

  const capture = new ConsoleCapture();
  let evaluated: Evaluated;
  try {
    evaluated = compiled.module({}, requireNothing, capture.console) as Evaluated;
  } catch (error) {
    emit({ type: 'problem', problem: { kind: 'load', error: describeThrown(error, lineOffset), console: capture.take() } });
    return;
  }
  const exported = evaluated.exports[request.functionName];
  const target = typeof exported === 'function' ? exported : evaluated.named;
  if (typeof target !== 'function') {
    emit({ type: 'problem', problem: { kind: 'missing-function', functionName: request.functionName, found: describeFound(evaluated) } });
    return;
  }

  for (const [index, test] of request.tests.entries()) {
    emit({ type: 'test-started', index });
    capture.take();
    const started = now();
    let outcome: TestRun['outcome'];
    try {
      let value: unknown = (target as (...args: unknown[]) => unknown)(...clone(test.args));
      if (isThenable(value)) value = await value;
      outcome = { kind: 'returned', returned: toReturned(value) };
    } catch (error) {
      outcome = { kind: 'threw', error: describeThrown(error, lineOffset) };
    }
    emit({ type: 'test-finished', run: { index, outcome, console: capture.take(), durationMs: Math.max(0, now() - started) } });
  }
  emit({ type: 'finished' });
}

type Compiled =
  | { ok: true; module: (exports: Record<string, unknown>, require: (specifier: string) => never, console: Partial<Console>) => unknown }
  | { ok: false; message: string; location: CodeLocation | null };

function compile(request: RunRequest): Compiled {
  let code: string;
  try {
    // `imports` turns `export function f` into `exports.f = f` (and `import` into a `require` that
    // refuses), so the module can be evaluated as a function body. Line numbers are kept as written.
    code = transform(request.code, {
      transforms: request.language === 'typescript' ? ['typescript', 'imports'] : ['imports'],
      disableESTransforms: true,
    }).code;
  } catch (error) {
    // Sucrase's `loc` is 1-based for both line and column.
    const loc = (error as { loc?: { line?: unknown; column?: unknown } }).loc;
    const message = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
    const location = loc && typeof loc.line === 'number' ? { line: Math.max(1, loc.line), column: typeof loc.column === 'number' ? Math.max(1, loc.column) : null } : null;
    return { ok: false, message, location };
  }
  const name = request.functionName;
  const body = `${code}\n;return { exports, named: typeof ${name} === 'function' ? ${name} : undefined, namedType: typeof ${name} };\n//# sourceURL=${SOURCE_URL}`;
  try {
    return { ok: true, module: new OriginalFunction('exports', 'require', 'console', body) as Extract<Compiled, { ok: true }>['module'] };
  } catch (error) {
    // Sucrase accepts a few things the engine does not (e.g. `await` outside an async function).
    return { ok: false, message: error instanceof Error ? error.message : String(error), location: null };
  }
}

function requireNothing(specifier: string): never {
  throw new ImportsNotAvailableError(String(specifier));
}

/** How many lines the engine puts before a Function body, so stack lines map to the candidate's lines. */
function measureLineOffset(): number {
  try {
    new OriginalFunction(`throw new Error('probe');\n//# sourceURL=${SOURCE_URL}`)();
  } catch (error) {
    const line = candidateFrame(error)?.line;
    if (line !== undefined) return line - 1;
  }
  return 0;
}

function candidateFrame(error: unknown): { line: number; column: number } | undefined {
  const stack = typeof error === 'object' && error !== null ? (error as { stack?: unknown }).stack : undefined;
  if (typeof stack !== 'string') return undefined;
  const match = new RegExp(`${SOURCE_URL.replace(/\./g, '\\.')}:(\\d+):(\\d+)`).exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

function describeThrown(error: unknown, lineOffset: number): ThrownError {
  const frame = candidateFrame(error);
  const line = frame ? frame.line - lineOffset : 0;
  // Columns are left out: stripping types moves them, lines stay where they were written.
  const location = line >= 1 ? { line, column: null } : null;
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { name: clip(String(name ?? 'Error'), 200), message: clip(String(message ?? ''), 2_000), location };
  }
  return { name: 'Thrown value', message: formatValue(error, { maxLength: 2_000 }), location };
}

function describeFound(evaluated: Evaluated): string {
  if (evaluated.namedType !== 'undefined') return clip(`a ${evaluated.namedType}`, 200);
  const functions = Object.keys(evaluated.exports).filter((key) => key !== '__esModule' && typeof evaluated.exports[key] === 'function');
  return clip(functions.length ? `exported: ${functions.join(', ')}` : 'nothing', 200);
}

function toReturned(value: unknown): ReturnedValue {
  const display = formatValue(value, { maxLength: MAX_DISPLAY_CHARS });
  try {
    return { kind: 'value', value: clone(value), display };
  } catch {
    return { kind: 'uncloneable', display };
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** console.log and friends, kept per test and bounded, so a chatty loop cannot flood the page. */
class ConsoleCapture {
  private lines: string[] = [];
  private truncated = false;
  readonly console: Partial<Console>;

  constructor() {
    const write = (prefix: string) => (...args: unknown[]) => this.write(prefix, args);
    this.console = { log: write(''), info: write(''), debug: write(''), warn: write('warning: '), error: write('error: '), table: write(''), dir: write('') };
  }

  private write(prefix: string, args: unknown[]): void {
    if (this.lines.length >= MAX_CONSOLE_LINES) {
      this.truncated = true;
      return;
    }
    const text = prefix + args.map((arg) => (typeof arg === 'string' ? arg : formatValue(arg, { maxLength: MAX_CONSOLE_LINE_CHARS }))).join(' ');
    if (text.length > MAX_CONSOLE_LINE_CHARS) this.truncated = true;
    this.lines.push(clip(text, MAX_CONSOLE_LINE_CHARS));
  }

  /** What was printed since the last call. */
  take(): ConsoleOutput {
    const output = { lines: this.lines, truncated: this.truncated };
    this.lines = [];
    this.truncated = false;
    return output;
  }
}
