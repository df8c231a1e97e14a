// A ChatBackend that answers from a script, for unit tests of the tasks. No language model can run
// where these tests run (no weights, no GPU), so the model's side is played by the test; what only a
// real model can show (how well it follows the prompts) is listed in ARCHITECTURE.md.
import type { ChatBackend, ChatRequest } from '../../chat-backend.ts';

export interface ScriptedBackend extends ChatBackend {
  requests: ChatRequest[];
}

export function scriptedBackend(answer: (request: ChatRequest, call: number) => string | Error, kind: ChatBackend['kind'] = 'cloud'): ScriptedBackend {
  const requests: ChatRequest[] = [];
  return {
    kind,
    requests,
    async complete(request, options) {
      requests.push(structuredClone(request));
      const reply = answer(request, requests.length);
      if (reply instanceof Error) throw reply;
      options?.onText?.(reply);
      return reply;
    },
  };
}

/** The whole prompt as one string, for assertions. */
export function promptText(request: ChatRequest): string {
  return request.messages.map((message) => `[${message.role}] ${message.content}`).join('\n');
}
