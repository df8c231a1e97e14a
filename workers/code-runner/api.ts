// The contract between the page and the code-runner worker: what a run asks for, and the messages the
// worker sends back while it runs. Both sides parse what they receive with these schemas.
// The worker only runs code and reports raw values; the page judges them (judge.ts), so candidate
// code, which shares the worker's realm, cannot tamper with the comparison.
// Owns: the runner protocol. Must not import: DOM, Dexie, Solid, sucrase (the page imports this).
import { z } from 'zod';

export const RUNNER_PROTOCOL_VERSION = 1;

/** Candidate code is capped well above any challenge's size; more is almost certainly a paste accident. */
export const MAX_CODE_CHARS = 100_000;

export const CODE_LANGUAGES = ['typescript', 'javascript'] as const;
export const codeLanguage = z.enum(CODE_LANGUAGES);
export type CodeLanguage = z.infer<typeof codeLanguage>;

/** A JavaScript identifier the tests call, e.g. `twoSum`. */
export const functionName = z.string().regex(/^[A-Za-z_$][\w$]*$/, 'a JavaScript identifier such as twoSum');

/** How a returned value is compared with the expected one. `unordered`: the top-level array's order does not matter. */
export const COMPARISONS = ['exact', 'unordered'] as const;
export const comparison = z.enum(COMPARISONS);
export type Comparison = z.infer<typeof comparison>;

/** JSON values: what a catalogue can hold for inputs and expected outputs. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

export const runTestCase = z.object({
  id: z.string().min(1).max(80),
  /** The arguments the function is called with, in order. */
  args: z.array(jsonValue).max(20),
});
export type RunTestCase = z.infer<typeof runTestCase>;

export const runRequest = z.object({
  v: z.literal(RUNNER_PROTOCOL_VERSION),
  type: z.literal('run'),
  code: z.string().max(MAX_CODE_CHARS),
  language: codeLanguage,
  functionName,
  tests: z.array(runTestCase).min(1).max(100),
});
export type RunRequest = z.infer<typeof runRequest>;

/** Where in the candidate's code something went wrong: 1-based, as an editor shows it. */
export const codeLocation = z.object({ line: z.number().int().min(1), column: z.number().int().min(1).nullable() });
export type CodeLocation = z.infer<typeof codeLocation>;

export const thrownError = z.object({
  name: z.string().max(200),
  message: z.string().max(2_000),
  location: codeLocation.nullable(),
});
export type ThrownError = z.infer<typeof thrownError>;

/** What the function returned, as the worker could pass it on. */
export const returnedValue = z.discriminatedUnion('kind', [
  /** Structured-cloned: the page compares the value itself. */
  z.object({ kind: z.literal('value'), value: z.unknown(), display: z.string().max(4_000) }),
  /** Functions, symbols and the like cannot be cloned: only their description crosses. */
  z.object({ kind: z.literal('uncloneable'), display: z.string().max(4_000) }),
]);
export type ReturnedValue = z.infer<typeof returnedValue>;

export const consoleOutput = z.object({
  lines: z.array(z.string().max(1_000)).max(50),
  /** More was printed than is kept. */
  truncated: z.boolean(),
});
export type ConsoleOutput = z.infer<typeof consoleOutput>;

export const testRun = z.object({
  index: z.number().int().min(0),
  outcome: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('returned'), returned: returnedValue }),
    z.object({ kind: z.literal('threw'), error: thrownError }),
  ]),
  console: consoleOutput,
  durationMs: z.number().min(0),
});
export type TestRun = z.infer<typeof testRun>;

/** The code could not run at all. `compile`: a syntax error; `load`: its top level threw; `missing-function`: no function by that name. */
export const codeProblem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('compile'), message: z.string().max(2_000), location: codeLocation.nullable() }),
  z.object({ kind: z.literal('load'), error: thrownError, console: consoleOutput }),
  z.object({ kind: z.literal('missing-function'), functionName, found: z.string().max(200) }),
]);
export type CodeProblem = z.infer<typeof codeProblem>;

export const workerMessage = z.discriminatedUnion('type', [
  /** Compiled: from here on the candidate's code runs, and the time limit counts. */
  z.object({ type: z.literal('compiled') }),
  z.object({ type: z.literal('test-started'), index: z.number().int().min(0) }),
  z.object({ type: z.literal('test-finished'), run: testRun }),
  z.object({ type: z.literal('problem'), problem: codeProblem }),
  z.object({ type: z.literal('finished') }),
  /** The runner itself failed: a request it could not read, or a browser where it cannot lock itself down. Not the candidate's doing. */
  z.object({ type: z.literal('runner-error'), message: z.string().max(4_000) }),
]);
export type WorkerMessage = z.infer<typeof workerMessage>;
