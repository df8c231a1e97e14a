// The history's search, filters and sort, as a plain value kept in the URL's query string so that
// back and forward, reloads and shared links all show the same list. Parsing never throws: a value
// that makes no sense is kept as typed (so the field still shows it), left out of the filtering, and
// reported as a problem the screen can explain.
// Owns: HistoryQuery, its URL form, its problems, and filtering and sorting interviews by it.
// Must not import: Dexie, Solid, the DOM.
// Types only from the protocol: its values would bring zod into the home screen's bundle.
import type { InterviewType } from '../../sync-server/protocol/interview-spec.ts';
import type { InterviewRecord } from '../data/db.ts';
import { INTERVIEW_TYPE_LABELS } from '../ui/format.ts';

/** Every interview type (the labels' record has a key for each, so none is missed). */
export const HISTORY_TYPES = Object.keys(INTERVIEW_TYPE_LABELS) as InterviewType[];

export const HISTORY_SORTS = ['newest', 'oldest', 'score-high', 'score-low'] as const;
export type HistorySort = (typeof HISTORY_SORTS)[number];

export const HISTORY_STATUSES = ['all', 'completed', 'in-progress'] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

/** The raw values, exactly as in the URL (and the form fields). */
export interface HistoryQuery {
  text: string;
  type: InterviewType | 'all';
  status: HistoryStatus;
  /** YYYY-MM-DD, local dates, both ends included; '' for open. */
  from: string;
  to: string;
  /** Overall score bounds, 0–100 as typed; '' for open. */
  minScore: string;
  maxScore: string;
  sort: HistorySort;
}

export const DEFAULT_HISTORY_QUERY: HistoryQuery = { text: '', type: 'all', status: 'all', from: '', to: '', minScore: '', maxScore: '', sort: 'newest' };

/** URL parameter names: short, since people see and share them. */
const PARAMS: Record<keyof HistoryQuery, string> = { text: 'q', type: 'type', status: 'status', from: 'from', to: 'to', minScore: 'min', maxScore: 'max', sort: 'sort' };

export type HistoryProblem =
  | { field: 'from' | 'to'; kind: 'bad-date' }
  | { field: 'to'; kind: 'dates-reversed' }
  | { field: 'minScore' | 'maxScore'; kind: 'bad-score' }
  | { field: 'maxScore'; kind: 'scores-reversed' };

type Params = Readonly<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The query in a URL's parameters; unknown choices fall back to their defaults. */
export function parseHistoryQuery(params: Params): HistoryQuery {
  const read = (key: keyof HistoryQuery) => first(params[PARAMS[key]]);
  return {
    text: read('text'),
    type: oneOf<InterviewType | 'all'>(read('type'), ['all', ...HISTORY_TYPES], 'all'),
    status: oneOf(read('status'), HISTORY_STATUSES, 'all'),
    from: read('from').trim(),
    to: read('to').trim(),
    minScore: read('minScore').trim(),
    maxScore: read('maxScore').trim(),
    sort: oneOf(read('sort'), HISTORY_SORTS, 'newest'),
  };
}

/** The URL parameters for a change to the query; defaults become undefined, which removes them. */
export function historyQueryParams(change: Partial<HistoryQuery>): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(change) as [keyof HistoryQuery, string][]) {
    params[PARAMS[key]] = value === DEFAULT_HISTORY_QUERY[key] ? undefined : value;
  }
  return params;
}

/** Every field back to its default, as URL parameters. */
export function clearedHistoryParams(): Record<string, undefined> {
  return Object.fromEntries(Object.values(PARAMS).map((name) => [name, undefined]));
}

