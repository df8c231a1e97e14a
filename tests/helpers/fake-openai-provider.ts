// A stand-in for a cloud LLM provider: a real HTTP server on 127.0.0.1 speaking OpenAI's
// chat-completions protocol (POST /v1/chat/completions, JSON or SSE), with switchable failure modes.
// It is the only test double allowed for the AI gateway, so server tests, the end-to-end test and the
// benchmark all exercise the real HTTP client code against it. Nothing here reaches the internet.
//
//   const provider = await startFakeOpenAiProvider({ apiKey: 'sk-test' });
//   // configure the gateway with { baseUrl: provider.url, apiKey: 'sk-test', ... }
//   provider.setMode('rate-limited');
//   expect(provider.requests).toHaveLength(1);
//   await provider.close();
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * - `ok`: answers with `respond(body)` (default: a small JSON object echoing the last message);
 * - `rate-limited`: 429 with `Retry-After: retryAfterSeconds`;
 * - `server-error`: 500;
 * - `hang`: reads the request and never answers;
 * - `broken-json`: a well-formed completion whose content is truncated JSON;
 * - `hang-mid-stream`: sends part of the answer (some SSE chunks, or half the JSON body) and stalls;
 * - `not-json`: 200 with an HTML page instead of JSON or SSE;
 * - `no-choices`: 200 with a completion (or chunk) that has no `choices`.
 */
export type FakeProviderMode = 'ok' | 'rate-limited' | 'server-error' | 'hang' | 'broken-json' | 'hang-mid-stream' | 'not-json' | 'no-choices';

/** A request body as the provider received it (OpenAI's chat-completions request). */
export interface FakeChatRequestBody {
  model?: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  temperature?: number;
  max_tokens?: number;
  response_format?: { type: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface FakeOpenAiProviderOptions {
  /** The key callers must send as `Authorization: Bearer <key>`; others get a 401. Default 'fake-key'. */
  apiKey?: string;
  mode?: FakeProviderMode;
  /** The answer's text in `ok` mode. */
  respond?: (body: FakeChatRequestBody) => string;
  /** The `model` reported in answers. Default 'fake-model'. */
  model?: string;
  /** Retry-After of `rate-limited` answers, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Wait before answering at all (status line included), like a slow provider. Default 0. */
  delayMs?: number;
  /** How many content deltas a streamed answer is split into. Default 4. */
  streamChunks?: number;
  /** Pause between streamed chunks. Default 0 (each chunk still goes out in its own write). */
  chunkIntervalMs?: number;
}

export interface FakeOpenAiProvider {
  /** Base URL ending in /v1, as a provider's `baseUrl`. */
  readonly url: string;
  /** Every request body that reached /v1/chat/completions, in order (with a right key or not). */
  readonly requests: FakeChatRequestBody[];
  readonly mode: FakeProviderMode;
  /** Answers not yet finished or dropped (hanging and stalled ones included): 0 once the caller hung up. */
  readonly openResponses: number;
  /** Answers whose caller hung up before the answer was complete (a stop, a timeout, a dropped line). */
  readonly hungUpEarly: number;
  /** Applies to requests that arrive from now on. */
  setMode(mode: FakeProviderMode): void;
  /** Stops listening and drops open connections, hanging ones included. */
  close(): Promise<void>;
}

export function defaultFakeAnswer(body: FakeChatRequestBody): string {
  const last = body.messages[body.messages.length - 1]?.content ?? '';
  return JSON.stringify({ ok: true, echo: last.slice(0, 80) });
}

export async function startFakeOpenAiProvider(options: FakeOpenAiProviderOptions = {}): Promise<FakeOpenAiProvider> {
  const apiKey = options.apiKey ?? 'fake-key';
  const model = options.model ?? 'fake-model';
  const respond = options.respond ?? defaultFakeAnswer;
  const requests: FakeChatRequestBody[] = [];
  const sockets = new Set<Socket>();
  let mode: FakeProviderMode = options.mode ?? 'ok';
  let counter = 0;
  let openResponses = 0;
  let hungUpEarly = 0;
  // Streams whose whole answer ([DONE] included) was written: a caller may hang up after that.
  const answered = new WeakSet<ServerResponse>();

  const server = createServer((req, res) => {
    openResponses++;
    res.on('close', () => {
      openResponses--;
      if (!res.writableFinished && !answered.has(res)) hungUpEarly++;
    });
    void handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return sendJson(res, 404, { error: { message: `Unknown path ${req.method} ${req.url}`, type: 'invalid_request_error' } });
    }
    const text = await readBody(req);
    let body: FakeChatRequestBody;
    try {
      body = JSON.parse(text) as FakeChatRequestBody;
    } catch {
      return sendJson(res, 400, { error: { message: 'The body is not JSON.', type: 'invalid_request_error' } });
    }
    requests.push(body);
    const current = mode;
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return sendJson(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    if (options.delayMs) await sleep(options.delayMs);
    if (current === 'hang') return;
    if (current === 'rate-limited') {
      res.setHeader('retry-after', String(options.retryAfterSeconds ?? 1));
      return sendJson(res, 429, { error: { message: 'Rate limit reached for requests.', type: 'requests', code: 'rate_limit_exceeded' } });
    }
    if (current === 'server-error') return sendJson(res, 500, { error: { message: 'The server had an error while processing your request.', type: 'server_error' } });
    if (current === 'not-json') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
      return;
    }

    const id = `chatcmpl-fake-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const content = current === 'broken-json' ? truncate(respond(body)) : respond(body);
    if (body.stream) return stream(res, { id, created, content, mode: current });

    const completion =
      current === 'no-choices'
        ? { id, object: 'chat.completion', created, model }
        : {
            id,
            object: 'chat.completion',
            created,
            model,
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          };
    const json = JSON.stringify(completion);
    if (current === 'hang-mid-stream') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(json.slice(0, Math.floor(json.length / 2)));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(json);
  }

  async function stream(res: ServerResponse, answer: { id: string; created: number; content: string; mode: FakeProviderMode }): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
      answer.mode === 'no-choices'
        ? { id: answer.id, object: 'chat.completion.chunk', created: answer.created, model }
        : { id: answer.id, object: 'chat.completion.chunk', created: answer.created, model, choices: [{ index: 0, delta, finish_reason: finishReason }] };
    const send = async (data: unknown) => {
      if (data === '[DONE]') answered.add(res);
      res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
      await (options.chunkIntervalMs ? sleep(options.chunkIntervalMs) : new Promise((resolve) => setImmediate(resolve)));
    };
    const pieces = split(answer.content, options.streamChunks ?? 4);
    await send(chunk({ role: 'assistant', content: '' }, null));
    const stallAfter = answer.mode === 'hang-mid-stream' ? Math.max(1, Math.floor(pieces.length / 2)) : pieces.length;
    for (const piece of pieces.slice(0, stallAfter)) await send(chunk({ content: piece }, null));
    if (answer.mode === 'hang-mid-stream') return;
    await send(chunk({}, 'stop'));
    await send('[DONE]');
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get mode() {
      return mode;
    },
    get openResponses() {
      return openResponses;
    },
    get hungUpEarly() {
      return hungUpEarly;
    },
    setMode(next) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/** Valid JSON cut off in the middle, as a model that ran out of tokens writes it. */
function truncate(content: string): string {
  const cut = content.slice(0, Math.max(1, Math.floor(content.length / 2)));
  return cut === content ? `${content}{` : cut;
}

function split(text: string, parts: number): string[] {
  if (!text) return [];
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, parts)));
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
