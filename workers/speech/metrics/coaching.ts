// Each metric's numbers turned into an Assessment: the value, its target, a status and an
// explanation written the way a coach would say it: what the metric measures, why it matters to the
// listener, and one or two things to try. Explanations talk about the answer, never about the
// person: "you paused three times", not "you seem nervous".
// Owns: assessments and their wording. Must not import: DOM, Node.
import { plural } from '../../llm/basic/heuristic-scorer/wording.ts';
import type { FillerReport } from './filler-words.ts';
import type { Pause } from './pauses.ts';
import type { RepeatedWord } from './repeated-words.ts';
import type { SpeakingRate } from './speaking-rate.ts';
import type { TalkTime } from './talk-time.ts';
import { FILLER_TARGET, longPauseTarget, MIN_WORDS_TO_JUDGE, PACE_TARGET, repeatTarget, statusAgainst, THINKING_TARGET } from './targets.ts';
import type { AnswerSpan, Assessment, TargetRange } from './types.ts';

export function assessPace(rate: SpeakingRate): Assessment {
  const target = PACE_TARGET;
  const what =
    `Speaking rate counts the words you say per minute while you are talking, leaving out the silences. ` +
    `You spoke at ${Math.round(rate.talkTimeWpm)} words per minute (${Math.round(rate.wholeAnswerWpm)} over the whole answer, silences included); ` +
    `a comfortable conversational pace is ${range(target)}.`;
  return judged(rate.talkTimeWpm, target, rate.wordCount, what, {
    high: 'At a fast pace the interviewer has less time to take in each point or to note it down. Try a breath at the end of each sentence, and slow down for numbers, names and your main result.',
    low: 'A slow pace makes an answer feel long and the thread harder to hold. Try rehearsing the outline of the answer aloud so the next point is ready, and say each sentence in one go.',
    ok: 'That is easy to follow. Keep it, and slow down a little for the points you most want remembered.',
  });
}

export function assessFillers(report: FillerReport, wordCount: number, languageTag: string): Assessment {
  const target = FILLER_TARGET;
  if (report.listLanguage === null) {
    return {
      value: 0,
      target,
      status: null,
      explanation: `Filler words are not counted for this answer's language (${languageTag}) yet, because there is no filler list for it.`,
    };
  }
  const most = report.byLabel.slice(0, 3).map(({ label, count }) => `"${label}" ×${count}`);
  const what =
    `Filler words are sounds and phrases such as "um" or "you know" that fill a gap while you think. ` +
    `You used ${plural(report.count, 'filler')} in ${plural(wordCount, 'word')}: ${report.per100Words.toFixed(1)} per 100 words` +
    `${most.length > 0 ? ` (most often ${most.join(', ')})` : ''}. Under about ${target.max} per 100 words they go unnoticed.`;
  return judged(report.per100Words, target, wordCount, what, {
    high: 'More than that draws attention away from what you are saying. Try a short silent pause instead: it gives you the same time to think and sounds deliberate.',
    ok: 'Yours are at that level, so they will not distract.',
  });
}

export function assessPauses(pauses: readonly Pause[], span: AnswerSpan, wordCount: number): Assessment {
  const target = longPauseTarget(span.durationSeconds);
  const longest = Math.max(0, ...pauses.map((pause) => pause.durationSeconds));
  const what =
    `Long pauses are silences of more than 2 seconds between words, once you have started. ` +
    `You had ${plural(pauses.length, 'long pause')}${pauses.length > 0 ? ` (the longest ${seconds(longest)})` : ''}; ` +
    `in an answer of this length up to ${target.max} is usual.`;
  return judged(pauses.length, target, wordCount, what, {
    high: 'Each long silence mid-answer is a moment where the listener can lose the thread. If you need time, try saying where you are going first ("there were two reasons…") and then pausing, or take your thinking time before you start.',
    ok: 'Short pauses between points help the listener; keep using them.',
  });
}

export function assessThinkingTime(talk: TalkTime, span: AnswerSpan, wordCount: number): Assessment {
  const target = THINKING_TARGET;
  const percent = talk.thinkingShare * 100;
  const what =
    `Thinking time is the part of the answer spent silent: before your first word, in the gaps between phrases, and after your last word. ` +
    `It was ${seconds(talk.thinkingSeconds)} of ${seconds(span.durationSeconds)} (${Math.round(percent)}%), ` +
    `${seconds(talk.leadingSilenceSeconds)} of it before you started; you talked for ${seconds(talk.talkSeconds)}. ` +
    `For a prepared answer, aim for under about ${target.max}%.`;
  return judged(percent, target, wordCount, what, {
    high: 'Practise the opening sentence of your usual answers so you can start sooner, and use a short framing line ("Let me walk you through the project") while you gather your thoughts. For a question you did not expect, a longer silence before starting is normal.',
    ok: 'You got to your points promptly.',
  });
}

export function assessRepeats(repeats: readonly RepeatedWord[], wordCount: number): Assessment {
  const target = repeatTarget(wordCount);
  const examples = repeats.slice(0, 3).map((repeat) => `"${Array.from({ length: repeat.times }, () => repeat.word).join(' ')}"`);
  const what =
    `Repeated words are a word said twice or more in a row, as in "the the", usually where a sentence restarts. ` +
    `You repeated ${plural(repeats.length, 'word')}${examples.length > 0 ? ` (${examples.join(', ')})` : ''}; ` +
    `in an answer of this length up to ${target.max} is usual in speech.`;
  return judged(repeats.length, target, wordCount, what, {
    high: 'Restarts make the listener wait for the sentence you meant. Try a brief pause instead of restarting, then say the sentence once.',
    ok: 'That is normal in natural speech and rarely noticed.',
  });
}

/** The status and advice for a value; too few words gives no status, and says so. */
// Metrics whose target starts at 0 cannot be low, so they need no advice for it.
type Advice = { ok: string; high: string; low?: string };

function judged(value: number, target: TargetRange, wordCount: number, what: string, advice: Advice): Assessment {
  if (wordCount < MIN_WORDS_TO_JUDGE) {
    const why = wordCount === 0 ? 'No words were transcribed, so there is nothing to judge yet.' : `With only ${plural(wordCount, 'word')} this answer is too short to judge; the number is shown as measured.`;
    return { value, target, status: null, explanation: `${what} ${why}` };
  }
  const status = statusAgainst(value, target);
  return { value, target, status, explanation: `${what} ${advice[status] ?? ''}`.trim() };
}

function range(target: TargetRange): string {
  return `${target.min}–${target.max} ${target.unit}`;
}

function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}
