import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './sse-lines.ts';

function streamOf(...pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const events = [];
  for await (const event of readServerSentEvents(stream)) events.push(event);
  return events;
}

describe('readServerSentEvents', () => {
  it('reassembles events split across network chunks, including a split multi-byte character', async () => {
    const bytes = new TextEncoder().encode('data: {"a":"café"}\n\nevent: restart\ndata: {"reason":"x"}\n\ndata: [DONE]\n\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside "é"
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut, cut + 7));
        controller.enqueue(bytes.slice(cut + 7));
        controller.close();
      },
    });
    expect(await collect(stream)).toEqual([
      { event: 'message', data: '{"a":"café"}' },
      { event: 'restart', data: '{"reason":"x"}' },
      { event: 'message', data: '[DONE]' },
    ]);
  });

  it('handles CRLF line ends, comments and a last event without a blank line', async () => {
    expect(await collect(streamOf(': keep-alive\r\n\r\ndata: one\r\ndata: two\r\n\r\n', 'data: last'))).toEqual([
      { event: 'message', data: 'one\ntwo' },
      { event: 'message', data: 'last' },
    ]);
  });
});
