import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { onStorageProblem, type StorageProblem } from '../data/storage-errors.ts';

/**
 * Shows a storage problem from any screen (full disk, no IndexedDB) as an alert. The screen whose
 * write failed keeps what the candidate typed; this banner only explains what happened.
 */
export function StorageBanner() {
  const [problem, setProblem] = createSignal<StorageProblem | null>(null);
  onCleanup(onStorageProblem((next) => setProblem(() => next)));
  return (
    <Show when={problem()}>
      {(current) => (
        <div class="banner banner-error" role="alert">
          <div>
            <strong>{current().name === 'StorageFullError' ? t('shell:storage.full') : t('shell:storage.unavailable')}</strong>
            {current().message}
          </div>
          <button type="button" class="button button-quiet button-small" onClick={() => setProblem(null)}>
            {t('shell:storage.dismiss')}
          </button>
        </div>
      )}
    </Show>
  );
}
