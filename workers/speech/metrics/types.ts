// The shapes every speech metric shares: the transcript that comes in, the cleaned words the
// metrics read, and the judgement each metric carries (a target range, a status and an explanation
// written for the candidate). Kept apart so each metric module can import them without importing
// another metric.
// Owns: types only. Must not import: anything with a runtime (DOM, Node, Whisper).

/** One word as the transcriber gives it. Seconds are from the start of the answer's recording. */
export interface TranscriptWord {
  /** As transcribed: Whisper's tokens carry a leading space and punctuation (" um,"). */
  text: string;
  start: number;
  end: number;
}

/** The word-level transcript of one spoken answer. */
export interface AnswerTranscript {
  words: readonly TranscriptWord[];
  /** BCP 47 ('en', 'es-MX', 'de', 'fr'). Chooses the filler list and the repeats that are grammar. */
  language: string;
  /** Where the answer starts, in the recording's seconds; 0 when left out. */
  answerStartSeconds?: number;
  /** Where the answer ends; the last word's end when left out. */
  answerEndSeconds?: number;
}

/** A transcript word made comparable: sorted, one word per entry, punctuation set aside. */
export interface SpokenWord {
  /** NFC, lower-cased, curly apostrophes straightened, punctuation stripped from both ends: " Um," → "um". */
  text: string;
  /** The word as transcribed, trimmed: "Um,". */
  raw: string;
  start: number;
  end: number;
  /** Punctuation before and after the letters ("¿", "?"); a punctuation-only token joins the word before it. */
  leading: string;
  trailing: string;
  /** The index in `AnswerTranscript.words` this word came from. */
  sourceIndex: number;
}

/** The answer's time span, in the recording's seconds. */
export interface AnswerSpan {
  startSeconds: number;
  endSeconds: number;
  durationSeconds: number;
}

/** Something the metrics changed or could not do, said so the report can show it. */
export interface TranscriptNote {
  kind: 'sorted' | 'overlapping' | 'invalid-times' | 'reversed-times' | 'split-tokens' | 'outside-answer' | 'no-filler-list';
  /** In English; the UI says it in its own language from `kind` and `count`. */
  message: string;
  /** How many words or tokens the note is about, where it names a number. */
  count?: number;
}

/** Where a metric stands against its target range. */
export type MetricStatus = 'low' | 'ok' | 'high';

/** The range a metric's value should fall in; both ends included. */
export interface TargetRange {
  min: number;
  max: number;
  /** How the value reads: "words per minute", "% of the answer". */
  unit: string;
}

/** A metric's value against its target, with a coach's explanation for the candidate. */
export interface Assessment {
  value: number;
  target: TargetRange;
  /** Null when there is too little to judge (a very short answer, a language without a filler list). */
  status: MetricStatus | null;
  /** What it measures, why it matters and what to try, with this answer's numbers. */
  explanation: string;
}
