// For browser tests: a fetch that passes every request on (to the real server by default) and records
// it with the reply, so a test can check what went over the wire.
export interface RecordedCall {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
  status: number;
  reply: unknown;
}

const realFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

export function recordingFetch(next: typeof fetch = realFetch): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const recorded = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), location.origin);
    const response = await next(input, init);
    calls.push({
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      auth: new Headers(init?.headers).get('authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : null,
      status: response.status,
      reply: await response.clone().json().catch(() => null),
    });
    return response;
  }) as typeof fetch;
  return { fetch: recorded, calls };
}
