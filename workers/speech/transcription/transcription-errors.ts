// What the candidate is told when voice transcription cannot run, and why. Every failure of the
// Whisper path (a model file missing from the mirror, no network, no memory, a language Whisper
// does not know, the worker dying) becomes one TranscriptionUnavailableError whose message says
// what happened in plain words and that typing still works, so the interview screen can show it
// as it is and switch to the text box. The failure also carries the sentence's parts as data
// (`details`), so the UI can say it in the interface language (web/ui/error-message.ts).
// Owns: the error type, the failure reasons and their words, and whether a WebGPU failure is worth a
// retry on WASM. Pure: it reads errors, it does not catch them.

export type TranscriptionFailureReason =
  /** A model file is not on the mirror (404, 410). */
  | 'model-missing'
  /** The mirror refused access (401, 403). */
  | 'mirror-refused'
  /** The mirror answered with another error status (5xx, 429…). */
  | 'mirror-error'
  /** The mirror could not be reached at all (offline, DNS, CORS). */
  | 'network'
  /** Not enough storage to keep the model. */
  | 'storage'
  /** Not enough memory to load or run it. */
  | 'memory'
  /** Whisper does not know the interview's language. */
  | 'language'
  /** The worker could not start or stopped. */
  | 'worker'
  /** Anything else: the model or its runtime failed. */
  | 'runtime';

/** What the sentence is made of, so it can be said in another language. */
export interface TranscriptionFailureDetails {
  /** The model's name ("Whisper base"); null for "the speech model". */
  model: string | null;
  /** Where the files come from. */
  source: 'mirror' | 'hub' | null;
  /** The HTTP status, for download failures. */
  status: number | null;
  offline: boolean;
  stage: 'load' | 'transcribe' | null;
  /** The runtime's own words, for failures we cannot name. */
  detail: string | null;
  /** The interview's language tag, for `language`. */
  language: string | null;
}

export interface TranscriptionFailure {
  reason: TranscriptionFailureReason;
  /** The whole sentence for the candidate, in English. */
  message: string;
  /** The model file URL the failure is about, when there is one. */
  url: string | null;
  details?: TranscriptionFailureDetails;
}

export class TranscriptionUnavailableError extends Error {
  override name = 'TranscriptionUnavailableError';
  readonly reason: TranscriptionFailureReason;
  readonly url: string | null;
  readonly details: TranscriptionFailureDetails | undefined;

  constructor(failure: TranscriptionFailure, options?: { cause?: unknown }) {
    super(failure.message, options);
    this.reason = failure.reason;
    this.url = failure.url;
    this.details = failure.details;
  }
}

function detailsOf(patch: Partial<TranscriptionFailureDetails>): TranscriptionFailureDetails {
  return { model: null, source: null, status: null, offline: false, stage: null, detail: null, language: null, ...patch };
}

/** The failure for an interview language Whisper does not know. */
export function languageFailure(languageTag: string): TranscriptionFailure {
  return {
    reason: 'language',
    url: null,
    message: unavailableMessage(`the speech model does not know this interview's language (${languageTag})`),
    details: detailsOf({ language: languageTag }),
  };
}

export const TYPE_INSTEAD = 'You can type your answers.';

export function unavailableMessage(what: string): string {
  return `Voice transcription is not available: ${what}. ${TYPE_INSTEAD}`;
}

export interface FailureContext {
  stage: 'load' | 'transcribe';
  /** Whether files come from the organisation's mirror (else from Hugging Face), for the words. */
  fromMirror: boolean;
  /** The model, for the words ("Whisper base"). */
  modelName?: string;
  /** The last URL fetched before the failure, when the error itself names none. */
  lastUrl?: string | null;
}

// transformers.js 4.3.1's words for HTTP failures (utils/hub/constants.js ERROR_MAPPING), to read
// the status back from a message.
const STATUS_PHRASES: [RegExp, number][] = [
  [/^Could not locate file/, 404],
  [/^Unauthorized access to file/, 401],
  [/^Forbidden access to file/, 403],
  [/^Bad request error/, 400],
  [/^Request timeout error/, 408],
  [/^Internal server error/, 500],
  [/^Bad gateway error/, 502],
  [/^Service unavailable error/, 503],
  [/^Gateway timeout error/, 504],
  [/^Error \((\d{3})\) occurred while trying to load file/, 0],
];

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
}

