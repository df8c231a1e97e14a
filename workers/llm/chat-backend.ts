// What the AI tasks need from a language model, whichever one answers: WebLLM in a worker on this
// device (local/) or a provider behind the sync server (cloud/). Both speak OpenAI's chat format, so
// one prompt and one schema serve both.
// Owns: the model-call contract. Must not import: DOM, Dexie, Comlink, web-llm.
import type { AiTask, ChatMessage } from '../../sync-server/protocol/ai-chat.ts';

export type { AiTask, ChatMessage };

export interface ChatRequest {
  task: AiTask;
  messages: ChatMessage[];
  /** JSON Schema (from our zod schema) the answer must follow; sent as response_format json_schema. */
  jsonSchema: { name: string; schema: Record<string, unknown> };
  /** 0 for deterministic tasks (a cloud answer may then come from the server's cache). */
  temperature: number;
  maxTokens: number;
}

export interface ChatCallOptions {
  signal?: AbortSignal;
  /** Called with the whole text so far each time tokens arrive; a restart passes a shorter text. */
  onText?: (textSoFar: string) => void;
}

/** Why a backend could not answer, in words for the candidate, with whether another try may work. */
export class ChatBackendError extends Error {
  override name = 'ChatBackendError';
  constructor(
    message: string,
    readonly code: 'unavailable' | 'rate-limited' | 'network' | 'device-lost' | 'aborted' | 'bad-response',
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface ChatBackend {
  readonly kind: 'local' | 'cloud';
  /** The model's raw text answer (expected to be JSON); validation is the caller's job. */
  complete(request: ChatRequest, options?: ChatCallOptions): Promise<string>;
}
