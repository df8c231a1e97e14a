import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChatBackendError, type ChatBackend } from '../chat-backend.ts';
import { lenientInt } from './lenient-fields.ts';
import { runTask, TaskFailedError, type TaskDefinition } from './run-task.ts';
import { scriptedBackend } from './test-support/scripted-backend.ts';

const TASK: TaskDefinition<{ n: number }> = { task: 'follow-up', schemaName: 'n', schema: z.object({ n: z.number() }), temperature: 0, maxTokens: 50 };
const MESSAGES = [{ role: 'user' as const, content: 'give n' }];

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

describe('runTask', () => {
  it('sends the task, settings and the JSON schema made from the zod schema', async () => {
    const backend = scriptedBackend(() => '{"n": 1}');
    await expect(runTask(backend, TASK, MESSAGES)).resolves.toEqual({ n: 1 });
    expect(backend.requests[0]).toMatchObject({ task: 'follow-up', temperature: 0, maxTokens: 50, messages: MESSAGES });
    expect(backend.requests[0]!.jsonSchema).toMatchObject({ name: 'n', schema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] } });
  });

  it('tells the model what is wanted, while reading its answer leniently', async () => {
    const lenient: TaskDefinition<{ score: number }> = { ...TASK, schemaName: 's', schema: z.object({ score: lenientInt(1, 5) }) };
    const backend = scriptedBackend(() => 'Score: ```json\n{"score": "7/5",}\n```');
    await expect(runTask(backend, lenient, MESSAGES)).resolves.toEqual({ score: 5 });
    expect(backend.requests[0]!.jsonSchema.schema).toMatchObject({ properties: { score: { type: 'integer', minimum: 1, maximum: 5 } } });
  });

  it('re-asks with its own bad answer and the problems listed, then accepts a repaired answer', async () => {
    const backend = scriptedBackend((_request, call) => (call === 1 ? '{"n": "one"}' : '{"n": 1}'));
    await expect(runTask(backend, TASK, MESSAGES)).resolves.toEqual({ n: 1 });
    const retry = backend.requests[1]!.messages;
    expect(retry).toHaveLength(3);
    expect(retry[0]).toEqual(MESSAGES[0]);
    expect(retry[1]).toEqual({ role: 'assistant', content: '{"n": "one"}' });
    expect(retry[2]!.role).toBe('user');
    expect(retry[2]!.content).toMatch(/^That answer could not be used:\n- n: .*expected number/i);
  });

  it('keeps only the latest repair exchange, so the prompt does not grow', async () => {
    const backend = scriptedBackend((_request, call) => (call < 3 ? `{"n": "bad ${call}"}` : '{"n": 3}'));
    await expect(runTask(backend, TASK, MESSAGES)).resolves.toEqual({ n: 3 });
    expect(backend.requests[2]!.messages).toHaveLength(3);
    expect(backend.requests[2]!.messages[1]!.content).toBe('{"n": "bad 2"}');
  });

  it('gives up after the attempt limit with a TaskFailedError that says why', async () => {
    const backend = scriptedBackend(() => 'not json at all');
    const error = await failureOf(runTask(backend, TASK, MESSAGES, { maxAttempts: 2 }));
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).toMatchObject({ task: 'follow-up', attempts: 2, problem: 'The answer contains no JSON object.' });
    expect((error as TaskFailedError).message).toMatch(/after 2 tries: The answer contains no JSON object/);
    expect(backend.requests).toHaveLength(2);
  });

  it('tries three times by default', async () => {
    const backend = scriptedBackend(() => '{"n": null}');
    await expect(runTask(backend, TASK, MESSAGES)).rejects.toBeInstanceOf(TaskFailedError);
    expect(backend.requests).toHaveLength(3);
  });

  it('retries a retryable backend error within the limit, and passes the last one on', async () => {
    const flaky = scriptedBackend((_r, call) => (call === 1 ? new ChatBackendError('dropped', 'network', true) : '{"n": 2}'));
    await expect(runTask(flaky, TASK, MESSAGES)).resolves.toEqual({ n: 2 });
    // A retry after a dropped connection asks the same question again.
    expect(flaky.requests[1]!.messages).toEqual(MESSAGES);

    const down = scriptedBackend(() => new ChatBackendError('still down', 'network', true));
    await expect(runTask(down, TASK, MESSAGES)).rejects.toThrow('still down');
    expect(down.requests).toHaveLength(3);
  });

  it('stops at once on a backend error that says another try cannot help', async () => {
    const limited = scriptedBackend(() => new ChatBackendError('over the limit', 'rate-limited', false));
    await expect(runTask(limited, TASK, MESSAGES)).rejects.toThrow('over the limit');
    expect(limited.requests).toHaveLength(1);
  });

  it('does not start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const never = scriptedBackend(() => '{"n": 3}');
    await expect(runTask(never, TASK, MESSAGES, { signal: controller.signal })).rejects.toThrow();
    expect(never.requests).toHaveLength(0);
  });

  it('passes an abort during the call on at once, never retrying it, even when marked retryable', async () => {
    const controller = new AbortController();
    const stopped = scriptedBackend(() => {
      controller.abort();
      return new ChatBackendError('Stopped.', 'aborted', true);
    });
    await expect(runTask(stopped, TASK, MESSAGES, { signal: controller.signal })).rejects.toThrow('Stopped.');
    expect(stopped.requests).toHaveLength(1);

    // An abort error from the runtime itself (not a ChatBackendError) is passed on as well.
    const domAbort = scriptedBackend(() => new DOMException('The operation was aborted.', 'AbortError'));
    await expect(runTask(domAbort, TASK, MESSAGES)).rejects.toMatchObject({ name: 'AbortError' });
    expect(domAbort.requests).toHaveLength(1);
  });

  it('does not re-ask after an abort that arrives with a bad answer', async () => {
    const controller = new AbortController();
    const backend: ChatBackend & { calls: number } = {
      kind: 'local',
      calls: 0,
      async complete() {
        this.calls++;
        controller.abort();
        return 'not json';
      },
    };
    await expect(runTask(backend, TASK, MESSAGES, { signal: controller.signal })).rejects.toThrow();
    expect(backend.calls).toBe(1);
  });

  it('streams the text to onText', async () => {
    const seen: string[] = [];
    await runTask(scriptedBackend(() => '{"n": 4}'), TASK, MESSAGES, { onText: (text) => seen.push(text) });
    expect(seen).toEqual(['{"n": 4}']);
  });
});
