// The one error a model download ends with, with a code the UI can act on and a message a candidate
// can follow. Owns: recognising quota, network and abort failures, and the wording. The message is
// English; `code` and `values` let the UI say it in the interface language (web/ui/error-message.ts,
// which reads `values.context` as i18next's context, e.g. the two kinds of `quota`).
// Must not import: the UI, web-llm.

export type ModelDownloadErrorCode = 'quota' | 'network' | 'missing' | 'checksum' | 'aborted';

export class ModelDownloadError extends Error {
  override name = 'ModelDownloadError';
  constructor(
    readonly code: ModelDownloadErrorCode,
    message: string,
    options?: { cause?: unknown },
    /** What the sentence names (file, host, sizes, status), for translating it. */
    readonly values: Record<string, string | number> = {},
  ) {
    super(message, options);
  }
}

/** Why a file's download broke off, for the network error's words. */
export type NetworkFailure =
  | { kind: 'closed'; received: number; expected: number }
  | { kind: 'dropped-mid-file' }
  | { kind: 'dropped' }
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'status'; status: number };

function networkWhy(failure: NetworkFailure): string {
  switch (failure.kind) {
    case 'closed':
      return `the connection closed after ${failure.received} of ${failure.expected} bytes`;
    case 'dropped-mid-file':
      return 'the connection dropped mid-file';
    case 'dropped':
      return 'the connection dropped';
    case 'offline':
      return 'this device is offline';
    case 'unreachable':
      return 'the server could not be reached';
    case 'status':
      return `the server answered HTTP ${failure.status}`;
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

export function networkError(url: string, failure: NetworkFailure, cause?: unknown): ModelDownloadError {
  const file = fileNameOf(url);
  const { kind, ...numbers } = failure;
  return new ModelDownloadError('network', `Downloading ${file} failed (${networkWhy(failure)}): check the connection; the download resumes where it stopped.`, { cause }, { file, context: kind, ...numbers });
}

export function missingError(url: string, status: number): ModelDownloadError {
  const { host } = new URL(url);
  return new ModelDownloadError(
    'missing',
    `${host} has no ${url} (HTTP ${status}). If this is your organisation's model mirror, ask its operator to copy the model into it; otherwise choose another model.`,
    undefined,
    { host, url, status },
  );
}

export function checksumError(url: string): ModelDownloadError {
  return new ModelDownloadError(
    'checksum',
    `${fileNameOf(url)} arrived damaged twice: its sha-256 does not match the one the server announced. Try again later; if it keeps happening, the server's copy of ${url} is damaged.`,
    undefined,
    { file: fileNameOf(url), url },
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
    return new ModelDownloadError('quota', `Not enough free storage: the rest of this download needs about ${mb} MB. Free some space or choose a smaller model.`, { cause }, { mb, context: 'needed' });
  }
  const mb = Math.max(1, Math.ceil(shortfallBytes / MB));
  return new ModelDownloadError('quota', `Not enough free storage: free ${mb} MB or choose a smaller model.`, { cause }, { mb });
}

export function fileNameOf(url: string): string {
  return new URL(url).pathname.split('/').pop() || url;
}
