// The cloud engine's contract: an OpenAI-compatible subset of chat completions, so a device speaks to
// the sync server exactly as it would to a provider, and the server can forward it unchanged.
// Keys, provider names and base URLs never appear here: they stay on the server.
import { z } from 'zod';

/** The largest prompt the gateway forwards: a résumé plus a job description plus instructions. */
export const MAX_CHAT_MESSAGE_CHARS = 60_000;
export const MAX_CHAT_MESSAGES = 24;
export const MAX_CHAT_OUTPUT_TOKENS = 4_096;

export const AI_TASKS = ['resume-analysis', 'question-plan', 'follow-up', 'answer-scoring', 'interview-summary'] as const;
export const aiTask = z.enum(AI_TASKS);
export type AiTask = z.infer<typeof aiTask>;

export const chatMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(MAX_CHAT_MESSAGE_CHARS),
});
export type ChatMessage = z.infer<typeof chatMessage>;

export const responseFormat = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
      schema: z.record(z.string(), z.unknown()),
      strict: z.boolean().optional(),
    }),
  }),
]);
export type ResponseFormat = z.infer<typeof responseFormat>;

export const chatCompletionRequest = z.object({
  /** Ignored: the server's router picks the provider and its model. Accepted for OpenAI clients. */
  model: z.string().max(100).optional(),
  messages: z.array(chatMessage).min(1).max(MAX_CHAT_MESSAGES),
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().min(1).max(MAX_CHAT_OUTPUT_TOKENS).optional(),
  response_format: responseFormat.optional(),
  stream: z.boolean().optional(),
  /** Which AI task this is, for metrics. A request with temperature 0 is deterministic and may be
   * answered from the server's response cache. */
  task: aiTask.optional(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequest>;

/** A non-streamed answer: what OpenAI returns, trimmed to what the client reads. */
export const chatCompletionResponse = z.object({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number(),
  model: z.string(),
  choices: z
    .array(
      z.object({
        index: z.number(),
        message: z.object({ role: z.literal('assistant'), content: z.string().nullable() }),
        finish_reason: z.string().nullable(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }).partial().optional(),
});
export type ChatCompletionResponse = z.infer<typeof chatCompletionResponse>;

/** One `data:` line of a streamed answer (OpenAI's chat.completion.chunk). */
export const chatCompletionChunk = z.object({
  id: z.string(),
  object: z.literal('chat.completion.chunk'),
  created: z.number(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number(),
      delta: z.object({ role: z.string().optional(), content: z.string().nullable().optional() }),
      finish_reason: z.string().nullable().optional(),
    }),
  ),
});
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunk>;

/**
 * Server-sent events on `POST /api/ai/chat` with `stream: true`:
 * - unnamed events carry a `ChatCompletionChunk` as JSON, then a final `data: [DONE]`;
 * - `event: restart` means the provider failed mid-answer and another one starts over: the client
 *   drops the text it has so far. Its data is `{ "reason": string }`;
 * - `event: error` ends the stream; its data is an `ErrorResponse`.
 */
export const CHAT_STREAM_RESTART_EVENT = 'restart';
export const CHAT_STREAM_ERROR_EVENT = 'error';
export const chatStreamRestart = z.object({ reason: z.string() });

/** Response headers of `POST /api/ai/chat`, for the UI's "why" and for the cache benchmark. */
export const AI_CACHE_HEADER = 'x-ib-cache'; // 'hit' | 'miss' | 'coalesced' | 'bypass'

/** The largest request body `POST /api/ai/chat` accepts: room for a long résumé, a job description and
 * the conversation so far, well under the server's general body limit. */
export const MAX_CHAT_REQUEST_BYTES = 512 * 1024;
