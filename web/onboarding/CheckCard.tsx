// One check of the device check: its name, its status in words (never colour alone), what it means,
// what still works when something is missing, and the check's own controls as children.
import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import type { CheckOutcome, Message } from './check-outcomes.ts';
import './onboarding.css';

/** A message from check-outcomes.ts in the interface language. */
export function say(message: Message): string {
  return t(`onboarding:${message.key}`, message.params);
}

export function CheckCard(props: { outcome: CheckOutcome; title: string; busy?: boolean; children?: JSX.Element }) {
  const titleId = () => `check-${props.outcome.id}-title`;
  return (
    <section class="card stack-tight check-card" aria-labelledby={titleId()} data-testid={`check-${props.outcome.id}`} data-status={props.outcome.status}>
      <div class="row spread">
        <h2 id={titleId()}>{props.title}</h2>
        <span class="check-status" data-status={props.outcome.status} data-testid="check-status">
          <span class="check-dot" aria-hidden="true" />
          {t(`onboarding:status.${props.outcome.status}`)}
        </span>
      </div>
      <div aria-live="polite" class="stack-tight">
        <p data-testid="check-meaning">{props.busy ? t('onboarding:check.checking') : say(props.outcome.meaning)}</p>
        <Show when={!props.busy && props.outcome.stillWorks}>
          {(stillWorks) => (
            <p class="check-still-works" data-testid="check-still-works">
              <strong>{t('onboarding:check.stillWorks')}</strong> {say(stillWorks())}
            </p>
          )}
        </Show>
      </div>
      <Show when={!props.busy && props.outcome.note}>{(note) => <p class="small muted" data-testid="check-note">{say(note())}</p>}</Show>
      <Show when={!props.busy && props.outcome.detail}>
        {(detail) => (
          <p class="small muted check-detail" data-testid="check-detail">
            {t('onboarding:check.detail', { detail: detail() })}
          </p>
        )}
      </Show>
      {props.children}
    </section>
  );
}
