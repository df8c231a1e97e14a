// Both scores of an attempt: the code's (tests passed) and the explanation's (from the engine, with
// each dimension's reason and the quotes it rests on, its feedback and anything it flagged).
import { For, Show } from 'solid-js';
import type { ChallengeAttemptRecord } from '../data/db.ts';
import { t } from '../i18n/i18n.ts';
import { overallLevel } from '../ui/format.ts';

export function AttemptScores(props: { attempt: ChallengeAttemptRecord; scoreError: string | null; headingRef?: (element: HTMLHeadingElement) => void }) {
  const score = () => props.attempt.explanationScore;
  return (
    <section class="card stack attempt-scores" aria-labelledby="scores-title" data-testid="attempt-scores">
      <h2 id="scores-title" tabindex="-1" ref={(element) => props.headingRef?.(element)}>
        {t('challenges:scores.title')}
      </h2>
      <div class="score-tiles">
        <div class="score-tile">
          <span class="label">{t('challenges:scores.code')}</span>
          <span class="score-tile-value">
            <span class="score-badge" data-level={overallLevel(props.attempt.codeScore)} data-testid="code-score">
              {props.attempt.codeScore}
            </span>
            <span class="muted"> / 100</span>
          </span>
          <span class="small muted">{t('challenges:scores.codeDetail', { passed: props.attempt.run.passed, total: props.attempt.run.total })}</span>
        </div>
        <div class="score-tile">
          <span class="label">{t('challenges:scores.explanation')}</span>
          <Show when={score()} fallback={<span class="small error">{props.scoreError ?? t('challenges:scores.notScored')}</span>}>
            {(scored) => (
              <>
                <span class="score-tile-value">
                  <span class="score-badge" data-level={overallLevel(scored().overall)} data-testid="explanation-score">
                    {Math.round(scored().overall)}
                  </span>
                  <span class="muted"> / 100</span>
                </span>
                <span class="small muted">{t('challenges:scores.scoredBy', { engine: props.attempt.engine?.label ?? scored().engine })}</span>
              </>
            )}
          </Show>
        </div>
      </div>
      <Show when={score()}>
        {(scored) => (
          <div class="stack-tight">
            <h3>{t('challenges:scores.dimensionsTitle')}</h3>
            <ul class="turn-dimensions" data-testid="explanation-dimensions">
              <For each={scored().dimensions}>
                {(dimension) => (
                  <li class="turn-dimension">
                    <div class="row spread">
                      <strong>{dimension.label}</strong>
                      <span class="dimension-score">
                        {dimension.score}
                        <span class="muted"> / 5</span>
                      </span>
                    </div>
                    <p class="muted small">{dimension.reason}</p>
                    <For each={dimension.evidence}>
                      {(quote) => (
                        <blockquote class="evidence">
                          <q>{quote}</q>
                        </blockquote>
                      )}
                    </For>
                  </li>
                )}
              </For>
            </ul>
            <Show when={scored().feedback}>
              <p data-testid="explanation-feedback">{scored().feedback}</p>
            </Show>
            <Show when={scored().flags.length > 0}>
              <ul class="plain-list small">
                <For each={scored().flags}>{(flag) => <li class="muted">{flag}</li>}</For>
              </ul>
            </Show>
            <Show when={scored().exampleAnswer}>
              <details>
                <summary>{t('challenges:scores.example')}</summary>
                <p class="pre-line">{scored().exampleAnswer}</p>
              </details>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
