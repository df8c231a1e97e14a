import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest, ChatCompletionResponse } from '../protocol/ai-chat.ts';
import { isCacheable, MemoryResponseCache, responseCacheKey } from './response-cache.ts';

const base: ChatCompletionRequest = {
  messages: [
    { role: 'system', content: 'You score answers.' },
    { role: 'user', content: 'I read the logs.' },
  ],
  temperature: 0,
  max_tokens: 200,
  response_format: { type: 'json_schema', json_schema: { name: 'score', schema: { type: 'object', required: ['score'] } } },
};

function completion(content: string): ChatCompletionResponse {
  return { id: 'c1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] };
}

describe('responseCacheKey', () => {
  it('ignores the model, the stream flag and the task, and the key order of the JSON schema', () => {
    const key = responseCacheKey(base);
    expect(responseCacheKey({ ...base, model: 'gpt-x', stream: true, task: 'answer-scoring' })).toBe(key);
    const reordered: ChatCompletionRequest = {
      ...base,
      response_format: { type: 'json_schema', json_schema: { schema: { required: ['score'], type: 'object' }, name: 'score' } },
    };
    expect(responseCacheKey(reordered)).toBe(key);
  });

  it('tells apart requests that can give different answers', () => {
    const key = responseCacheKey(base);
    const variants: ChatCompletionRequest[] = [
      { ...base, messages: [...base.messages, { role: 'user', content: 'More.' }] },
      { ...base, messages: [{ role: 'user', content: 'You score answers.' }, base.messages[1]!] },
      { ...base, max_tokens: 201 },
      { ...base, response_format: { type: 'json_object' } },
      { ...base, response_format: undefined },
    ];
    const keys = new Set(variants.map(responseCacheKey));
    expect(keys.size).toBe(variants.length);
    expect(keys.has(key)).toBe(false);
  });

  it('caches only temperature 0', () => {
    expect(isCacheable(base)).toBe(true);
    expect(isCacheable({ ...base, temperature: 0.1 })).toBe(false);
    expect(isCacheable({ ...base, temperature: undefined })).toBe(false);
  });
});

describe('MemoryResponseCache', () => {
  function cache(maxEntries: number, ttlMs = 60_000) {
    let now = 0;
    return { cache: new MemoryResponseCache({ maxEntries, ttlMs, clock: () => now }), advance: (ms: number) => (now += ms) };
  }

  it('evicts the least recently used entry when full', async () => {
    const { cache: lru } = cache(2);
    await lru.set('a', completion('A'));
    await lru.set('b', completion('B'));
    await lru.get('a');
    await lru.set('c', completion('C'));
    expect(await lru.get('b')).toBeUndefined();
    expect((await lru.get('a'))?.choices[0]?.message.content).toBe('A');
    expect((await lru.get('c'))?.choices[0]?.message.content).toBe('C');
    expect(lru.size).toBe(2);
  });

  it('forgets entries after their time-to-live', async () => {
    const { cache: lru, advance } = cache(10, 1_000);
    await lru.set('a', completion('A'));
    advance(999);
    expect(await lru.get('a')).toBeDefined();
    advance(1);
    expect(await lru.get('a')).toBeUndefined();
    expect(lru.size).toBe(0);
  });

  it('hands out copies, so a caller changing its answer does not change the cache', async () => {
    const { cache: lru } = cache(10);
    const original = completion('A');
    await lru.set('a', original);
    original.choices[0]!.message.content = 'changed';
    const first = (await lru.get('a'))!;
    first.choices[0]!.message.content = 'changed again';
    expect((await lru.get('a'))?.choices[0]?.message.content).toBe('A');
  });

  it('stores nothing with maxEntries 0', async () => {
    const { cache: lru } = cache(0);
    await lru.set('a', completion('A'));
    expect(await lru.get('a')).toBeUndefined();
  });
});
