// Words per minute for the answer as a whole, two ways: over talk time (how fast the words come
// while the candidate is talking) and over the whole answer (silences included, which is what the
// listener lives through). The first is judged against a conversational pace; pauses and thinking
// time have their own metrics, so a slow answer is not blamed twice for the same silence.
// Owns: overall words per minute. Must not import: DOM, Node.

export interface SpeakingRate {
  wordCount: number;
  /** Words per minute of talk time; 0 when there was no talk time. */
  talkTimeWpm: number;
  /** Words per minute of the whole answer, silences included; 0 for an answer of no duration. */
  wholeAnswerWpm: number;
}

export function speakingRate(wordCount: number, talkSeconds: number, answerSeconds: number): SpeakingRate {
  return { wordCount, talkTimeWpm: wordsPerMinute(wordCount, talkSeconds), wholeAnswerWpm: wordsPerMinute(wordCount, answerSeconds) };
}

export function wordsPerMinute(wordCount: number, seconds: number): number {
  return seconds > 0 ? (wordCount / seconds) * 60 : 0;
}
