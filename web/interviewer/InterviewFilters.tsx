// The interview list's filter form (candidate, role, template, dates, score range, sort) and its CSV
// export link. It hands the applied filters up; the list page fetches (and loads the templates it
// offers). Must not import: Dexie.
import { createSignal, For } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { csvExportUrl, type InterviewFilters as Filters } from './review-api.ts';
import './review.css';

export function InterviewFilters(props: { onApply: (filters: Filters) => void; templates: readonly { id: string; name: string }[] }) {
  const [applied, setApplied] = createSignal<Filters>({});
  let form!: HTMLFormElement;

  const read = (): Filters => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const filters: Filters = {};
    for (const key of ['candidate', 'role', 'template', 'from', 'to', 'minScore', 'maxScore'] as const) {
      const value = text(key);
      if (value) filters[key] = value;
    }
    filters.sort = (text('sort') as Filters['sort']) ?? 'startedAt';
    filters.order = (text('order') as Filters['order']) ?? 'desc';
    return filters;
  };
  const apply = (event?: Event) => {
    event?.preventDefault();
    const filters = read();
    setApplied(filters);
    props.onApply(filters);
  };

  return (
    <form ref={form} class="card stack review-filters" aria-labelledby="review-filters-title" onSubmit={apply}>
      <h2 id="review-filters-title">{t('workspace-review:filters.title')}</h2>
      <div class="review-filters-grid">
        <label class="field">
          <span>{t('workspace-review:filters.candidate')}</span>
          <input name="candidate" type="search" autocomplete="off" />
        </label>
        <label class="field">
          <span>{t('workspace-review:filters.role')}</span>
          <input name="role" type="search" autocomplete="off" />
        </label>
        <label class="field">
          {/* Named by its span alone: the label's text would take in every template name listed. */}
          <span id="review-filter-template">{t('workspace-review:filters.template')}</span>
          <select name="template" aria-labelledby="review-filter-template" data-testid="template-filter">
            <option value="">{t('workspace-review:filters.anyTemplate')}</option>
            <For each={props.templates}>{(template) => <option value={template.id}>{template.name}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('workspace-review:filters.from')}</span>
          <input name="from" type="date" />
        </label>
        <label class="field">
          <span>{t('workspace-review:filters.to')}</span>
          <input name="to" type="date" />
        </label>
        <label class="field">
          <span>{t('workspace-review:filters.minScore')}</span>
          <input name="minScore" type="number" min="0" max="100" inputmode="numeric" />
        </label>
        <label class="field">
          <span>{t('workspace-review:filters.maxScore')}</span>
          <input name="maxScore" type="number" min="0" max="100" inputmode="numeric" />
        </label>
        <label class="field">
          <span>{t('workspace-review:filters.sort')}</span>
          <select name="sort">
            <option value="startedAt">{t('workspace-review:filters.sortStartedAt')}</option>
            <option value="overall">{t('workspace-review:filters.sortOverall')}</option>
            <option value="candidate">{t('workspace-review:filters.sortCandidate')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('workspace-review:filters.order')}</span>
          <select name="order">
            <option value="desc">{t('workspace-review:filters.desc')}</option>
            <option value="asc">{t('workspace-review:filters.asc')}</option>
          </select>
        </label>
      </div>
      <div class="row">
        <button type="submit" class="button button-primary">
          {t('workspace-review:filters.apply')}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => {
            form.reset();
            apply();
          }}
        >
          {t('workspace-review:filters.clear')}
        </button>
        <a class="button" href={csvExportUrl(applied())} download="" data-testid="export-csv">
          {t('workspace-review:filters.exportCsv')}
        </a>
      </div>
    </form>
  );
}
