// The history query bound to the URL: the screen reads its search, filters and sort from the query
// string and every change is a navigation, so back and forward step through them. Typing in the
// search box replaces the current entry after its first keystroke, so one search is one step back,
// not one step per letter.
// Owns: reading and writing the history query in the router. Must not import: Dexie.
import { useSearchParams } from '@solidjs/router';
import { createMemo, type Accessor } from 'solid-js';
import { clearedHistoryParams, historyProblems, historyQueryParams, parseHistoryQuery, type HistoryProblem, type HistoryQuery } from './history-query.ts';

export interface HistoryQueryControl {
  query: Accessor<HistoryQuery>;
  problems: Accessor<HistoryProblem[]>;
  /** 'typing' for keystrokes in the search box; 'choice' for everything else. */
  update: (change: Partial<HistoryQuery>, kind?: 'typing' | 'choice') => void;
  clear: () => void;
}

export function useHistoryQuery(): HistoryQueryControl {
  const [params, setParams] = useSearchParams();
  const query = createMemo(() => parseHistoryQuery(params));
  const problems = createMemo(() => historyProblems(query()));
  let typing = false;
  return {
    query,
    problems,
    update(change, kind = 'choice') {
      setParams(historyQueryParams(change), { replace: kind === 'typing' && typing, scroll: false });
      typing = kind === 'typing';
    },
    clear() {
      typing = false;
      setParams(clearedHistoryParams(), { scroll: false });
    },
  };
}
