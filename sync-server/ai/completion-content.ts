// The answer's text, whichever way it arrived. Owns: assembling streamed chunks into one completion
// (for the cache and for coalesced callers), turning a whole completion back into one chunk (to serve a
// cached answer on a stream), and the "must be JSON" check of JSON response formats.
import type { ChatCompletionChunk, ChatCompletionRequest, ChatCompletionResponse } from '../protocol/ai-chat.ts';

export function contentOf(completion: ChatCompletionResponse): string {
  return completion.choices[0]?.message.content ?? '';
}

/** A JSON response format promises JSON content: anything else is a malformed answer. */
export function requiresJsonContent(request: Pick<ChatCompletionRequest, 'response_format'>): boolean {
  const type = request.response_format?.type;
  return type === 'json_object' || type === 'json_schema';
}

export function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Accumulates the first choice of a stream, so the same answer can be cached and replayed. */
export class ChunkAssembler {
  #first: ChatCompletionChunk | null = null;
  #content = '';
  #finishReason: string | null = null;

  add(chunk: ChatCompletionChunk): void {
    this.#first ??= chunk;
    const choice = chunk.choices.find((candidate) => candidate.index === 0);
    if (!choice) return;
    if (choice.delta.content) this.#content += choice.delta.content;
    if (choice.finish_reason) this.#finishReason = choice.finish_reason;
  }

  get content(): string {
    return this.#content;
  }

  get sawFinish(): boolean {
    return this.#finishReason !== null;
  }

  completion(): ChatCompletionResponse {
    return {
      id: this.#first?.id ?? 'chatcmpl-assembled',
      object: 'chat.completion',
      created: this.#first?.created ?? Math.floor(Date.now() / 1000),
      model: this.#first?.model ?? 'unknown',
      choices: [{ index: 0, message: { role: 'assistant', content: this.#content }, finish_reason: this.#finishReason ?? 'stop' }],
    };
  }
}

/** A whole answer as a single stream chunk: how a cached or coalesced answer is streamed. */
export function completionAsChunk(completion: ChatCompletionResponse): ChatCompletionChunk {
  const choice = completion.choices[0];
  return {
    id: completion.id,
    object: 'chat.completion.chunk',
    created: completion.created,
    model: completion.model,
    choices: [{ index: 0, delta: { role: 'assistant', content: choice?.message.content ?? '' }, finish_reason: choice?.finish_reason ?? 'stop' }],
  };
}
