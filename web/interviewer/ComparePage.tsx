// Two to four candidates side by side on the rubric (/interviewer/compare?ids=a,b): a table with one
// column per interview and one row per dimension, each cell the average score with a bar beside it.
// The table is the text form of the bars. Must not import: Dexie.
import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { intlLocale, t } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/format.ts';
import { fetchComparison } from './review-api.ts';
import { problemText } from './problem-text.ts';
import './review.css';

export default function ComparePage() {
  const [search] = useSearchParams<{ ids?: string }>();
  const ids = () => (search.ids ?? '').split(',').filter(Boolean);
  const [comparison] = createResource(ids, (list) => fetchComparison(list));

  return (
    <div class="stack">
      <p>
        <A href="/interviewer/interviews">{t('workspace-review:compare.back')}</A>
      </p>
      <h1>{t('workspace-review:compare.title')}</h1>
      <Show when={!comparison.error} fallback={<p class="error" role="alert">{problemText(comparison.error)}</p>}>
        <Show when={comparison()} fallback={<p class="muted">{t('workspace-review:compare.loading')}</p>}>
          {(data) => (
            <div class="interviewer-table-wrap" tabindex="0" role="region" aria-label={t('workspace-review:compare.caption')}>
              <table class="interviewer-table review-compare" data-testid="compare-table">
                <caption>{t('workspace-review:compare.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('workspace-review:compare.dimension')}</th>
                    <For each={data().interviews}>
                      {(interview) => (
                        <th scope="col">
                          <A href={`/interviewer/interviews/${encodeURIComponent(interview.id)}`}>{interview.candidateName}</A>
                          <span class="muted small review-compare-sub">
                            {interview.role} · {formatDateTime(interview.startedAt)}
                          </span>
                          <Show when={interview.overridden > 0}>
                            <span class="small review-compare-sub">{t('workspace-review:compare.overridden', { count: interview.overridden })}</span>
                          </Show>
                        </th>
                      )}
                    </For>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t('workspace-review:compare.overall')}</th>
                    <For each={data().interviews}>
                      {(interview) => <td>{interview.overall === null ? t('workspace-review:compare.notScored') : Math.round(interview.overall)}</td>}
                    </For>
                  </tr>
                  <For each={data().dimensions}>
                    {(dimension) => (
                      <tr>
                        <th scope="row">{dimension.label}</th>
                        <For each={data().interviews}>
                          {(interview) => {
                            const value = interview.dimensions[dimension.key] ?? null;
                            return (
                              <td>
                                <Show when={value !== null} fallback={<span class="muted">{t('workspace-review:compare.notScored')}</span>}>
                                  <span class="review-compare-value">{new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value!)}</span>
                                  <span class="review-compare-bar" aria-hidden="true">
                                    <span style={{ 'inline-size': `${(value! / 5) * 100}%` }} />
                                  </span>
                                </Show>
                              </td>
                            );
                          }}
                        </For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </Show>
      </Show>
    </div>
  );
}
