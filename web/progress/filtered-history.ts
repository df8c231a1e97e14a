// The history list as the home screen shows it: the interviews filtered and sorted by the query in
// the URL, searching questions and answers too once something is typed. The search also matches
// the type and seniority as the list writes them and as the interface language names them.
// Owns: wiring the query, the search text and the list together. Must not import: the screens.
import { createMemo, type Accessor } from 'solid-js';
import type { InterviewRecord } from '../data/db.ts';
import { t } from '../i18n/i18n.ts';
import { INTERVIEW_TYPE_LABELS, SENIORITY_LABELS } from '../ui/format.ts';
import { filterHistory } from './history-query.ts';
import { createHistorySearchIndex } from './history-search-index.ts';
import { useHistoryQuery, type HistoryQueryControl } from './history-url.ts';

export interface FilteredHistory {
  control: HistoryQueryControl;
  shown: Accessor<InterviewRecord[]>;
}

function shownLabels(interview: InterviewRecord): string {
  const { type, seniority } = interview.spec;
  return [INTERVIEW_TYPE_LABELS[type], SENIORITY_LABELS[seniority], t(`progress:types.${type}`), t(`progress:seniorities.${seniority}`)].join(' ');
}

export function useFilteredHistory(interviews: Accessor<readonly InterviewRecord[] | undefined>): FilteredHistory {
  const control = useHistoryQuery();
  const searchText = createHistorySearchIndex(() => control.query().text.trim() !== '');
  const shown = createMemo(() => filterHistory(interviews() ?? [], control.query(), { labels: shownLabels, searchText: searchText() }));
  return { control, shown };
}
