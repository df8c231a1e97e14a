// Personal bests, each with the interview it came from and a link to that report: the highest
// overall score, the best mean of each rubric area, and the best delivery where answers were spoken.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { InterviewRecord } from '../data/db.ts';
import { t } from '../i18n/i18n.ts';
import type { PersonalBest, PersonalBests } from './personal-bests.ts';
import { dimensionName, formatDay, formatOverallScore, formatScore, formatSpeech, withUnit } from './progress-format.ts';

interface BestItem {
  id: string;
  title: string;
  value: string;
  best: PersonalBest;
}

export function PersonalBestsSection(props: { bests: PersonalBests; interviews: ReadonlyMap<string, InterviewRecord> }) {
  const items = (): BestItem[] => {
    const list: BestItem[] = [];
    const overall = props.bests.overall;
    if (overall) list.push({ id: 'overall', title: t('progress:bests.overall'), value: withUnit('overall', formatOverallScore(overall.value)), best: overall });
    for (const best of props.bests.dimensions) {
      const name = dimensionName(best.key, best.label);
      list.push({ id: `dimension-${best.key}`, title: t('progress:bests.dimension', { dimension: name }), value: withUnit('score', formatScore(best.value)), best });
    }
    for (const best of props.bests.speech) {
      list.push({ id: `speech-${best.key}`, title: t(`progress:bests.speech.${best.key}`), value: withUnit(best.key, formatSpeech(best.key, best.value)), best });
    }
    return list;
  };
  const role = (best: PersonalBest) => props.interviews.get(best.interviewId)?.spec.role ?? '';

  return (
    <Show when={items().length > 0}>
      <section class="stack-tight" aria-labelledby="bests-title">
        <h2 id="bests-title">{t('progress:bests.title')}</h2>
        <ul class="bests-grid">
          <For each={items()}>
            {(item) => (
              <li class="personal-best" data-testid={`personal-best-${item.id}`} data-interview-id={item.best.interviewId}>
                <span class="muted small">{item.title}</span>
                <span class="best-value">{item.value}</span>
                <span class="small">{t('progress:bests.from', { role: role(item.best), date: formatDay(item.best.at) })}</span>
                <A
                  class="small"
                  href={`/report/${item.best.interviewId}`}
                  aria-label={t('progress:bests.openReportFor', { role: role(item.best), date: formatDay(item.best.at) })}
                >
                  {t('progress:bests.openReport')}
                </A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
