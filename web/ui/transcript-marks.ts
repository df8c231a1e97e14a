// A spoken answer's transcript laid out for the report: each word as transcribed, whether it was
// a filler (and which), whether it was a repeat, and the long pause after it, so the transcript can
// show where the candidate said "um" or stopped for three seconds, in place.
// Owns: joining the metrics' word indexes back onto the words. Must not import: Solid, Dexie.
import type { SpeechMetrics } from '../../workers/speech/metrics/index.ts';

export interface MarkedWord {
  text: string;
  start: number;
  /** The filler this word is part of ("you know"), or null. */
  filler: string | null;
  /** This word restarts a repeat ("I I"): the second and later sayings. */
  repeated: boolean;
  /** Seconds of silence after this word, when it is a long pause; else null. */
  pauseAfterSeconds: number | null;
}

export function markTranscript(metrics: SpeechMetrics): MarkedWord[] {
  const fillerAt = new Map<number, string>();
  for (const filler of metrics.fillers.occurrences) {
    for (let k = 0; k < filler.wordCount; k++) fillerAt.set(filler.wordIndex + k, filler.label);
  }
  const repeatedAt = new Set<number>();
  for (const repeat of metrics.repeats.repeats) {
    for (let k = 1; k < repeat.times; k++) repeatedAt.add(repeat.wordIndex + k);
  }
  const pauseAfter = new Map(metrics.pauses.pauses.map((pause) => [pause.afterWordIndex, pause.durationSeconds]));
  return metrics.words.map((word, index) => ({
    text: word.raw,
    start: word.start,
    filler: fillerAt.get(index) ?? null,
    repeated: repeatedAt.has(index),
    pauseAfterSeconds: pauseAfter.get(index) ?? null,
  }));
}
