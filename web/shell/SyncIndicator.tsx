import { Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { describeSyncPhase } from '../sync/sync-state.ts';
import { useSyncSnapshot } from './sync-signal.ts';

/** The header's sync status: a coloured dot, and words on wider screens (always for screen readers). */
export function SyncIndicator() {
  const sync = useSyncSnapshot();
  const text = () => {
    const s = sync();
    const label = describeSyncPhase(s);
    return s.pending > 0 && s.phase !== 'not-joined' && s.phase !== 'starting' ? t('shell:sync.waiting', { label, count: s.pending }) : label;
  };
  return (
    <Show when={sync().phase !== 'starting'}>
      <span class="sync-pill" data-phase={sync().phase} title={sync().message ?? text()}>
        <span class="sync-dot" aria-hidden="true" />
        {/* Polite: a status change is announced when the reader is idle, never interrupting. */}
        <span class="sync-pill-text" aria-live="polite">
          <span class="visually-hidden">{t('shell:sync.status')}</span>
          {text()}
        </span>
      </span>
    </Show>
  );
}
