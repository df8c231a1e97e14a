// One actionable tip per dimension, shared by the per-answer feedback and the interview summary, so
// the candidate hears the same advice in both places.
import { inSentence } from './wording.ts';

const TIPS: Readonly<Record<string, string>> = {
  coverage: 'Before you answer, name to yourself the two or three things the question is really about, and give each one a sentence.',
  structure: "Tell each story as STAR, and close it with a measurable result: 'which cut the backlog by 40%'.",
  'structure:design': 'Work through a design in order: requirements first, then the components, one trade-off, then how it scales and fails.',
  specificity: "Replace 'we fixed some things' with what you did and how much: 'I rewrote the import job, which cut it from 40 to 6 minutes'.",
  length: 'Match the length to the question: cover every part it asks about, then stop. Most questions want one to three minutes spoken.',
  fillers: "Drop 'basically', 'like' and 'you know': a short pause reads as more confident than a filler.",
};

const STRENGTHS: Readonly<Record<string, string>> = {
  coverage: 'You answered what was asked: your answers covered the points the questions were about.',
  structure: 'Your stories were easy to follow, from the situation through what you did to the result.',
  'structure:design': 'Your designs followed a clear arc, from requirements through trade-offs to scale.',
  specificity: 'You were concrete: numbers, named tools and what you did yourself.',
  length: 'Your answers were the right length: complete, without rambling.',
  fillers: 'You spoke cleanly, with very few filler words.',
};

const variant = (dimension: { key: string; label: string }): string =>
  dimension.key === 'structure' && /design/i.test(dimension.label) ? 'structure:design' : dimension.key;

export function tipFor(dimension: { key: string; label: string }): string {
  return TIPS[variant(dimension)] ?? `Work on ${inSentence(dimension.label)}.`;
}

export function strengthFor(dimension: { key: string; label: string }): string {
  return STRENGTHS[variant(dimension)] ?? `Strong on ${inSentence(dimension.label)}.`;
}
