// Reads a text/event-stream body event by event, for tests of SSE routes (in-process app.request or a
// real server's fetch). Comment lines (heartbeats) are counted apart from events.
export interface SseEvent {
  event: string;
  data: string;
}

export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';
  comments = 0;

  constructor(body: ReadableStream<Uint8Array>) {
    this.#reader = body.getReader();
  }

  /** The next event; rejects when the stream ends first or after `timeoutMs` (a test that cannot hang). */
  async next(timeoutMs = 10_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        const lines = block.split('\n');
        if (lines.every((line) => line.startsWith(':'))) {
          this.comments++;
          continue;
        }
        const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim() ?? 'message';
        const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).replace(/^ /, '')).join('\n');
        return { event, data };
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No SSE event within ${timeoutMs} ms; received so far: ${JSON.stringify(this.#buffer)}`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        this.#reader.read(),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`No SSE event within ${timeoutMs} ms`)), left))),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('The SSE stream ended before the next event.');
      this.#buffer += this.#decoder.decode(chunk.value, { stream: true });
    }
  }

  async close(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
  }
}
