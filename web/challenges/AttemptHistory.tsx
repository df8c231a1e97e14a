// Past attempts at one challenge, newest first: when, both scores, hints revealed and time taken, and
// the code and explanation as they were submitted.
import { For, Show } from 'solid-js';
import type { ChallengeAttemptRecord } from '../data/db.ts';
import { t } from '../i18n/i18n.ts';
import { formatDateTime, formatDuration } from '../ui/format.ts';

export function AttemptHistory(props: { attempts: readonly ChallengeAttemptRecord[] }) {
  return (
    <section class="card stack-tight" aria-labelledby="attempts-title">
      <h2 id="attempts-title">{t('challenges:attempts.title')}</h2>
      <Show when={props.attempts.length > 0} fallback={<p class="muted">{t('challenges:attempts.none')}</p>}>
        <ol class="attempt-list" data-testid="attempt-list">
          <For each={props.attempts}>
            {(attempt) => (
              <li class="attempt-item" data-testid="attempt">
                <div class="row spread">
                  <strong>{formatDateTime(attempt.submittedAt)}</strong>
                  <span class="small muted">{t(`challenges:languages.${attempt.language}`)}</span>
                </div>
                <p class="small">
                  {t('challenges:attempts.line', {
                    code: attempt.codeScore,
                    explanation: attempt.explanationScore ? Math.round(attempt.explanationScore.overall) : '—',
                    passed: attempt.run.passed,
                    total: attempt.run.total,
                  })}
                </p>
                <p class="small muted">
                  {t('challenges:attempts.meta', { hints: attempt.hintsRevealed, available: attempt.hintsAvailable, time: formatDuration(attempt.durationMs) })}
                </p>
                <details>
                  <summary>{t('challenges:attempts.details')}</summary>
                  <div class="stack-tight">
                    <pre class="attempt-code">
                      <code>{attempt.code}</code>
                    </pre>
                    <p class="pre-line">{attempt.explanation}</p>
                  </div>
                </details>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
