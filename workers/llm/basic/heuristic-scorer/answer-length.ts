// Length against what the question calls for. Spoken answers run at about 130 words a minute; typed
// answers are shorter for the same content, so the band that counts as a good length is wide.
import type { DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import { countWords } from './tokens.ts';
import { plural } from './wording.ts';

const WORDS_PER_MINUTE = 130;
/** The good band, as shares of the words a full spoken answer would take. */
const LOW_SHARE = 0.35;
const HIGH_SHARE = 1.6;

export function expectedWordRange(question: PlannedQuestion): { low: number; high: number; target: number } {
  const target = Math.round((question.expectedSeconds / 60) * WORDS_PER_MINUTE);
  return { low: Math.round(target * LOW_SHARE), high: Math.round(target * HIGH_SHARE), target };
}

function spokenTime(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  const minutes = Math.round((seconds / 60) * 2) / 2;
  return `${String(minutes).replace('.5', '½')} minutes`;
}

/** What a short answer should add, in the terms of its kind of question. */
function fillIn(question: PlannedQuestion): string {
  if (question.kind === 'system-design') return 'walk through the requirements, the main components, a trade-off, and how it scales';
  if (question.kind === 'technical') return 'explain how it works, when you would use it, and an example from your own work';
  return 'add the situation, what you did, and how it turned out';
}

export function scoreLength(answer: string, question: PlannedQuestion): DimensionScore {
  const { low, high, target } = expectedWordRange(question);
  const count = countWords(answer);
  const share = target ? count / target : 0;
  const [score, verdict]: [number, string] =
    count === 0 ? [1, 'No answer was given.']
    : share < 0.1 ? [1, `Far too short to show your thinking: ${fillIn(question)}.`]
    : share < 0.2 ? [2, `Too short: ${fillIn(question)}.`]
    : share < LOW_SHARE ? [3, 'A little short: one more concrete detail, such as a number or a decision you made, would help.']
    : share <= HIGH_SHARE ? [5, 'A good length for this question.']
    : share <= 2 ? [3, 'Long: lead with the point and cut the detours, or the interviewer loses the thread.']
    : share <= 3 ? [2, 'Much too long: keep to one story and its result.']
    : [1, 'Far too long to follow: pick the one example that answers the question and tell just that.'];
  return {
    key: 'length',
    label: 'Length',
    score,
    reason: `${plural(count, 'word')}; a good answer here runs about ${low}–${high} words (around ${spokenTime(question.expectedSeconds)} spoken). ${verdict}`,
    evidence: [],
  };
}