export function isFiltered(query: HistoryQuery): boolean {
  return (Object.keys(DEFAULT_HISTORY_QUERY) as (keyof HistoryQuery)[]).some((key) => key !== 'sort' && query[key].trim() !== DEFAULT_HISTORY_QUERY[key]);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local calendar date as a number (20261123), or null when it is not a real date. */
function dayNumber(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return year * 10_000 + month * 100 + day;
}

function localDayOf(iso: string): number {
  const date = new Date(iso);
  return date.getFullYear() * 10_000 + (date.getMonth() + 1) * 100 + date.getDate();
}

function scoreBound(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return value >= 0 && value <= 100 ? value : null;
}

interface Bounds {
  from: number | null;
  to: number | null;
  minScore: number | null;
  maxScore: number | null;
  problems: HistoryProblem[];
}

/** The filters that can be applied, and what is wrong with the rest. */
function boundsOf(query: HistoryQuery): Bounds {
  const problems: HistoryProblem[] = [];
  let from = query.from ? dayNumber(query.from) : null;
  let to = query.to ? dayNumber(query.to) : null;
  if (query.from && from === null) problems.push({ field: 'from', kind: 'bad-date' });
  if (query.to && to === null) problems.push({ field: 'to', kind: 'bad-date' });
  if (from !== null && to !== null && from > to) {
    problems.push({ field: 'to', kind: 'dates-reversed' });
    from = to = null;
  }
  let minScore = query.minScore ? scoreBound(query.minScore) : null;
  let maxScore = query.maxScore ? scoreBound(query.maxScore) : null;
  if (query.minScore && minScore === null) problems.push({ field: 'minScore', kind: 'bad-score' });
  if (query.maxScore && maxScore === null) problems.push({ field: 'maxScore', kind: 'bad-score' });
  if (minScore !== null && maxScore !== null && minScore > maxScore) {
    problems.push({ field: 'maxScore', kind: 'scores-reversed' });
    minScore = maxScore = null;
  }
  return { from, to, minScore, maxScore, problems };
}

/** What is wrong with the query's values; each problem's filter is not applied. */
export function historyProblems(query: HistoryQuery): HistoryProblem[] {
  return boundsOf(query).problems;
}

/** Lower-cased, accents removed, so "ingeniería" matches "ingenieria". */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

/**
 * Interviews that match the query, sorted. `searchText` holds each interview's searchable text (its
 * questions and answers, already normalised); without it, or for an interview it lacks, the search
 * looks at the role, the seniority and type (as `labels` names them, in the interface's language)
 * and the notes. Every word searched for must appear somewhere.
 */
export function filterHistory(
  interviews: readonly InterviewRecord[],
  query: HistoryQuery,
  options: { labels?: (interview: InterviewRecord) => string; searchText?: ReadonlyMap<string, string> | null } = {},
): InterviewRecord[] {
  const bounds = boundsOf(query);
  const terms = normaliseForSearch(query.text).split(/\s+/).filter(Boolean);
  const scoreFiltered = bounds.minScore !== null || bounds.maxScore !== null;
  const matches = interviews.filter((interview) => {
    if (query.type !== 'all' && interview.spec.type !== query.type) return false;
    if (query.status !== 'all' && interview.status !== query.status) return false;
    if (bounds.from !== null || bounds.to !== null) {
      const day = localDayOf(interview.startedAt);
      if (bounds.from !== null && day < bounds.from) return false;
      if (bounds.to !== null && day > bounds.to) return false;
    }
    if (scoreFiltered) {
      // An interview without a score cannot be inside a score range.
      if (interview.overall === null) return false;
      if (bounds.minScore !== null && interview.overall < bounds.minScore) return false;
      if (bounds.maxScore !== null && interview.overall > bounds.maxScore) return false;
    }
    if (terms.length > 0) {
      const own = normaliseForSearch([interview.spec.role, interview.spec.seniority, interview.spec.type, options.labels?.(interview) ?? '', interview.spec.notes ?? ''].join(' '));
      const haystack = `${own} ${options.searchText?.get(interview.id) ?? ''}`;
      if (!terms.every((term) => haystack.includes(term))) return false;
    }
    return true;
  });
  return matches.sort(comparatorFor(query.sort));
}

const newestFirst = (a: InterviewRecord, b: InterviewRecord) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id);

function comparatorFor(sort: HistorySort): (a: InterviewRecord, b: InterviewRecord) => number {
  switch (sort) {
    case 'newest':
      return newestFirst;
    case 'oldest':
      return (a, b) => -newestFirst(a, b);
    case 'score-high':
    case 'score-low': {
      const direction = sort === 'score-high' ? -1 : 1;
      // Unscored interviews (in progress) go last either way, newest first among them.
      return (a, b) => {
        if (a.overall === null || b.overall === null) return a.overall === b.overall ? newestFirst(a, b) : a.overall === null ? 1 : -1;
        return direction * (a.overall - b.overall) || newestFirst(a, b);
      };
    }
  }
}

/** The text of an interview's questions and answers (follow-ups included), normalised for search. */
export function turnSearchText(turns: readonly { question: { text: string }; answer: string | null; followUp?: { question: string; answer: string } | null }[]): string {
  return normaliseForSearch(turns.flatMap((turn) => [turn.question.text, turn.answer ?? '', turn.followUp?.question ?? '', turn.followUp?.answer ?? '']).join(' '));
}
