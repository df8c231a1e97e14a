import { describe, expect, it } from 'vitest';
import { readSseData } from './sse-data.ts';

function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

async function collect(parts: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const data of readSseData(streamOf(parts))) out.push(data);
  return out;
}

describe('readSseData', () => {
  it('joins events split across reads and skips comments and other fields', async () => {
    expect(await collect(['da', 'ta: {"a":', '1}\n', '\n: keep-alive\n\nevent: x\nid: 3\ndata: two\n\ndata: [DONE]\n\n'])).toEqual(['{"a":1}', 'two', '[DONE]']);
  });

  it('handles CRLF, multi-line data, a multi-byte character split across reads, and a last event without a blank line', async () => {
    const encoder = new TextEncoder();
    const euro = encoder.encode('€');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('data: line one\r\ndata: line two\r\n\r\n'));
        controller.enqueue(encoder.encode('data: 5'));
        controller.enqueue(euro.slice(0, 1));
        controller.enqueue(euro.slice(1));
        controller.close();
      },
    });
    const out: string[] = [];
    for await (const data of readSseData(stream)) out.push(data);
    expect(out).toEqual(['line one\nline two', '5€']);
  });
});
