// Picks an interview's questions from the curated bank. For each slot it prefers the matched role at
// the asked seniority and kind, then the neighbouring seniorities, then the general role, then the
// general behavioural questions (which suit any role), and never asks the same question twice. Pure:
// the bank comes in as an argument, so tests pass a small one and the engine passes the real one.
import type { InterviewSpec, PlannedQuestion, QuestionKind, Seniority } from '../../../sync-server/protocol/index.ts';
import { matchRole } from './match-role.ts';
import type { BankQuestion, BankRole } from './question-bank-schema.ts';
import { mulberry32 } from './seeded-random.ts';

export interface QuestionBankData {
  roles: readonly BankRole[];
  questions: readonly BankQuestion[];
}

export interface PlanOptions {
  /** Same seed, same bank, same spec: same questions. Random when left out. */
  seed?: number;
}

export class NotEnoughQuestionsError extends Error {
  override name = 'NotEnoughQuestionsError';
}

const GENERAL_ROLE = 'general';

/** Nearest level first: a mid candidate is better served by a stretch than by a junior question. */
const NEIGHBOURS: Readonly<Record<Seniority, readonly Seniority[]>> = {
  junior: ['junior', 'mid', 'senior'],
  mid: ['mid', 'senior', 'junior'],
  senior: ['senior', 'mid', 'junior'],
};

const MIXED_ROTATION: readonly QuestionKind[] = ['behavioural', 'technical', 'system-design'];

/** The kind asked for in each slot: a mixed interview starts behavioural and rotates through all three. */
export function slotKinds(spec: Pick<InterviewSpec, 'type' | 'questionCount'>): QuestionKind[] {
  return Array.from({ length: spec.questionCount }, (_, i) =>
    spec.type === 'mixed' ? MIXED_ROTATION[i % MIXED_ROTATION.length]! : spec.type,
  );
}

type Filter = (question: BankQuestion) => boolean;

/** Where to look for one slot's question, best first. */
function tiersFor(roleId: string, kind: QuestionKind, seniority: Seniority): Filter[] {
  const levels = NEIGHBOURS[seniority];
  const from = (role: string, wanted: QuestionKind): Filter[] =>
    levels.map((level) => (q) => q.role === role && q.kind === wanted && q.seniorities.includes(level));
  return [
    ...from(roleId, kind),
    ...from(GENERAL_ROLE, kind),
    // A role short of questions tops up with general behavioural ones, then its own behavioural ones.
    ...from(GENERAL_ROLE, 'behavioural'),
    ...from(roleId, 'behavioural'),
  ];
}

export function planQuestions(spec: InterviewSpec, bank: QuestionBankData, options: PlanOptions = {}): PlannedQuestion[] {
  const random = mulberry32(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  const role = matchRole(spec.role, bank.roles);
  const used = new Set<string>();
  const planned: PlannedQuestion[] = [];
  for (const kind of slotKinds(spec)) {
    const pick = pickOne(bank.questions, tiersFor(role.id, kind, spec.seniority), used, random);
    if (!pick) {
      throw new NotEnoughQuestionsError(
        `The question bank has only ${planned.length} suitable questions for ${role.label} (${spec.seniority}), not ${spec.questionCount}. Choose fewer questions.`,
      );
    }
    used.add(pick.id);
    planned.push(toPlanned(pick));
  }
  return planned;
}

function pickOne(questions: readonly BankQuestion[], tiers: readonly Filter[], used: ReadonlySet<string>, random: () => number): BankQuestion | undefined {
  for (const tier of tiers) {
    const candidates = questions.filter((question) => !used.has(question.id) && tier(question));
    if (candidates.length) return candidates[Math.floor(random() * candidates.length)];
  }
  return undefined;
}

/** A copy, so nothing downstream can change the bank by editing a plan. */
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
