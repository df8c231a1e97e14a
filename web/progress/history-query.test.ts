import { describe, expect, it } from 'vitest';
import type { InterviewRecord } from '../data/db.ts';
import {
  clearedHistoryParams,
  DEFAULT_HISTORY_QUERY,
  filterHistory,
  historyProblems,
  historyQueryParams,
  isFiltered,
  normaliseForSearch,
  parseHistoryQuery,
  turnSearchText,
  type HistoryQuery,
} from './history-query.ts';
import { entry } from './test-support/history-builders.ts';

/** A local date-time, so the date filters are tested in whatever time zone the tests run. */
const local = (year: number, month: number, day: number, hour = 12) => new Date(year, month - 1, day, hour).toISOString();

const nurse = entry({ id: '01A', startedAt: local(2026, 3, 1), overall: 40, spec: { role: 'Registered nurse', type: 'mixed', notes: 'St Mary’s Hospital night shifts' } }).interview;
const engineer = entry({ id: '01B', startedAt: local(2026, 3, 10), overall: 82, spec: { role: 'Ingeniería de datos', type: 'technical' } }).interview;
const designer = entry({ id: '01C', startedAt: local(2026, 3, 20, 23), status: 'in-progress', spec: { role: 'Product designer', type: 'behavioural' } }).interview;
const lead = entry({ id: '01D', startedAt: local(2026, 3, 31, 0), overall: 61, spec: { role: 'Engineering lead', type: 'behavioural' } }).interview;
const ALL: InterviewRecord[] = [nurse, engineer, designer, lead];

const query = (change: Partial<HistoryQuery>): HistoryQuery => ({ ...DEFAULT_HISTORY_QUERY, ...change });
const ids = (list: InterviewRecord[]) => list.map((interview) => interview.id);

describe('the URL form', () => {
  it('reads every field from short parameter names, and round-trips', () => {
    const parsed = parseHistoryQuery({ q: 'nurse', type: 'mixed', status: 'completed', from: '2026-03-01', to: '2026-03-31', min: '10', max: '90', sort: 'score-high' });
    expect(parsed).toEqual({ text: 'nurse', type: 'mixed', status: 'completed', from: '2026-03-01', to: '2026-03-31', minScore: '10', maxScore: '90', sort: 'score-high' });
    expect(historyQueryParams(parsed)).toEqual({ q: 'nurse', type: 'mixed', status: 'completed', from: '2026-03-01', to: '2026-03-31', min: '10', max: '90', sort: 'score-high' });
  });

  it('uses the defaults for missing or unknown choices, and the first of repeated parameters', () => {
    expect(parseHistoryQuery({})).toEqual(DEFAULT_HISTORY_QUERY);
    expect(parseHistoryQuery({ type: 'poetry', status: 'lost', sort: 'random', q: ['first', 'second'] })).toEqual({ ...DEFAULT_HISTORY_QUERY, text: 'first' });
  });

  it('removes defaults from the URL, and clears everything', () => {
    expect(historyQueryParams({ type: 'all', sort: 'newest', text: '' })).toEqual({ type: undefined, sort: undefined, q: undefined });
    expect(clearedHistoryParams()).toEqual({ q: undefined, type: undefined, status: undefined, from: undefined, to: undefined, min: undefined, max: undefined, sort: undefined });
  });

  it('says whether anything filters the list (sorting does not)', () => {
    expect(isFiltered(DEFAULT_HISTORY_QUERY)).toBe(false);
    expect(isFiltered(query({ sort: 'oldest' }))).toBe(false);
    expect(isFiltered(query({ text: '   ' }))).toBe(false);
    expect(isFiltered(query({ minScore: '5' }))).toBe(true);
  });
});

