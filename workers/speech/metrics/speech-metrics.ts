// All the delivery metrics of one spoken answer, from its word-level transcript: pace (overall and
// over time), filler words, long pauses, talk against thinking time, and repeated words, each with
// its target range, status and explanation. Every metric reads the same cleaned words, so a word
// left out or split is left out or split everywhere.
// Owns: putting the metrics together. Must not import: DOM, Node.
import { answerSpan, wordsOutsideSpan } from './answer-span.ts';
import { assessFillers, assessPace, assessPauses, assessRepeats, assessThinkingTime } from './coaching.ts';
import { findFillerWords, type FillerReport } from './filler-words.ts';
import { LONG_PAUSE_SECONDS, longPauses, type Pause } from './pauses.ts';
import { findRepeatedWords, type RepeatedWord } from './repeated-words.ts';
import { speakingRate, type SpeakingRate } from './speaking-rate.ts';
import { cleanTranscriptWords } from './spoken-words.ts';
import { talkTime, type TalkTime } from './talk-time.ts';
import type { AnswerSpan, AnswerTranscript, Assessment, SpokenWord, TranscriptNote } from './types.ts';
import { wpmOverTime, type WpmPoint, type WpmWindowOptions } from './wpm-over-time.ts';

export interface PaceMetric extends SpeakingRate {
  /** Points for a chart of words per minute across the answer. */
  overTime: WpmPoint[];
  /** Judges talkTimeWpm. */
  assessment: Assessment;
}

export interface FillerMetric extends FillerReport {
  /** Judges per100Words. */
  assessment: Assessment;
}

export interface PauseMetric {
  /** Pauses are silences longer than this between two words. */
  longerThanSeconds: number;
  count: number;
  pauses: Pause[];
  /** Judges count. */
  assessment: Assessment;
}

export interface TalkTimeMetric extends TalkTime {
  /** Judges thinking time as a percentage of the answer. */
  assessment: Assessment;
}

export interface RepeatMetric {
  count: number;
  repeats: RepeatedWord[];
  /** Judges count. */
  assessment: Assessment;
}

export interface SpeechMetrics {
  /** As given. */
  language: string;
  /** The words every metric counted, in time order; word indexes in the metrics point here. */
  words: SpokenWord[];
  span: AnswerSpan;
  pace: PaceMetric;
  fillers: FillerMetric;
  pauses: PauseMetric;
  talkTime: TalkTimeMetric;
  repeats: RepeatMetric;
  /** What was repaired in the transcript, or could not be measured. */
  notes: TranscriptNote[];
}

export interface SpeechMetricsOptions {
  /** The windows of `pace.overTime`: 10 s sliding by 5 s unless given. */
  wpmWindows?: WpmWindowOptions;
}

export function speechMetrics(transcript: AnswerTranscript, options: SpeechMetricsOptions = {}): SpeechMetrics {
  const { words, notes } = cleanTranscriptWords(transcript.words);
  const span = answerSpan(words, transcript.answerStartSeconds, transcript.answerEndSeconds);
  const outside = wordsOutsideSpan(words, span);
  if (outside > 0) {
    notes.push({ kind: 'outside-answer', count: outside, message: `${outside} of the words fall outside the answer's start and end; they count as words but not as talk time.` });
  }
  const wordCount = words.length;

  const talk = talkTime(words, span);
  const rate = speakingRate(wordCount, talk.talkSeconds, span.durationSeconds);

  const fillers = findFillerWords(words, transcript.language);
  if (fillers.listLanguage === null) {
    notes.push({ kind: 'no-filler-list', message: `There is no filler-word list for "${transcript.language}", so filler words were not counted.` });
  }
  const fillerWordIndexes = new Set(fillers.occurrences.flatMap((filler) => Array.from({ length: filler.wordCount }, (_, k) => filler.wordIndex + k)));
  const repeats = findRepeatedWords(words, transcript.language, fillerWordIndexes);
  const pauses = longPauses(words);

  return {
    language: transcript.language,
    words,
    span,
    pace: { ...rate, overTime: wpmOverTime(words, span, options.wpmWindows), assessment: assessPace(rate) },
    fillers: { ...fillers, assessment: assessFillers(fillers, wordCount, transcript.language) },
    pauses: { longerThanSeconds: LONG_PAUSE_SECONDS, count: pauses.length, pauses, assessment: assessPauses(pauses, span, wordCount) },
    talkTime: { ...talk, assessment: assessThinkingTime(talk, span, wordCount) },
    repeats: { count: repeats.length, repeats, assessment: assessRepeats(repeats, wordCount) },
    notes,
  };
}
