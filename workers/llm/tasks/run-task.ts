// Runs one AI task on a model: ask, parse, validate against the task's zod schema, and on a bad
// answer ask again with the problems listed, up to a limit. After that the caller falls back.
// An abort stops everything at once; a backend error that says another try cannot help stops the
// retries at once; a backend error that may pass (a dropped connection) costs one attempt.
// Owns: the ask/validate/repair loop. Must not import: DOM, Dexie, web-llm.
import { z } from 'zod';
import { ChatBackendError, type AiTask, type ChatBackend, type ChatCallOptions, type ChatMessage } from '../chat-backend.ts';
import { parseJsonAnswer } from './json-answer.ts';

export const DEFAULT_MAX_ATTEMPTS = 3;
/** How many validation problems a repair request lists; more would drown the model. */
const MAX_LISTED_PROBLEMS = 6;
/** The model's bad answer is shown back to it; a runaway answer is cut to this. */
const MAX_ECHOED_CHARS = 8_000;

export class TaskFailedError extends Error {
  override name = 'TaskFailedError';
  constructor(
    readonly task: AiTask,
    readonly attempts: number,
    /** The last problem, in plain words. */
    readonly problem: string,
  ) {
    super(`The model's answer to "${task}" was still unusable after ${attempts} ${attempts === 1 ? 'try' : 'tries'}: ${problem}`);
  }
}

export interface TaskDefinition<Output> {
  task: AiTask;
  /** The JSON schema's name in response_format: letters, digits, _ and - only. */
  schemaName: string;
  /** What the model must return; lenient where code clamps afterwards. */
  schema: z.ZodType<Output>;
  temperature: number;
  maxTokens: number;
}

export interface RunTaskOptions extends ChatCallOptions {
  /** Tries in all, the first included. */
  maxAttempts?: number;
}

/** The JSON schema sent with every request: what the model is told, not how leniently it is read. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export async function runTask<Output>(backend: ChatBackend, definition: TaskDefinition<Output>, messages: readonly ChatMessage[], options: RunTaskOptions = {}): Promise<Output> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const jsonSchema = { name: definition.schemaName, schema: jsonSchemaOf(definition.schema) };
  let conversation = [...messages];
  let problem = 'no answer';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    options.signal?.throwIfAborted();
    let text: string;
    try {
      text = await backend.complete(
        { task: definition.task, messages: conversation, jsonSchema, temperature: definition.temperature, maxTokens: definition.maxTokens },
        { signal: options.signal, onText: options.onText },
      );
    } catch (error) {
      if (options.signal?.aborted || !(error instanceof ChatBackendError) || error.code === 'aborted' || !error.retryable || attempt === maxAttempts) throw error;
      problem = error.message;
      continue;
    }
    const outcome = validate(text, definition.schema);
    if (outcome.ok) return outcome.value;
    problem = outcome.problems.join('; ');
    // Show the model its own answer and what was wrong with it: cheaper than starting over. Only the
    // latest exchange is kept, so the prompt does not grow with every try.
    conversation = [...messages, { role: 'assistant', content: text.slice(0, MAX_ECHOED_CHARS) }, { role: 'user', content: repairRequest(outcome.problems) }];
  }
  throw new TaskFailedError(definition.task, maxAttempts, problem);
}

export function repairRequest(problems: readonly string[]): string {
  return [
    'That answer could not be used:',
    ...problems.map((problem) => `- ${problem}`),
    'Reply again with only the corrected JSON object, following the schema. Keep everything that was right.',
  ].join('\n');
}

type Validation<Output> = { ok: true; value: Output } | { ok: false; problems: string[] };

function validate<Output>(text: string, schema: z.ZodType<Output>): Validation<Output> {
  let json: unknown;
  try {
    json = parseJsonAnswer(text);
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.slice(0, MAX_LISTED_PROBLEMS).map((issue) => `${issue.path.join('.') || 'the answer'}: ${issue.message}`);
  return { ok: false, problems };
}