describe('filterHistory', () => {
  it('lists everything newest first by default, and handles an empty history', () => {
    expect(ids(filterHistory(ALL, DEFAULT_HISTORY_QUERY))).toEqual(['01D', '01C', '01B', '01A']);
    expect(filterHistory([], query({ text: 'x', minScore: '1' }))).toEqual([]);
  });

  it('searches the role, the type, the notes and the labels shown, ignoring case and accents, every word required', () => {
    expect(ids(filterHistory(ALL, query({ text: 'NURSE' })))).toEqual(['01A']);
    expect(ids(filterHistory(ALL, query({ text: 'ingenieria' })))).toEqual(['01B']);
    expect(ids(filterHistory(ALL, query({ text: 'hospital nurse' })))).toEqual(['01A']);
    expect(ids(filterHistory(ALL, query({ text: 'hospital engineer' })))).toEqual([]);
    expect(ids(filterHistory(ALL, query({ text: 'behavioural' })))).toEqual(['01D', '01C']);
    const labels = (interview: InterviewRecord) => (interview.spec.type === 'technical' ? 'Técnica' : '');
    expect(ids(filterHistory(ALL, query({ text: 'tecnica' }), { labels }))).toEqual(['01B']);
  });

  it("searches questions and answers through the search text it is given", () => {
    const turns = entry({ id: 'x', startedAt: local(2026, 1, 1), turns: [{ question: 'Tell me about a conflict.', answer: 'I mediated between QA and Dev.', followUp: { question: 'What changed?', answer: 'Releases sped up.' } }] }).turns;
    const searchText = new Map([[nurse.id, turnSearchText(turns)]]);
    expect(ids(filterHistory(ALL, query({ text: 'mediated' }), { searchText }))).toEqual(['01A']);
    expect(ids(filterHistory(ALL, query({ text: 'releases conflict' }), { searchText }))).toEqual(['01A']);
    expect(ids(filterHistory(ALL, query({ text: 'mediated' })))).toEqual([]);
  });

  it('filters by type and by status', () => {
    expect(ids(filterHistory(ALL, query({ type: 'behavioural' })))).toEqual(['01D', '01C']);
    expect(ids(filterHistory(ALL, query({ status: 'in-progress' })))).toEqual(['01C']);
    expect(ids(filterHistory(ALL, query({ status: 'completed', type: 'behavioural' })))).toEqual(['01D']);
  });

  it('filters by local dates, both ends included, late at night and just after midnight', () => {
    expect(ids(filterHistory(ALL, query({ from: '2026-03-10', to: '2026-03-20' })))).toEqual(['01C', '01B']);
    expect(ids(filterHistory(ALL, query({ from: '2026-03-31' })))).toEqual(['01D']);
    expect(ids(filterHistory(ALL, query({ to: '2026-03-01' })))).toEqual(['01A']);
  });

  it('filters by overall score, both ends included, leaving out interviews without one', () => {
    expect(ids(filterHistory(ALL, query({ minScore: '61' })))).toEqual(['01D', '01B']);
    expect(ids(filterHistory(ALL, query({ minScore: '40', maxScore: '61' })))).toEqual(['01D', '01A']);
    expect(ids(filterHistory(ALL, query({ maxScore: '100' })))).toEqual(['01D', '01B', '01A']);
  });

  it('sorts by date either way and by score either way, unscored interviews last', () => {
    expect(ids(filterHistory(ALL, query({ sort: 'oldest' })))).toEqual(['01A', '01B', '01C', '01D']);
    expect(ids(filterHistory(ALL, query({ sort: 'score-high' })))).toEqual(['01B', '01D', '01A', '01C']);
    expect(ids(filterHistory(ALL, query({ sort: 'score-low' })))).toEqual(['01A', '01D', '01B', '01C']);
  });

  it('does not change the list it was given', () => {
    const copy = [...ALL];
    filterHistory(ALL, query({ sort: 'oldest' }));
    expect(ALL).toEqual(copy);
  });
});

describe('bad filter values', () => {
  it('reports impossible dates and scores and applies the other filters', () => {
    const bad = query({ from: '2026-02-30', to: 'soon', minScore: '-5', maxScore: '101', type: 'technical' });
    expect(historyProblems(bad)).toEqual([
      { field: 'from', kind: 'bad-date' },
      { field: 'to', kind: 'bad-date' },
      { field: 'minScore', kind: 'bad-score' },
      { field: 'maxScore', kind: 'bad-score' },
    ]);
    expect(ids(filterHistory(ALL, bad))).toEqual(['01B']);
  });

  it('reports reversed ranges and leaves those ranges out rather than showing nothing', () => {
    const reversed = query({ from: '2026-03-20', to: '2026-03-01', minScore: '80', maxScore: '20' });
    expect(historyProblems(reversed)).toEqual([
      { field: 'to', kind: 'dates-reversed' },
      { field: 'maxScore', kind: 'scores-reversed' },
    ]);
    expect(filterHistory(ALL, reversed)).toHaveLength(4);
  });

  it('has no problems with empty or valid values', () => {
    expect(historyProblems(DEFAULT_HISTORY_QUERY)).toEqual([]);
    expect(historyProblems(query({ from: '2024-02-29', minScore: '0', maxScore: '72.5' }))).toEqual([]);
  });
});

describe('normaliseForSearch', () => {
  it('folds case and accents', () => {
    expect(normaliseForSearch('Ingeniería SÉNIOR Ñandú')).toBe('ingenieria senior nandu');
  });
});
