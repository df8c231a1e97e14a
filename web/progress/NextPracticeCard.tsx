// The "next practice" suggestion: the weakest rubric area over the recent interviews, why it was
// chosen (the weighted score, and the rule that broke a tie), one thing to try, and a link to set
// up the same kind of interview with that area as its focus. Every area's standing is listed
// below it, so the choice can be checked.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import type { NextPractice } from './next-practice.ts';
import { dimensionName, dimensionTip, formatScore, listOf } from './progress-format.ts';

export function NextPracticeCard(props: { suggestion: NextPractice }) {
  const name = () => dimensionName(props.suggestion.dimension.key, props.suggestion.dimension.label);
  const score = () => formatScore(props.suggestion.dimension.weighted);
  const setup = () => props.suggestion.setup;
  return (
    <section class="card stack-tight next-practice" aria-labelledby="next-practice-title" data-testid="next-practice" data-dimension={props.suggestion.dimension.key}>
      <h2 id="next-practice-title">{t('progress:next.title')}</h2>
      <p class="next-practice-focus" data-testid="next-practice-dimension">
        {t('progress:next.workOn', { dimension: name() })}
      </p>
      <p>{t('progress:next.why', { count: props.suggestion.interviewsConsidered, score: score() })}</p>
      <Show when={props.suggestion.tie}>
        {(tie) => (
          <p class="muted small" data-testid="next-practice-tie" data-rule={tie().decidedBy}>
            {t(`progress:next.tie.${tie().decidedBy}`, {
              others: listOf(tie().with.map((other) => dimensionName(other.key, other.label))),
              score: score(),
              dimension: name(),
            })}
          </p>
        )}
      </Show>
      <p>{dimensionTip(props.suggestion.dimension.key)}</p>
      <p class="muted small">
        {t('progress:next.setup', {
          type: t(`progress:typesInSentence.${setup().type}`),
          role: setup().role,
          seniority: t(`progress:seniorities.${setup().seniority}`),
          dimension: name(),
        })}
      </p>
      <div>
        <A href={props.suggestion.href} class="button button-primary" data-testid="next-practice-start">
          {t('progress:next.start', { dimension: name() })}
        </A>
      </div>
      <Show when={props.suggestion.standings.length > 1}>
        <details>
          <summary class="small">{t('progress:next.allTitle')}</summary>
          <ol class="standings small">
            <For each={props.suggestion.standings}>
              {(standing) => (
                <li data-dimension={standing.key}>
                  {dimensionName(standing.key, standing.label)}: {t('progress:next.standing', { score: formatScore(standing.weighted) })}
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
    </section>
  );
}
