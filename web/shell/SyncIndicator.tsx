import { Show } from 'solid-js';
import { describeSyncPhase } from '../sync/sync-state.ts';
import { useSyncSnapshot } from './sync-signal.ts';

/** The header's sync status: a coloured dot, and words on wider screens (always for screen readers). */
export function SyncIndicator() {
  const sync = useSyncSnapshot();
  const text = () => {
    const s = sync();
    const label = describeSyncPhase(s);
    return s.pending > 0 && s.phase !== 'not-joined' && s.phase !== 'starting' ? `${label} · ${s.pending} waiting` : label;
  };
  return (
    <Show when={sync().phase !== 'starting'}>
      <span class="sync-pill" data-phase={sync().phase} title={sync().message ?? text()}>
        <span class="sync-dot" aria-hidden="true" />
        {/* Polite: a status change is announced when the reader is idle, never interrupting. */}
        <span class="sync-pill-text" aria-live="polite">
          <span class="visually-hidden">Sync status: </span>
          {text()}
        </span>
      </span>
    </Show>
  );
}
