// The end-of-interview summary from the per-answer scores: the mean per dimension, the overall, and
// plain strengths and improvements drawn from the best and weakest dimensions.
import type { AnswerScore, InterviewSummary } from '../../../sync-server/protocol/index.ts';
import type { SummariseInput } from '../api.ts';

const STRENGTHS: Record<string, string> = {
  coverage: 'You covered what the questions were really asking about.',
  structure: 'Your answers were well structured and easy to follow.',
  specificity: 'You were concrete: numbers, names and what you did yourself.',
  length: 'Your answers were the right length: complete without rambling.',
  fillers: 'You wrote cleanly, with few filler words.',
};

const TIPS: Record<string, string> = {
  coverage: "Before answering, list the two or three things the question is really about, and make sure each gets a sentence.",
  structure: "Use STAR: one line of situation, one of your task, most of the answer on your actions, and close with the result.",
  specificity: "Replace 'we did some things' with 'I rewrote the import job in Go, which cut it from 40 to 6 minutes'.",
  length: 'Aim for one to two minutes spoken (about 150–250 words): enough for the story and its result.',
  fillers: "Drop 'basically', 'like' and 'you know': a short pause reads as confidence.",
};

export function summariseInterview(input: SummariseInput): InterviewSummary {
  const scored = input.turns.filter((turn) => !turn.skipped && turn.score).map((turn) => turn.score as AnswerScore);
  const skipped = input.turns.filter((turn) => turn.skipped).length;
  const byKey = new Map<string, { label: string; total: number; count: number }>();
  for (const score of scored) {
    for (const dimension of score.dimensions) {
      const entry = byKey.get(dimension.key) ?? { label: dimension.label, total: 0, count: 0 };
      entry.total += dimension.score;
      entry.count += 1;
      byKey.set(dimension.key, entry);
    }
  }
  const dimensions = [...byKey.entries()].map(([key, entry]) => ({
    key,
    label: entry.label,
    score: Math.round((entry.total / entry.count) * 10) / 10,
  }));
  const overall = scored.length ? Math.round(scored.reduce((sum, score) => sum + score.overall, 0) / scored.length) : 0;

  const ranked = [...dimensions].sort((a, b) => b.score - a.score);
  const strengths = ranked
    .filter((dimension) => dimension.score >= 3.5)
    .slice(0, 2)
    .map((dimension) => STRENGTHS[dimension.key] ?? `Strong on ${dimension.label.toLowerCase()}.`);
  const improvements = [...ranked]
    .reverse()
    .filter((dimension) => dimension.score < 4)
    .slice(0, 3)
    .map((dimension) => TIPS[dimension.key] ?? `Work on ${dimension.label.toLowerCase()}.`);
  if (skipped) improvements.push(`You skipped ${skipped} question${skipped === 1 ? '' : 's'}: practise those next; a partial answer beats none.`);
  if (!scored.length) improvements.unshift('No question was answered, so there is nothing to score yet.');

  return { engine: 'basic', overall, dimensions, strengths, improvements: improvements.slice(0, 10), answered: scored.length, skipped };
}
