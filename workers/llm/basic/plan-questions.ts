// Picks an interview's questions from the bank: the matched role at the asked seniority and kind first,
// then the neighbouring seniorities, then the general behavioural questions, never the same one twice.
import type { InterviewSpec, PlannedQuestion, QuestionKind, Seniority } from '../../../sync-server/protocol/index.ts';
import { matchRole } from './match-role.ts';
import type { QuestionBank } from './question-bank.ts';
import type { BankQuestion } from './question-bank-schema.ts';
import { mulberry32, shuffled } from './seeded-random.ts';

export class NotEnoughQuestionsError extends Error {
  override name = 'NotEnoughQuestionsError';
}

const NEIGHBOURS: Record<Seniority, Seniority[]> = {
  junior: ['junior', 'mid', 'senior'],
  mid: ['mid', 'senior', 'junior'],
  senior: ['senior', 'mid', 'junior'],
};

/** The kind of each slot: a mixed interview starts behavioural and rotates through all three. */
export function kindsFor(spec: InterviewSpec): QuestionKind[] {
  if (spec.type !== 'mixed') return Array.from({ length: spec.questionCount }, () => spec.type as QuestionKind);
  const rotation: QuestionKind[] = ['behavioural', 'technical', 'system-design'];
  return Array.from({ length: spec.questionCount }, (_, i) => rotation[i % rotation.length]!);
}

export function planQuestions(spec: InterviewSpec, bank: QuestionBank, options: { seed?: number } = {}): PlannedQuestion[] {
  const random = mulberry32(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  const role = matchRole(spec.role, bank.roles);
  const used = new Set<string>();
  const planned: PlannedQuestion[] = [];

  for (const kind of kindsFor(spec)) {
    const pick = pickOne(bank.questions, role.id, spec.seniority, kind, used, random);
    if (!pick) {
      throw new NotEnoughQuestionsError(
        `The question bank has no more ${kind} questions for ${role.label}. Choose fewer questions or another interview type.`,
      );
    }
    used.add(pick.id);
    planned.push(toPlanned(pick));
  }
  return planned;
}

function pickOne(
  questions: readonly BankQuestion[],
  roleId: string,
  seniority: Seniority,
  kind: QuestionKind,
  used: ReadonlySet<string>,
  random: () => number,
): BankQuestion | undefined {
  const unused = questions.filter((question) => !used.has(question.id));
  const tiers: ((question: BankQuestion) => boolean)[] = [
    ...NEIGHBOURS[seniority].map((level) => (q: BankQuestion) => q.role === roleId && q.kind === kind && q.seniorities.includes(level)),
    // A role short of questions borrows general behavioural ones: they suit any role.
    ...(kind === 'behavioural'
      ? NEIGHBOURS[seniority].map((level) => (q: BankQuestion) => q.role === 'general' && q.seniorities.includes(level))
      : []),
  ];
  for (const tier of tiers) {
    const candidates = unused.filter(tier);
    if (candidates.length) return shuffled(candidates, random)[0];
  }
  return undefined;
}

function toPlanned(question: BankQuestion): PlannedQuestion {
  return {
    id: question.id,
    kind: question.kind,
    text: question.text,
    talkingPoints: question.talkingPoints,
    rubricHint: question.rubricHint,
    expectedSeconds: question.expectedSeconds,
  };
}
