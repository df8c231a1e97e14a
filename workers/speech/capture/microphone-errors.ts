// Why the microphone could not be used, in words that tell the candidate what to do. getUserMedia
// and the audio graph fail with DOMExceptions whose names carry the reason; this maps them once so
// every screen says the same thing. The UI says it in the interface language from `problem` and
// `detail` (web/ui/error-message.ts); the English message is for logs and tests.
// Owns: MicrophoneError and the mapping from browser errors. Must not import: the UI.

export type MicrophoneProblem =
  /** The candidate or the browser's settings refused access. */
  | 'denied'
  /** No input device at all (or none matching the constraints). */
  | 'no-microphone'
  /** The device exists but could not be opened: another app holds it, or the OS blocked it. */
  | 'in-use'
  /** The browser lacks what capture needs (AudioWorklet, getUserMedia, a secure context). */
  | 'unsupported'
  /** The microphone stopped during capture (unplugged, or access revoked). */
  | 'ended'
  | 'failed';

export class MicrophoneError extends Error {
  override name = 'MicrophoneError';

  constructor(
    readonly problem: MicrophoneProblem,
    message: string,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.detail = options?.detail;
  }

  /** The browser's own words, when we could not tell what went wrong. */
  readonly detail: string | undefined;
}

const MESSAGES: Record<MicrophoneProblem, string> = {
  denied:
    'Microphone access is blocked. Allow the microphone for this site (the icon at the left of the address bar, or the browser\'s site settings), then try again.',
  'no-microphone': 'No microphone was found. Plug one in or switch it on, check that your system has it selected as the input, then try again.',
  'in-use':
    'The microphone could not be started: another app or tab may be using it, or your system is blocking it. Close other apps that use the microphone, then try again.',
  unsupported: 'This browser cannot record from the microphone here. Use a recent Chrome, Edge, Firefox or Safari, and open the app over https.',
  ended: 'The microphone stopped (was it unplugged, or was access turned off?). Check it, then start again.',
  failed: 'The microphone could not be started. Reload the page and try again; if it keeps failing, restart the browser.',
};

export function microphoneError(problem: MicrophoneProblem, detail?: string, cause?: unknown): MicrophoneError {
  const message = detail ? `${MESSAGES[problem]} (${detail})` : MESSAGES[problem];
  return new MicrophoneError(problem, message, { cause, detail });
}

/** What a getUserMedia rejection means for the candidate. */
export function problemFromGetUserMediaError(error: unknown): MicrophoneProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-microphone';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    case 'TypeError':
    case 'NotSupportedError':
      return 'unsupported';
    default:
      return 'failed';
  }
}

export function microphoneErrorFromGetUserMedia(error: unknown): MicrophoneError {
  if (error instanceof MicrophoneError) return error;
  const problem = problemFromGetUserMediaError(error);
  // The browser's own words only help when we could not tell what went wrong.
  const detail = problem === 'failed' ? describe(error) : undefined;
  return microphoneError(problem, detail, error);
}

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}
