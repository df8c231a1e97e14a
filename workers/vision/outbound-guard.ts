// Keeps the vision worker from calling home. MediaPipe Tasks (1.1.0) sends usage logs to
// odml.pa.googleapis.com from inside the task, with no option to turn them off; they carry no
// frames, but they tell a third party that this candidate used the camera, and the app promises
// that nothing leaves the device except to the organisation. So the worker's fetch refuses every
// origin but the ones the model and runtime come from, and the refusal is what MediaPipe's logger
// sees as a failed send (after which it stops trying).
// Owns: the worker's allowed origins. Must not import: MediaPipe (this must be in place first).

const allowed = new Set<string>([self.location.origin]);
const refused: string[] = [];
const originalFetch = self.fetch.bind(self);

/** Lets `urls`' origins through as well (the model mirror, or the public model host). */
export function allowOrigins(...urls: string[]): void {
  for (const url of urls) allowed.add(new URL(url, self.location.href).origin);
}

/** URLs the worker tried to reach and was refused, for tests and support screens. */
export function refusedUrls(): readonly string[] {
  return refused;
}

self.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input), self.location.href);
  if (url.protocol === 'blob:' || url.protocol === 'data:' || allowed.has(url.origin)) return originalFetch(input, init);
  refused.push(url.href);
  return Promise.reject(new TypeError(`The vision worker does not send anything to ${url.origin}.`));
};
