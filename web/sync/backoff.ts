// How long to wait before the next sync attempt after a failure. Pure, so it is tested without timers.

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
}

/**
 * Exponential backoff with "equal jitter": the ceiling doubles per failed attempt up to the cap, and
 * the delay is half the ceiling plus a random half. Many devices that lost the server at the same
 * moment spread their retries out, and none retries at once.
 */
export function backoffDelay(attempt: number, random: () => number, { baseMs = 1_000, capMs = 60_000 }: BackoffOptions = {}): number {
  const exponent = Math.min(Math.max(0, attempt - 1), 30);
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (r * ceiling) / 2);
}
