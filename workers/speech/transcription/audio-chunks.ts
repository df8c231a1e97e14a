// Where Whisper looks. Whisper reads at most 30 s at a time, so a long answer is cut into windows
// that overlap (words cut at one window's edge are whole in the next), and merge-transcripts.ts
// stitches their words back together. During live capture the same cut decides what a partial
// transcription reads: only the last window, and only once enough new speech has come in, since
// each run costs a full encoder pass whatever the audio's length.
// Owns: window boundaries and the partial-transcription schedule. Pure: sample counts in, plans out.
import { WHISPER_SAMPLE_RATE } from './resample.ts';

/** The longest audio Whisper reads in one pass; its features are padded to this length. */
export const WHISPER_WINDOW_SECONDS = 30;

export interface WindowOptions {
  /** Window length, at most 30 s. */
  windowSeconds?: number;
  /** Audio shared by consecutive windows. 5 s leaves 2.5 s of context either side of the cut. */
  overlapSeconds?: number;
  sampleRate?: number;
  /**
   * Start the last window earlier so it is a full window (when the audio is longer than one). Whisper
   * pads every window to 30 s, so a short last window costs the same and gives its first words less
   * context; on by default.
   */
  fillLastWindow?: boolean;
}

export interface AudioWindow {
  index: number;
  /** Sample offsets into the whole answer; `endSample` is exclusive. */
  startSample: number;
  endSample: number;
  startSeconds: number;
  endSeconds: number;
  /**
   * Whether this window's edges are the audio's own: a word there was not cut by the window, so
   * nearness to that edge does not make it less reliable (merge-transcripts.ts).
   */
  atAudioStart: boolean;
  atAudioEnd: boolean;
}

interface ResolvedWindowOptions {
  windowSamples: number;
  overlapSamples: number;
  sampleRate: number;
  fillLastWindow: boolean;
}

function resolve(options: WindowOptions): ResolvedWindowOptions {
  const sampleRate = options.sampleRate ?? WHISPER_SAMPLE_RATE;
  const windowSeconds = options.windowSeconds ?? WHISPER_WINDOW_SECONDS;
  const overlapSeconds = options.overlapSeconds ?? 5;
  if (!(windowSeconds > 0 && windowSeconds <= WHISPER_WINDOW_SECONDS)) {
    throw new RangeError(`A Whisper window is more than 0 and at most ${WHISPER_WINDOW_SECONDS} s, not ${windowSeconds} s.`);
  }
  if (!(overlapSeconds >= 0 && overlapSeconds < windowSeconds)) {
    throw new RangeError(`The overlap must be at least 0 and shorter than the window (${windowSeconds} s), not ${overlapSeconds} s.`);
  }
  if (!(sampleRate > 0)) throw new RangeError(`The sample rate must be positive, not ${sampleRate}.`);
  return {
    windowSamples: Math.round(windowSeconds * sampleRate),
    overlapSamples: Math.round(overlapSeconds * sampleRate),
    sampleRate,
    fillLastWindow: options.fillLastWindow ?? true,
  };
}

function windowOf(index: number, startSample: number, endSample: number, totalSamples: number, sampleRate: number): AudioWindow {
  return {
    index,
    startSample,
    endSample,
    startSeconds: startSample / sampleRate,
    endSeconds: endSample / sampleRate,
    atAudioStart: startSample === 0,
    atAudioEnd: endSample === totalSamples,
  };
}

/**
 * The windows that cover `totalSamples` of audio: each at most `windowSeconds`, consecutive ones
 * sharing `overlapSeconds` (more when the last is filled back), the last ending at the audio's end.
 * No audio, no windows.
 */
export function planWindows(totalSamples: number, options: WindowOptions = {}): AudioWindow[] {
  const { windowSamples, overlapSamples, sampleRate, fillLastWindow } = resolve(options);
  if (!Number.isInteger(totalSamples) || totalSamples < 0) throw new RangeError(`The audio length must be a whole number of samples, not ${totalSamples}.`);
  const hop = windowSamples - overlapSamples;
  const windows: AudioWindow[] = [];
  let start = 0;
  while (start < totalSamples) {
    const end = start + windowSamples;
    if (end >= totalSamples) {
      const lastStart = fillLastWindow ? Math.max(0, totalSamples - windowSamples) : start;
      windows.push(windowOf(windows.length, lastStart, totalSamples, totalSamples, sampleRate));
      break;
    }
    windows.push(windowOf(windows.length, start, end, totalSamples, sampleRate));
    start += hop;
  }
  return windows;
}

/** The last window of `totalSamples`: what a live partial transcription reads. */
export function lastWindow(totalSamples: number, options: Pick<WindowOptions, 'windowSeconds' | 'sampleRate'> = {}): AudioWindow | null {
  const { windowSamples, sampleRate } = resolve({ ...options, overlapSeconds: 0 });
  if (totalSamples <= 0) return null;
  return windowOf(0, Math.max(0, totalSamples - windowSamples), totalSamples, totalSamples, sampleRate);
}

export interface PartialScheduleOptions {
  /** New speech between two partial transcriptions. */
  everySeconds?: number;
  /** No partial before this much audio: Whisper tends to invent words for a fraction of a word. */
  minSeconds?: number;
  windowSeconds?: number;
  sampleRate?: number;
}

/**
 * When to run a partial transcription while the candidate speaks: after every `everySeconds` of new
 * speech (silence does not count: transcribing it again changes nothing), never two at once (a slow
 * device skips partials instead of queueing them), and on the last window only. A plain state
 * machine: the caller says what came in and when a run starts and ends.
 */
export class PartialSchedule {
  private readonly everySamples: number;
  private readonly minSamples: number;
  private readonly windowOptions: Pick<WindowOptions, 'windowSeconds' | 'sampleRate'>;
  private totalSamples = 0;
  private newSpeechSamples = 0;
  private running = false;

  constructor(options: PartialScheduleOptions = {}) {
    const sampleRate = options.sampleRate ?? WHISPER_SAMPLE_RATE;
    const everySeconds = options.everySeconds ?? 2;
    const minSeconds = options.minSeconds ?? 1;
    if (!(everySeconds > 0)) throw new RangeError(`everySeconds must be positive, not ${everySeconds}.`);
    this.everySamples = Math.round(everySeconds * sampleRate);
    this.minSamples = Math.round(minSeconds * sampleRate);
    this.windowOptions = { windowSeconds: options.windowSeconds ?? WHISPER_WINDOW_SECONDS, sampleRate };
  }

  /** `samples` more audio arrived; `speech` says whether voice activity detection heard speech in it. */
  add(samples: number, speech = true): void {
    this.totalSamples += samples;
    if (speech) this.newSpeechSamples += samples;
  }

  get samples(): number {
    return this.totalSamples;
  }

  get isRunning(): boolean {
    return this.running;
  }

  due(): boolean {
    return !this.running && this.totalSamples >= this.minSamples && this.newSpeechSamples >= this.everySamples;
  }

  /** A partial run starts now: the window it should read. Speech from here on counts towards the next. */
  start(): AudioWindow {
    const window = lastWindow(this.totalSamples, this.windowOptions);
    if (!window) throw new Error('A partial transcription needs some audio first.');
    this.running = true;
    this.newSpeechSamples = 0;
    return window;
  }

  finish(): void {
    this.running = false;
  }
}