function fields(error: unknown): { name: string; message: string; status: number | null } {
  if (typeof error === 'object' && error !== null) {
    const { name, message, status } = error as ErrorLike;
    return { name: typeof name === 'string' ? name : '', message: typeof message === 'string' ? message : String(error), status: typeof status === 'number' ? status : null };
  }
  return { name: '', message: String(error), status: null };
}

function httpStatusOf(message: string, status: number | null): number | null {
  if (status !== null) return status;
  for (const [pattern, code] of STATUS_PHRASES) {
    const match = pattern.exec(message);
    if (match) return code || Number(match[1]);
  }
  return null;
}

const MEMORY = /out of memory|array buffer allocation failed|failed to allocate|could not allocate|cannot allocate|memory access out of bounds|Aborted\(OOM\)|WebAssembly\.Memory/i;
const NETWORK = /failed to fetch|networkerror|network error|load failed|fetch failed|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION/i;

/** The quoted URL transformers.js puts in its HTTP error messages ('…: "https://…".'). */
function quotedUrl(message: string): string | null {
  return /"(https?:\/\/[^"]+)"/.exec(message)?.[1] ?? null;
}

/** What a failure of the Whisper path means for the candidate. */
export function describeTranscriptionFailure(error: unknown, context: FailureContext): TranscriptionFailure {
  if (error instanceof TranscriptionUnavailableError) return { reason: error.reason, message: error.message, url: error.url, details: error.details };
  const { name, message, status } = fields(error);
  const url = quotedUrl(message) ?? context.lastUrl ?? null;
  const source = context.fromMirror ? 'the mirror' : 'Hugging Face';
  const model = context.modelName ?? 'the speech model';
  const at = url ? ` for ${url}` : '';
  const details = (patch: Partial<TranscriptionFailureDetails> = {}) =>
    detailsOf({ model: context.modelName ?? null, source: context.fromMirror ? 'mirror' : 'hub', stage: context.stage, ...patch });

  const code = httpStatusOf(message, status);
  if (code === 404 || code === 410) {
    return { reason: 'model-missing', url, message: unavailableMessage(`${model} could not be downloaded (${code} from ${source}${at})`), details: details({ status: code }) };
  }
  if (code === 401 || code === 403) {
    return { reason: 'mirror-refused', url, message: unavailableMessage(`${model} could not be downloaded (${source} refused access, HTTP ${code}${at})`), details: details({ status: code }) };
  }
  if (code !== null) {
    return { reason: 'mirror-error', url, message: unavailableMessage(`${model} could not be downloaded (${source} answered HTTP ${code}${at})`), details: details({ status: code }) };
  }
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return { reason: 'storage', url: null, message: unavailableMessage(`this device has no room left to keep ${model} (free some storage and try again)`), details: details() };
  }
  if (name === 'RangeError' ? /alloc|memory/i.test(message) : MEMORY.test(message)) {
    return {
      reason: 'memory',
      url: null,
      message: unavailableMessage(`this device does not have enough free memory for ${model} (close other tabs, or choose a smaller model in settings)`),
      details: details(),
    };
  }
  if (name === 'TypeError' ? NETWORK.test(message) || /fetch/i.test(message) : NETWORK.test(message)) {
    const offline = globalThis.navigator?.onLine === false;
    return {
      reason: 'network',
      url,
      message: unavailableMessage(`${model} could not be downloaded (${offline ? 'this device is offline' : `${source} could not be reached`}${at})`),
      details: details({ offline }),
    };
  }
  const what = context.stage === 'load' ? `${model} could not start (${message})` : `${model} failed on this recording (${message})`;
  return { reason: 'runtime', url, message: unavailableMessage(what), details: details({ detail: message }) };
}

/**
 * Whether a failed WebGPU load is worth trying again on WASM: yes when the GPU path itself failed
 * (its runtime, its memory, or one of its own weight files missing from the mirror, since the WASM
 * build uses other files); no when the failure would repeat (a config file missing, no network).
 */
export function worthWasmRetry(failure: TranscriptionFailure): boolean {
  if (failure.reason === 'runtime' || failure.reason === 'memory') return true;
  return failure.reason === 'model-missing' && failure.url !== null && /\/onnx\/[^/]+$/.test(new URL(failure.url).pathname);
}

/** A failure as words, for errors that reach the page without one (the worker died, a bug). */
export function workerStopped(error: unknown): TranscriptionFailure {
  const { message } = fields(error);
  return { reason: 'worker', url: null, message: unavailableMessage(`the speech worker stopped (${message || 'no reason given'})`), details: detailsOf({ detail: message || null }) };
}
