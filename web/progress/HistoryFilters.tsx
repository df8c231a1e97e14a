// The history's search box, filters and sort, for the list of interviews on the home screen. Every
// value lives in the URL (useHistoryQuery), so this renders what the URL says and turns each change
// into a navigation. A value that cannot be used is kept in its field, marked invalid, and explained
// beside it; the other filters keep working.
import { createEffect, For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { HISTORY_SORTS, HISTORY_STATUSES, HISTORY_TYPES, isFiltered, type HistoryProblem, type HistoryQuery } from './history-query.ts';
import type { HistoryQueryControl } from './history-url.ts';
import './progress.css';

type FieldWithProblem = HistoryProblem['field'];

export function HistoryFilters(props: { control: HistoryQueryControl; total: number; shown: number }) {
  const query = () => props.control.query();
  const problem = (field: FieldWithProblem) => props.control.problems().find((item) => item.field === field);
  const errorId = (field: FieldWithProblem) => `history-${field}-error`;
  const moreInUse = () => {
    const q = query();
    return q.type !== 'all' || q.status !== 'all' || q.from !== '' || q.to !== '' || q.minScore !== '' || q.maxScore !== '' || props.control.problems().length > 0;
  };
  const set = (change: Partial<HistoryQuery>) => props.control.update(change);
  let more: HTMLDetailsElement | undefined;
  // Filters in use are never hidden; clearing one does not fold the section shut under the cursor.
  createEffect(() => {
    if (moreInUse() && more) more.open = true;
  });

  const ProblemText = (p: { field: FieldWithProblem }) => (
    <Show when={problem(p.field)}>
      {(found) => (
        <span id={errorId(p.field)} class="error small">
          {t(`progress:history.problems.${found().kind}`)}
        </span>
      )}
    </Show>
  );

  const invalidProps = (field: FieldWithProblem) => ({
    'aria-invalid': problem(field) ? ('true' as const) : undefined,
    'aria-describedby': problem(field) ? errorId(field) : undefined,
  });

  return (
    <form class="card history-filters" role="search" aria-label={t('progress:history.formLabel')} data-testid="history-filters" onSubmit={(event) => event.preventDefault()}>
      <div class="history-filters-main">
        <div class="field">
          <label for="history-search">{t('progress:history.searchLabel')}</label>
          <input
            id="history-search"
            class="input"
            type="search"
            autocomplete="off"
            placeholder={t('progress:history.searchPlaceholder')}
            value={query().text}
            onInput={(event) => props.control.update({ text: event.currentTarget.value }, 'typing')}
          />
        </div>
        <div class="field">
          <label for="history-sort">{t('progress:history.sort')}</label>
          <select id="history-sort" class="select" value={query().sort} onChange={(event) => set({ sort: event.currentTarget.value as HistoryQuery['sort'] })}>
            <For each={HISTORY_SORTS}>{(sort) => <option value={sort} selected={query().sort === sort}>{t(`progress:history.sorts.${sort}`)}</option>}</For>
          </select>
        </div>
      </div>

      <details class="history-more" ref={more}>
        <summary>{t('progress:history.filters')}</summary>
        <div class="history-filter-grid">
          <div class="field">
            <label for="history-type">{t('progress:history.type')}</label>
            <select id="history-type" class="select" value={query().type} onChange={(event) => set({ type: event.currentTarget.value as HistoryQuery['type'] })}>
              <option value="all" selected={query().type === 'all'}>
                {t('progress:history.allTypes')}
              </option>
              <For each={HISTORY_TYPES}>{(type) => <option value={type} selected={query().type === type}>{t(`progress:types.${type}`)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="history-status">{t('progress:history.status')}</label>
            <select id="history-status" class="select" value={query().status} onChange={(event) => set({ status: event.currentTarget.value as HistoryQuery['status'] })}>
              <For each={HISTORY_STATUSES}>{(status) => <option value={status} selected={query().status === status}>{t(`progress:history.statuses.${status}`)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="history-from">{t('progress:history.from')}</label>
            <input id="history-from" class="input" type="date" value={query().from} onChange={(event) => set({ from: event.currentTarget.value })} {...invalidProps('from')} />
            <ProblemText field="from" />
          </div>
          <div class="field">
            <label for="history-to">{t('progress:history.to')}</label>
            <input id="history-to" class="input" type="date" value={query().to} onChange={(event) => set({ to: event.currentTarget.value })} {...invalidProps('to')} />
            <ProblemText field="to" />
          </div>
          <div class="field">
            <label for="history-min">{t('progress:history.minScore')}</label>
            <input
              id="history-min"
              class="input"
              type="number"
              inputmode="decimal"
              min="0"
              max="100"
              value={query().minScore}
              onChange={(event) => set({ minScore: event.currentTarget.value.trim() })}
              {...invalidProps('minScore')}
            />
            <ProblemText field="minScore" />
          </div>
          <div class="field">
            <label for="history-max">{t('progress:history.maxScore')}</label>
            <input
              id="history-max"
              class="input"
              type="number"
              inputmode="decimal"
              min="0"
              max="100"
              value={query().maxScore}
              onChange={(event) => set({ maxScore: event.currentTarget.value.trim() })}
              {...invalidProps('maxScore')}
            />
            <ProblemText field="maxScore" />
          </div>
        </div>
      </details>

      <div class="row spread">
        <p class="muted small" role="status" data-testid="history-count">
          {t('progress:history.showing', { count: props.total, shown: props.shown })}
        </p>
        <Show when={isFiltered(query())}>
          <button type="button" class="button button-small" onClick={() => props.control.clear()}>
            {t('progress:history.clear')}
          </button>
        </Show>
      </div>
    </form>
  );
}
