// Speech delivery over time: for each completed interview with spoken answers, the delivery metrics
// of all its spoken answers together, computed as the report computes them per answer
// (workers/speech/metrics, the same answer span), and one series per metric for the charts.
// Pooling is by what each metric measures: pace is all the words over all the talk time, fillers are
// all the fillers over all the words of answers whose language has a filler list, thinking time is
// all the silence over all the answer time, and pauses and repeats are counted per answer, the unit
// their targets are written for.
// Owns: per-interview speech metrics, their targets, their series. Must not import: Dexie, Solid, the DOM.
import {
  FILLER_TARGET,
  longPauseTarget,
  MIN_WORDS_TO_JUDGE,
  PACE_TARGET,
  repeatTarget,
  speechMetrics,
  THINKING_TARGET,
  type TargetRange,
} from '../../workers/speech/metrics/index.ts';
import { answeredTurns, completedOldestFirst, type HistoryEntry, type SeriesPoint } from './history-entry.ts';

export const SPEECH_METRICS = ['pace', 'fillers', 'pauses', 'thinking', 'repeats'] as const;
export type SpeechMetricKey = (typeof SPEECH_METRICS)[number];

/**
 * Each metric's target as the report states it, for one answer. Pauses and repeats allow more in a
 * long answer; per answer the floor (2) is the target the report gives most answers.
 */
export const SPEECH_TARGETS: Readonly<Record<SpeechMetricKey, Pick<TargetRange, 'min' | 'max'>>> = {
  pace: PACE_TARGET,
  fillers: FILLER_TARGET,
  pauses: longPauseTarget(0),
  thinking: THINKING_TARGET,
  repeats: repeatTarget(0),
};

/** What "better" means for each metric: inside the range for pace, lower for the rest. */
export const LOWER_IS_BETTER: Readonly<Record<SpeechMetricKey, boolean>> = { pace: false, fillers: true, pauses: true, thinking: true, repeats: true };

export interface InterviewSpeech {
  interviewId: string;
  at: string;
  /** Spoken answers it covers. */
  answers: number;
  words: number;
  /** False below the report's minimum words: shown on the charts, but no personal best. */
  judged: boolean;
  /** A metric is absent when it cannot be measured (no talk time; no filler list for the language). */
  values: Partial<Record<SpeechMetricKey, number>>;
}

export interface SpeechSeries {
  key: SpeechMetricKey;
  target: Pick<TargetRange, 'min' | 'max'>;
  points: SeriesPoint[];
}

/** The pooled delivery metrics of a completed interview's spoken answers; null without any. */
export function interviewSpeech(entry: HistoryEntry): InterviewSpeech | null {
  if (entry.interview.status !== 'completed') return null;
  const spoken = answeredTurns(entry).filter((turn) => (turn.voice?.words.length ?? 0) > 0);
  if (spoken.length === 0) return null;
  let words = 0;
  let talkSeconds = 0;
  let answerSeconds = 0;
  let thinkingSeconds = 0;
  let fillerWords = 0;
  let fillers = 0;
  let pauses = 0;
  let repeats = 0;
  for (const turn of spoken) {
    const voice = turn.voice!;
    const metrics = speechMetrics({ words: voice.words, language: voice.language, answerEndSeconds: voice.recordingSeconds });
    words += metrics.pace.wordCount;
    talkSeconds += metrics.talkTime.talkSeconds;
    answerSeconds += metrics.span.durationSeconds;
    thinkingSeconds += metrics.talkTime.thinkingSeconds;
    if (metrics.fillers.listLanguage !== null) {
      fillerWords += metrics.pace.wordCount;
      fillers += metrics.fillers.count;
    }
    pauses += metrics.pauses.count;
    repeats += metrics.repeats.count;
  }
  const values: Partial<Record<SpeechMetricKey, number>> = { pauses: pauses / spoken.length, repeats: repeats / spoken.length };
  if (talkSeconds > 0) values.pace = (words / talkSeconds) * 60;
  if (fillerWords > 0) values.fillers = (fillers / fillerWords) * 100;
  if (answerSeconds > 0) values.thinking = (thinkingSeconds / answerSeconds) * 100;
  return { interviewId: entry.interview.id, at: entry.interview.startedAt, answers: spoken.length, words, judged: words >= MIN_WORDS_TO_JUDGE, values };
}

/** Every completed interview with spoken answers, oldest first. */
export function speechOverTime(entries: readonly HistoryEntry[]): InterviewSpeech[] {
  return completedOldestFirst(entries)
    .map(interviewSpeech)
    .filter((item): item is InterviewSpeech => item !== null);
}

/** One series per metric that was measured in at least one interview, in SPEECH_METRICS order. */
export function speechSeries(entries: readonly HistoryEntry[]): SpeechSeries[] {
  const history = speechOverTime(entries);
  return SPEECH_METRICS.map((key) => ({
    key,
    target: SPEECH_TARGETS[key],
    points: history.flatMap((item) => {
      const value = item.values[key];
      return value === undefined ? [] : [{ interviewId: item.interviewId, at: item.at, value }];
    }),
  })).filter((series) => series.points.length > 0);
}
