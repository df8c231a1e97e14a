// The resource panel: the challenge's hints, revealed one at a time (a nudge first, the approach
// last), as many as the challenge's source allows. How many were revealed is stored with the draft
// and with each attempt.
import { For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import type { LocalisedText } from './catalogue/challenge-schema.ts';
import { RichText } from './RichText.tsx';

export function HintsPanel(props: { hints: readonly LocalisedText[]; allowed: number; revealed: number; language: 'en' | 'es'; onReveal: () => void }) {
  const shown = () => props.hints.slice(0, Math.min(props.revealed, props.allowed));
  const canReveal = () => shown().length < Math.min(props.allowed, props.hints.length);
  let list: HTMLOListElement | undefined;
  const reveal = () => {
    props.onReveal();
    // The hint just revealed takes focus, so a screen reader reads it and the next press reveals the next.
    queueMicrotask(() => list?.querySelector<HTMLElement>('li:last-child')?.focus());
  };
  return (
    <section class="card stack-tight hints-panel" aria-labelledby="hints-title">
      <h2 id="hints-title">{t('challenges:hints.title')}</h2>
      <Show when={props.allowed > 0} fallback={<p class="muted small">{t('challenges:hints.noneAllowed')}</p>}>
        <p class="muted small" data-testid="hints-count">
          {t('challenges:hints.count', { shown: shown().length, total: Math.min(props.allowed, props.hints.length) })}
        </p>
        <Show when={shown().length > 0}>
          <ol class="hint-list" ref={list}>
            <For each={shown()}>
              {(hint) => (
                <li tabindex="-1" data-testid="hint">
                  <RichText text={hint[props.language]} />
                </li>
              )}
            </For>
          </ol>
        </Show>
        <Show when={canReveal()}>
          <div>
            <button type="button" class="button button-small" onClick={reveal}>
              {shown().length === 0 ? t('challenges:hints.showFirst') : t('challenges:hints.showNext')}
            </button>
          </div>
        </Show>
        <p class="hint">{t('challenges:hints.recorded')}</p>
      </Show>
    </section>
  );
}
