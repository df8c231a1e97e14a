// Talk time against thinking time. Talk time is the time spent saying words, with the short gaps
// between words of one phrase (under 0.3 s) counted as talking, since nobody hears those as silence.
// Thinking time is the rest of the answer: the silence before the first word, the longer gaps, and
// the silence after the last word.
// Owns: speech segments, talk and thinking seconds. Must not import: DOM, Node.
import type { AnswerSpan, SpokenWord } from './types.ts';

/** Gaps shorter than this join the words either side into one stretch of speech. */
export const MERGE_GAP_SECONDS = 0.3;

export interface SpeechSegment {
  startSeconds: number;
  endSeconds: number;
}

export interface TalkTime {
  talkSeconds: number;
  thinkingSeconds: number;
  /** Thinking time as a share of the answer, 0–1; 0 for an answer of no duration. */
  thinkingShare: number;
  /** Silence before the first word: part of thinking time. */
  leadingSilenceSeconds: number;
  /** Silence after the last word, up to the answer's end: part of thinking time. */
  trailingSilenceSeconds: number;
  /** The stretches of speech, gaps under MERGE_GAP_SECONDS closed. */
  segments: SpeechSegment[];
}

// Timestamps come in hundredths of a second; this keeps a gap of exactly 0.3 s from merging because
// 0.3 came out of a subtraction as 0.29999999999999993.
const EPSILON = 1e-6;

export function speechSegments(words: readonly SpokenWord[], mergeGapSeconds = MERGE_GAP_SECONDS): SpeechSegment[] {
  const segments: SpeechSegment[] = [];
  for (const word of words) {
    const current = segments[segments.length - 1];
    if (current && word.start - current.endSeconds < mergeGapSeconds - EPSILON) {
      current.endSeconds = Math.max(current.endSeconds, word.end);
    } else {
      segments.push({ startSeconds: word.start, endSeconds: word.end });
    }
  }
  return segments;
}

export function talkTime(words: readonly SpokenWord[], span: AnswerSpan): TalkTime {
  const segments = speechSegments(words);
  // Speech outside the answer's span is not part of the answer's time.
  const talkSeconds = segments.reduce((sum, segment) => sum + Math.max(0, Math.min(segment.endSeconds, span.endSeconds) - Math.max(segment.startSeconds, span.startSeconds)), 0);
  const thinkingSeconds = Math.max(0, span.durationSeconds - talkSeconds);
  // The silences at the answer's edges are measured to the speech inside it: a word said before the
  // answer starts (or after it ends) does not shorten them.
  const inside = segments.filter((segment) => segment.endSeconds > span.startSeconds && segment.startSeconds < span.endSeconds);
  const first = inside[0];
  const last = inside[inside.length - 1];
  const within = (seconds: number): number => Math.min(span.durationSeconds, Math.max(0, seconds));
  return {
    talkSeconds,
    thinkingSeconds,
    thinkingShare: span.durationSeconds > 0 ? thinkingSeconds / span.durationSeconds : 0,
    leadingSilenceSeconds: first ? within(first.startSeconds - span.startSeconds) : span.durationSeconds,
    trailingSilenceSeconds: last ? within(span.endSeconds - last.endSeconds) : 0,
    segments,
  };
}
