// Practice sets from the curated question bank: for one role, a set per question kind (behavioural,
// technical, system design) and difficulty (easy = junior, medium = mid, hard = senior questions).
// A set is a fixed list of bank questions, so it can be practised again and compared; it starts the
// ordinary interview flow with those questions. Pure: the bank comes in as an argument.
// Owns: what a bank practice set holds. Must not import: DOM, Dexie, Solid.
import type { InterviewSpec, PlannedQuestion, QuestionKind } from '../../sync-server/protocol/index.ts';
import { QUESTION_KINDS } from '../../sync-server/protocol/interview-spec.ts';
import type { BankQuestion, BankRole } from '../../workers/llm/basic/question-bank-schema.ts';
import { DIFFICULTIES, type Difficulty } from './catalogue/challenge-schema.ts';
import { SENIORITY_OF_DIFFICULTY } from './challenge-scoring.ts';

/** More than this and a practice set stops being a quick session. */
export const MAX_SET_QUESTIONS = 5;

export interface InterviewPracticeSet {
  /** Unique within its source, e.g. `software-engineer.technical.medium`. */
  id: string;
  kind: QuestionKind;
  difficulty: Difficulty;
  role: { id: string; label: string };
  questions: PlannedQuestion[];
  /** What the interview is started with. */
  spec: InterviewSpec;
}

export interface BankData {
  roles: readonly BankRole[];
  questions: readonly BankQuestion[];
}

export function bankPracticeSets(bank: BankData, roleId: string): InterviewPracticeSet[] {
  const role = bank.roles.find((candidate) => candidate.id === roleId);
  if (!role) return [];
  const sets: InterviewPracticeSet[] = [];
  for (const kind of QUESTION_KINDS) {
    for (const difficulty of DIFFICULTIES) {
      const seniority = SENIORITY_OF_DIFFICULTY[difficulty];
      const picked = bank.questions.filter((question) => question.role === role.id && question.kind === kind && question.seniorities.includes(seniority)).slice(0, MAX_SET_QUESTIONS);
      if (picked.length === 0) continue;
      const questions = picked.map(toPlanned);
      const seconds = questions.reduce((sum, question) => sum + question.expectedSeconds, 0);
      sets.push({
        id: `${role.id}.${kind}.${difficulty}`,
        kind,
        difficulty,
        role: { id: role.id, label: role.label },
        questions,
        // The bank is written in English, so the interview is too.
        spec: { role: role.label, seniority, type: kind, questionCount: questions.length, language: 'en', minutes: Math.min(180, Math.max(1, Math.ceil((seconds * 1.5) / 60))) },
      });
    }
  }
  return sets;
}

/** A copy, so nothing downstream can change the bank by editing a set. */
function toPlanned(question: BankQuestion): PlannedQuestion {
  return {
    id: question.id,
    kind: question.kind,
    text: question.text,
    talkingPoints: question.talkingPoints.map((point) => ({ point: point.point, cues: [...point.cues] })),
    rubricHint: question.rubricHint,
    expectedSeconds: question.expectedSeconds,
  };
}
