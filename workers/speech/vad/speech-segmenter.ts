// Turns Silero's per-frame speech probabilities into what the interview needs: speech segments
// ({ start, end } seconds from capture start, emitted when they close), a live speaking/silent state,
// and `answer-ended` once the candidate has spoken and then been silent for a set time.
// A segment opens on the first frame at or above positiveSpeechThreshold and stays open while frames
// stay at or above the lower negativeSpeechThreshold (hysteresis, so a syllable that dips does not
// split it), or dip for less than minSilenceMs. It closes at the end of its last voiced frame; one
// with less than minSpeechMs of confident speech was a click or a cough and is dropped.
// Boundaries are not padded: a consumer that cuts audio for recognition pads them itself.
// Pure and synchronous (probabilities in, events out), so it is tested with made-up sequences and
// the ONNX layer around it stays thin.
// Owns: the VAD state machine and its defaults. Must not import: onnxruntime, DOM or worker APIs.

export interface SpeechSegment {
  /** Seconds from the start of the capture. */
  start: number;
  end: number;
}

export interface SpeechSegmenterOptions {
  /** A frame at or above this probability is speech, and can open a segment. */
  positiveSpeechThreshold: number;
  /** Below this a frame is silence; between the two thresholds it continues a segment without opening one. */
  negativeSpeechThreshold: number;
  /** Silence shorter than this stays inside a segment (pauses between words and short breaths). */
  minSilenceMs: number;
  /** A segment needs this much confident speech to count; it is also when `speaking` turns on. */
  minSpeechMs: number;
  /** Silence after speech that means the answer is over. At least minSilenceMs. */
  endOfAnswerSilenceMs: number;
}

export const DEFAULT_SEGMENTER_OPTIONS: Readonly<SpeechSegmenterOptions> = {
  // Silero's own recommendations (threshold 0.5, negative threshold 0.15 below it).
  positiveSpeechThreshold: 0.5,
  negativeSpeechThreshold: 0.35,
  // Longer than a pause between words, shorter than one between sentences, so segments are phrases.
  minSilenceMs: 500,
  minSpeechMs: 250,
  endOfAnswerSilenceMs: 2500,
};

export type SpeechEvent =
  /** `at`: where the speech started (true) or ended (false), seconds from capture start. */
  | { type: 'speaking'; speaking: boolean; at: number }
  | { type: 'segment'; segment: SpeechSegment }
  /** `lastSpeechEnd`: end of the answer's last segment; `at`: when the silence reached endOfAnswerSilenceMs. */
  | { type: 'answer-ended'; lastSpeechEnd: number; at: number };

interface OpenSegment {
  start: number;
  /** End of the latest frame at or above the negative threshold. */
  lastVoicedEnd: number;
  /** Seconds of frames at or above the positive threshold. */
  confidentSeconds: number;
  confirmed: boolean;
}

export class SpeechSegmenter {
  private options: SpeechSegmenterOptions;
  private open: OpenSegment | null = null;
  /** End of the latest confirmed segment since the answer started, or null before any speech. */
  private lastSpeechEnd: number | null = null;
  private answerEndSent = false;

  constructor(options: Partial<SpeechSegmenterOptions> = {}) {
    this.options = checked({ ...DEFAULT_SEGMENTER_OPTIONS, ...options });
  }

  get speaking(): boolean {
    return this.open?.confirmed ?? false;
  }

  setOptions(update: Partial<SpeechSegmenterOptions>): void {
    this.options = checked({ ...this.options, ...update });
  }

  /**
   * Starts listening for a new answer: answer-ended fires only after speech that comes from now on.
   * A segment already under way counts as part of the new answer.
   */
  newAnswer(): void {
    this.lastSpeechEnd = null;
    this.answerEndSent = false;
  }

  /** One frame's speech probability; the frame covers [start, end) seconds. Returns what it caused, in order. */
  push(probability: number, start: number, end: number): SpeechEvent[] {
    const events: SpeechEvent[] = [];
    const { positiveSpeechThreshold, negativeSpeechThreshold, minSilenceMs, minSpeechMs } = this.options;
    if (!this.open && probability >= positiveSpeechThreshold) {
      this.open = { start, lastVoicedEnd: end, confidentSeconds: 0, confirmed: false };
    }
    const open = this.open;
    if (open) {
      if (probability >= negativeSpeechThreshold) open.lastVoicedEnd = end;
      if (probability >= positiveSpeechThreshold) open.confidentSeconds += end - start;
      if (!open.confirmed && open.confidentSeconds * 1000 >= minSpeechMs - 1e-6) {
        open.confirmed = true;
        // More speech after answer-ended: the answer goes on, and can end again.
        this.answerEndSent = false;
        events.push({ type: 'speaking', speaking: true, at: open.start });
      }
      if (probability < negativeSpeechThreshold && (end - open.lastVoicedEnd) * 1000 >= minSilenceMs - 1e-6) {
        events.push(...this.close());
      }
    }
    // Silence lasts until something that may be speech starts: an unconfirmed segment holds the
    // answer open until it is confirmed (the candidate went on) or dropped (a cough). While a
    // confirmed segment is open the candidate is speaking: the silence before it (which may have
    // ended the answer already) must not end it again.
    const silenceUntil = this.open ? this.open.start : end;
    if (this.lastSpeechEnd !== null && !this.answerEndSent && !this.speaking && (silenceUntil - this.lastSpeechEnd) * 1000 >= this.options.endOfAnswerSilenceMs - 1e-6) {
      this.answerEndSent = true;
      events.push({ type: 'answer-ended', lastSpeechEnd: this.lastSpeechEnd, at: end });
    }
    return events;
  }

  /** The audio ended: closes a segment under way (answer-ended is not sent: nobody is listening for it). */
  finish(): SpeechEvent[] {
    return this.open ? this.close() : [];
  }

  private close(): SpeechEvent[] {
    const open = this.open!;
    this.open = null;
    // Too little confident speech: a click, a cough, a door.
    if (!open.confirmed) return [];
    const segment = { start: open.start, end: open.lastVoicedEnd };
    this.lastSpeechEnd = segment.end;
    return [
      { type: 'segment', segment },
      { type: 'speaking', speaking: false, at: segment.end },
    ];
  }
}

function checked(options: SpeechSegmenterOptions): SpeechSegmenterOptions {
  const { positiveSpeechThreshold: positive, negativeSpeechThreshold: negative } = options;
  if (!(positive > 0 && positive <= 1)) throw new RangeError(`positiveSpeechThreshold must be in (0, 1], got ${positive}`);
  if (!(negative >= 0 && negative <= positive)) throw new RangeError(`negativeSpeechThreshold must be in [0, positiveSpeechThreshold], got ${negative}`);
  if (!(options.minSilenceMs >= 0) || !(options.minSpeechMs >= 0)) throw new RangeError('minSilenceMs and minSpeechMs must be ≥ 0');
  // A shorter end-of-answer silence than the segment gap would end answers inside a segment.
  return { ...options, endOfAnswerSilenceMs: Math.max(options.endOfAnswerSilenceMs, options.minSilenceMs) };
}
