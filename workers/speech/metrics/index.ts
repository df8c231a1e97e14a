// The speech delivery metrics' public API: what the rest of the app may import. The modules behind
// it each own one metric and can change without touching callers.
// Owns: the exports. Must not import: DOM, Node.
export { speechMetrics } from './speech-metrics.ts';
export type { FillerMetric, PaceMetric, PauseMetric, RepeatMetric, SpeechMetrics, SpeechMetricsOptions, TalkTimeMetric } from './speech-metrics.ts';
export type { AnswerSpan, AnswerTranscript, Assessment, MetricStatus, SpokenWord, TargetRange, TranscriptNote, TranscriptWord } from './types.ts';
export type { FillerOccurrence, FillerReport } from './filler-words.ts';
export type { Pause } from './pauses.ts';
export type { RepeatedWord } from './repeated-words.ts';
export type { SpeakingRate } from './speaking-rate.ts';
export type { SpeechSegment, TalkTime } from './talk-time.ts';
export type { WpmPoint, WpmWindowOptions } from './wpm-over-time.ts';
export { FILLER_LANGUAGES } from './filler-lexicons.ts';
export { LONG_PAUSE_SECONDS } from './pauses.ts';
export { MERGE_GAP_SECONDS } from './talk-time.ts';
export { HESITATION_GAP_SECONDS } from './filler-context.ts';
export { FILLER_TARGET, longPauseTarget, MIN_WORDS_TO_JUDGE, PACE_TARGET, repeatTarget, THINKING_TARGET } from './targets.ts';
