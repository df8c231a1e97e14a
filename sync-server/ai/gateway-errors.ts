// The two ways the gateway refuses a device, with messages written for the candidate. Owns: the
// wording and the codes; the route turns them into HTTP responses. No provider detail ever goes here.

export type UnavailableReason = 'not-configured' | 'all-failed';

/** No cloud answer this time: the client falls back to its basic engine. */
export class CloudAiUnavailableError extends Error {
  override name = 'CloudAiUnavailableError';
  readonly code = 'cloud_ai_unavailable';
  constructor(readonly reason: UnavailableReason) {
    super(
      reason === 'not-configured'
        ? 'The cloud AI is not set up on this server, so the basic engine will be used.'
        : 'The cloud AI cannot answer right now, so the basic engine will be used. Try the cloud AI again in a few minutes.',
    );
  }
}

/** This device asked too often; `retryAfterSeconds` goes into the Retry-After header. */
export class DeviceRateLimitedError extends Error {
  override name = 'DeviceRateLimitedError';
  readonly code = 'device_rate_limited';
  readonly retryAfterSeconds: number;
  constructor(retryAfterMs: number, window: 'minute' | 'day') {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(
      window === 'minute'
        ? `This device has sent too many cloud AI requests in the last minute. Try again in ${seconds} seconds; the basic engine works meanwhile.`
        : `This device has used all of today's cloud AI requests. Try again tomorrow (in about ${Math.ceil(seconds / 3600)} hours); the basic engine works meanwhile.`,
    );
    this.retryAfterSeconds = seconds;
  }
}
