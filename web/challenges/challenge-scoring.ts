// The two scores of a coding attempt. The code score is the share of tests passed: a failed, erroring,
// timed-out or never-run test earns nothing, and code that does not compile or load earns 0. The
// explanation is scored by the interview engine as the answer to a technical question built from the
// challenge (its talking points and rubric), so every engine (basic, local, cloud) can score it and
// the candidate's text stays data, never instructions.
// Owns: that arithmetic and that question. Must not import: DOM, Dexie, Solid, the runner's worker.
import type { InterviewSpec, PlannedQuestion, Seniority } from '../../sync-server/protocol/index.ts';
import type { RunOutcome } from '../../workers/code-runner/run-outcome.ts';
import type { CodingChallenge, Difficulty } from './catalogue/challenge-schema.ts';

/** 0–100: the share of the challenge's tests that passed, rounded. */
export function codeScoreOf(outcome: Pick<RunOutcome, 'passed' | 'total'>): number {
  if (outcome.total <= 0) return 0;
  const passed = Math.min(Math.max(0, outcome.passed), outcome.total);
  return Math.round((passed / outcome.total) * 100);
}

/** Difficulty read as the seniority a question bank would ask it at. */
export const SENIORITY_OF_DIFFICULTY: Readonly<Record<Difficulty, Seniority>> = { easy: 'junior', medium: 'mid', hard: 'senior' };
export const DIFFICULTY_OF_SENIORITY: Readonly<Record<Seniority, Difficulty>> = { junior: 'easy', mid: 'medium', senior: 'hard' };

/**
 * The question the explanation answers. `questionText` is the question in the candidate's language
 * (from the screen's catalogue), e.g. "Explain how your solution to Two sum works…".
 */
export function explanationQuestion(challenge: CodingChallenge, questionText: string): PlannedQuestion {
  return {
    id: `challenge-${challenge.id}`,
    kind: 'technical',
    text: questionText,
    talkingPoints: challenge.explanation.talkingPoints.map((point) => ({ point: point.point, cues: [...point.cues] })),
    rubricHint: challenge.explanation.rubricHint,
    expectedSeconds: challenge.explanation.expectedSeconds,
  };
}

/** A one-question technical interview at the challenge's level, in `language` (BCP 47). */
export function explanationSpec(challenge: CodingChallenge, language: string): InterviewSpec {
  return {
    role: 'Software engineer',
    seniority: SENIORITY_OF_DIFFICULTY[challenge.difficulty],
    type: 'technical',
    questionCount: 1,
    language,
    minutes: Math.max(1, Math.ceil(challenge.explanation.expectedSeconds / 60)),
  };
}
