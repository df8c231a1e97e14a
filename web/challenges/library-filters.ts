// The practice library's filters: category (coding, or one of the question bank's kinds) and
// difficulty, plus the role whose bank questions are shown. Kept in the URL so a filtered library can
// be bookmarked and Back restores it. Pure.
// Owns: reading and applying those filters. Must not import: DOM, Dexie, Solid.
import { QUESTION_KINDS } from '../../sync-server/protocol/interview-spec.ts';
import type { QuestionKind } from '../../sync-server/protocol/index.ts';
import { DIFFICULTIES, type Difficulty } from './catalogue/challenge-schema.ts';

export const LIBRARY_CATEGORIES = ['all', 'coding', ...QUESTION_KINDS] as const;
export type LibraryCategory = (typeof LIBRARY_CATEGORIES)[number];
export const LIBRARY_DIFFICULTIES = ['all', ...DIFFICULTIES] as const;
export type LibraryDifficulty = (typeof LIBRARY_DIFFICULTIES)[number];

/** Where a new candidate starts: the bank's broadest technical role. */
export const DEFAULT_ROLE = 'software-engineer';

export interface LibraryQuery {
  category: LibraryCategory;
  difficulty: LibraryDifficulty;
  role: string;
}

type Params = Partial<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Unknown or missing values fall back to showing everything; `roles` are the ids the bank knows. */
export function parseLibraryQuery(params: Params, roles: readonly string[]): LibraryQuery {
  const category = first(params.category);
  const difficulty = first(params.difficulty);
  const role = first(params.role);
  return {
    category: (LIBRARY_CATEGORIES as readonly string[]).includes(category ?? '') ? (category as LibraryCategory) : 'all',
    difficulty: (LIBRARY_DIFFICULTIES as readonly string[]).includes(difficulty ?? '') ? (difficulty as LibraryDifficulty) : 'all',
    role: role && roles.includes(role) ? role : DEFAULT_ROLE,
  };
}

/** The URL parameters for `query`, leaving out defaults so a plain library has a plain URL. */
export function libraryParams(query: LibraryQuery): Record<string, string | undefined> {
  return {
    category: query.category === 'all' ? undefined : query.category,
    difficulty: query.difficulty === 'all' ? undefined : query.difficulty,
    role: query.role === DEFAULT_ROLE ? undefined : query.role,
  };
}

export function showsCoding(query: LibraryQuery): boolean {
  return query.category === 'all' || query.category === 'coding';
}

export function showsKind(query: LibraryQuery, kind: QuestionKind): boolean {
  return query.category === 'all' || query.category === kind;
}

export function matchesDifficulty(query: LibraryQuery, difficulty: Difficulty): boolean {
  return query.difficulty === 'all' || query.difficulty === difficulty;
}
