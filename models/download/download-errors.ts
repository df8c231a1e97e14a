// The one error a model download ends with, with a code the UI can act on and a message a candidate
// can follow. Owns: recognising quota, network and abort failures, and the wording.
// Must not import: the UI, web-llm.

export type ModelDownloadErrorCode = 'quota' | 'network' | 'missing' | 'checksum' | 'aborted';

export class ModelDownloadError extends Error {
  override name = 'ModelDownloadError';
  constructor(
    readonly code: ModelDownloadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const MB = 1024 * 1024;

export function isQuotaExceeded(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

export function abortedError(cause?: unknown): ModelDownloadError {
  return new ModelDownloadError('aborted', 'The model download was stopped. Start it again to resume where it stopped.', { cause });
}

export function networkError(url: string, why: string, cause?: unknown): ModelDownloadError {
  return new ModelDownloadError('network', `Downloading ${fileNameOf(url)} failed (${why}): check the connection; the download resumes where it stopped.`, { cause });
}

export function missingError(url: string, status: number): ModelDownloadError {
  const { host } = new URL(url);
  return new ModelDownloadError(
    'missing',
    `${host} has no ${url} (HTTP ${status}). If this is your organisation's model mirror, ask its operator to copy the model into it; otherwise choose another model.`,
  );
}

export function checksumError(url: string): ModelDownloadError {
  return new ModelDownloadError(
    'checksum',
    `${fileNameOf(url)} arrived damaged twice: its sha-256 does not match the one the server announced. Try again later; if it keeps happening, the server's copy of ${url} is damaged.`,
  );
}

/** `shortfallBytes`: how much more room the download needs than the browser will give. */
/**
 * The disk (or the browser's share of it) is full. `shortfallBytes` is what the storage estimate says
 * is missing; when the estimate claims there is room although a write was refused (browsers may not
 * count everything, or another tab just took the space), the message gives `neededBytes`, what the
 * rest of the download takes, instead of a made-up shortfall.
 */
export function quotaError(shortfallBytes: number, cause?: unknown, neededBytes = 0): ModelDownloadError {
  if (shortfallBytes <= 0 && neededBytes > 0) {
    const mb = Math.max(1, Math.ceil(neededBytes / MB));
    return new ModelDownloadError('quota', `Not enough free storage: the rest of this download needs about ${mb} MB. Free some space or choose a smaller model.`, { cause });
  }
  const mb = Math.max(1, Math.ceil(shortfallBytes / MB));
  return new ModelDownloadError('quota', `Not enough free storage: free ${mb} MB or choose a smaller model.`, { cause });
}

export function fileNameOf(url: string): string {
  return new URL(url).pathname.split('/').pop() || url;
}
