import { describe, expect, it } from 'vitest';
import { getQuestionBank } from '../../workers/llm/basic/index.ts';
import { interviewSpec } from '../../sync-server/protocol/interview-spec.ts';
import { plannedQuestion } from '../../sync-server/protocol/question.ts';
import { DEFAULT_ROLE, libraryParams, matchesDifficulty, parseLibraryQuery, showsCoding, showsKind } from './library-filters.ts';
import { bankPracticeSets, MAX_SET_QUESTIONS } from './practice-sets.ts';

const bank = getQuestionBank();

describe('bank practice sets', () => {
  it('gives a role a set per kind and difficulty, each with bank questions of that kind and level', () => {
    const sets = bankPracticeSets(bank, 'software-engineer');
    expect(sets.map((set) => set.id)).toEqual([
      'software-engineer.behavioural.easy',
      'software-engineer.behavioural.medium',
      'software-engineer.behavioural.hard',
      'software-engineer.technical.easy',
      'software-engineer.technical.medium',
      'software-engineer.technical.hard',
      'software-engineer.system-design.easy',
      'software-engineer.system-design.medium',
      'software-engineer.system-design.hard',
    ]);
    for (const set of sets) {
      expect(set.questions.length).toBeGreaterThan(0);
      expect(set.questions.length).toBeLessThanOrEqual(MAX_SET_QUESTIONS);
      const seniority = set.spec.seniority;
      for (const question of set.questions) {
        const source = bank.questions.find((candidate) => candidate.id === question.id)!;
        expect(source).toMatchObject({ role: 'software-engineer', kind: set.kind });
        expect(source.seniorities).toContain(seniority);
        expect(plannedQuestion.safeParse(question).success).toBe(true);
      }
      expect(interviewSpec.parse(set.spec)).toEqual(set.spec);
      expect(set.spec).toMatchObject({ role: 'Software engineer', type: set.kind, questionCount: set.questions.length, language: 'en' });
    }
    expect(sets.find((set) => set.difficulty === 'hard')!.spec.seniority).toBe('senior');
  });

  it('leaves out kinds a role has no questions for, and knows no unknown role', () => {
    expect(bankPracticeSets(bank, 'general').map((set) => set.kind)).toEqual(['behavioural', 'behavioural', 'behavioural']);
    expect(bankPracticeSets(bank, 'astronaut')).toEqual([]);
  });

  it('copies questions, so editing a set leaves the bank as it was', () => {
    const [set] = bankPracticeSets(bank, 'nurse');
    set!.questions[0]!.talkingPoints[0]!.cues.push('changed');
    expect(bankPracticeSets(bank, 'nurse')[0]!.questions[0]!.talkingPoints[0]!.cues).not.toContain('changed');
  });
});

describe('library filters', () => {
  const roles = bank.roles.map((role) => role.id);

  it('reads the URL, falling back to everything for unknown values', () => {
    expect(parseLibraryQuery({}, roles)).toEqual({ category: 'all', difficulty: 'all', role: DEFAULT_ROLE });
    expect(parseLibraryQuery({ category: 'coding', difficulty: 'hard', role: 'nurse' }, roles)).toEqual({ category: 'coding', difficulty: 'hard', role: 'nurse' });
    expect(parseLibraryQuery({ category: 'cooking', difficulty: ['medium', 'hard'], role: 'astronaut' }, roles)).toEqual({ category: 'all', difficulty: 'medium', role: DEFAULT_ROLE });
  });

  it('writes only what differs from the defaults', () => {
    expect(libraryParams({ category: 'all', difficulty: 'all', role: DEFAULT_ROLE })).toEqual({ category: undefined, difficulty: undefined, role: undefined });
    expect(libraryParams({ category: 'technical', difficulty: 'easy', role: 'sales' })).toEqual({ category: 'technical', difficulty: 'easy', role: 'sales' });
  });

  it('shows coding, a kind and a difficulty as the filters say', () => {
    const coding = { category: 'coding', difficulty: 'easy', role: DEFAULT_ROLE } as const;
    expect(showsCoding(coding)).toBe(true);
    expect(showsKind(coding, 'behavioural')).toBe(false);
    expect(matchesDifficulty(coding, 'easy')).toBe(true);
    expect(matchesDifficulty(coding, 'hard')).toBe(false);
    const behavioural = { category: 'behavioural', difficulty: 'all', role: DEFAULT_ROLE } as const;
    expect(showsCoding(behavioural)).toBe(false);
    expect(showsKind(behavioural, 'behavioural')).toBe(true);
    expect(matchesDifficulty(behavioural, 'hard')).toBe(true);
  });
});
