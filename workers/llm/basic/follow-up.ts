// The basic engine's follow-up: without a model it cannot judge vagueness, so it asks only when the
// answer is clearly short of what the question expects (under a third of the expected length) or
// misses most of the question's talking points, and it asks about the first missed point.
// English only, like the rest of the basic engine. At most one per question: none once one was asked.
// Owns: the rule-based follow-up. Must not import: DOM, Dexie, fetch, the AI tasks.
import type { FollowUp, FollowUpInput } from '../api.ts';
import { expectedWordRange } from './heuristic-scorer/answer-length.ts';
import { removeScorerInstructions } from './heuristic-scorer/scorer-injection.ts';
import { findCoverage } from './heuristic-scorer/talking-point-coverage.ts';
import { countWords } from './heuristic-scorer/tokens.ts';

export function basicFollowUp(input: FollowUpInput): FollowUp | null {
  if (input.alreadyAsked) return null;
  const answer = removeScorerInstructions(input.answer).text;
  if (!answer.trim()) return null;
  const words = countWords(answer);
  const { low } = expectedWordRange(input.question);
  const coverage = findCoverage(answer, input.question);
  const missedMost = input.question.talkingPoints.length > 0 && coverage.missed.length > input.question.talkingPoints.length / 2;
  const short = words < low / 3;
  if (!short && !missedMost) return null;
  const missed = coverage.missed[0];
  const question = missed
    ? `Could you say more about this part: ${lowerFirst(missed)}? A concrete example would help.`
    : 'Could you walk me through a concrete example, with what you did and what came of it?';
  const reason = short ? `The answer was short (${words} words) for this question.` : 'The answer left out most of what this question is about.';
  return { question, reason };
}

/** "How you found it." → "how you found it"; an acronym ("API design") keeps its capitals. */
function lowerFirst(text: string): string {
  const trimmed = text.trim().replace(/[.?!]+$/, '');
  if (/^\p{Lu}{2}/u.test(trimmed)) return trimmed;
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}
