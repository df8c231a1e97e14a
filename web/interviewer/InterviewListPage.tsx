import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { InterviewFilters } from './InterviewFilters.tsx';
import { fetchInterviewPage, type InterviewFilters as Filters } from './review-api.ts';
import { ENGINE_KIND_LABELS, formatDateTime, interviewTypeLabel, SENIORITY_LABELS } from '../ui/format.ts';
import { usePageTitle } from '../ui/page.ts';
import { problemText } from './problem-text.ts';
import { listTemplates } from './workspace-api.ts';
import type { EngineKind, Seniority } from '../../sync-server/protocol/index.ts';

export default function InterviewListPage() {
  const [filters, setFilters] = createSignal<Filters>({});
  const [page, { refetch, mutate }] = createResource(filters, (current) => fetchInterviewPage(current));
  const interviews = () => page()?.interviews;
  // The template filter's choices and the rows' template names. Without them (the call failed) the
  // list still works, filtered by everything else.
  const [templates] = createResource(() => listTemplates().catch(() => []));
  const templateName = (templateId: string | null) => (templateId === null ? undefined : templates()?.find((template) => template.id === templateId)?.name);
  const [selected, setSelected] = createSignal<string[]>([]);
  const toggle = (id: string, on: boolean) => setSelected((ids) => (on ? [...ids.filter((other) => other !== id), id] : ids.filter((other) => other !== id)));
  const canCompare = () => selected().length >= 2 && selected().length <= 4;
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<unknown>(null);
  usePageTitle(() => t('interviewer:list.title'));
  const more = async () => {
    const current = page();
    if (!current?.nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await fetchInterviewPage(filters(), current.nextCursor);
      mutate({ interviews: [...current.interviews, ...next.interviews], nextCursor: next.nextCursor });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div class="stack">
      <div class="row spread">
        <h1>{t('interviewer:list.title')}</h1>
        <button type="button" class="button button-small" onClick={() => void refetch()}>
          {t('interviewer:list.refresh')}
        </button>
      </div>
      <p class="muted">{t('interviewer:list.intro')}</p>
      <InterviewFilters onApply={(next) => setFilters({ ...next })} templates={templates() ?? []} />
      <Show when={!page.error} fallback={<p class="error" role="alert">{problemText(page.error)}</p>}>
        <Show
          when={(interviews() ?? []).length > 0}
          fallback={
            <Show when={!page.loading}>
              <p class="card muted">
                {Object.keys(filters()).some((key) => key !== 'sort' && key !== 'order') ? t('workspace-review:filters.none') : t('interviewer:list.empty')}
              </p>
            </Show>
          }
        >
          <div class="interviewer-table-wrap" tabindex="0" role="region" aria-label={t('interviewer:list.caption')}>
            <table class="interviewer-table">
              <caption class="visually-hidden">{t('interviewer:list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('interviewer:list.columns.candidate')}</th>
                  <th scope="col">{t('interviewer:list.columns.role')}</th>
                  <th scope="col">{t('interviewer:list.columns.type')}</th>
                  <th scope="col">{t('interviewer:list.columns.date')}</th>
                  <th scope="col">{t('interviewer:list.columns.score')}</th>
                  <th scope="col">{t('interviewer:list.columns.scoring')}</th>
                  <th scope="col">{t('workspace-review:compare.selectColumn')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={interviews()}>
                  {(interview) => (
                    <tr>
                      <th scope="row">
                        <A href={`/interviewer/interviews/${encodeURIComponent(interview.id)}`}>{interview.candidateName}</A>
                      </th>
                      <td>
                        {interview.role} <span class="muted small">({SENIORITY_LABELS[interview.seniority as Seniority] ?? interview.seniority})</span>
                        <Show when={templateName(interview.templateId)}>
                          {(name) => (
                            <span class="muted small review-template-label" data-testid="interview-template">
                              {t('workspace-review:filters.fromTemplate', { name: name() })}
                            </span>
                          )}
                        </Show>
                      </td>
                      <td>{interviewTypeLabel(interview.type)}</td>
                      <td>{formatDateTime(interview.startedAt)}</td>
                      <td>
                        <Show when={interview.overall !== null} fallback={<span class="muted">{t('interviewer:list.inProgress')}</span>}>
                          <span class="score-badge">{Math.round(interview.overall!)}</span>
                        </Show>
                      </td>
                      <td class="small">{ENGINE_KIND_LABELS[interview.engine as EngineKind] ?? interview.engine}</td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('workspace-review:compare.select', { name: interview.candidateName })}
                          checked={selected().includes(interview.id)}
                          onChange={(event) => toggle(interview.id, event.currentTarget.checked)}
                        />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <p class="muted small" role="status" data-testid="interview-count">
            {t('workspace-review:filters.count', { count: interviews()?.length ?? 0 })}
          </p>
          <div class="row">
            <p class="muted small" role="status">
              {t('workspace-review:compare.selected', { count: selected().length })}
            </p>
            <Show
              when={canCompare()}
              fallback={
                <button type="button" class="button" disabled>
                  {t('workspace-review:compare.open')}
                </button>
              }
            >
              <A class="button button-primary" href={`/interviewer/compare?ids=${selected().map(encodeURIComponent).join(',')}`}>
                {t('workspace-review:compare.open')}
              </A>
            </Show>
          </div>
          <Show when={page()?.nextCursor}>
            <button type="button" class="button" disabled={loadingMore()} onClick={() => void more()}>
              {t('workspace-review:filters.more')}
            </button>
          </Show>
          <Show when={moreError()}>{(error) => <p class="error" role="alert">{problemText(error())}</p>}</Show>
        </Show>
      </Show>
    </div>
  );
}
