// "Delete everything", behind a typed confirmation. It says what goes, what stays, and what happens on
// the organisation's server when the device shares with one (web/data/transfer/erase-device.ts).
import { createSignal, Show } from 'solid-js';
import { getSyncIdentity } from '../data/settings.ts';
import { t } from '../i18n/i18n.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { messageOf } from '../ui/page.ts';

export function DeleteSection() {
  const identity = createLiveQuery(getSyncIdentity);
  const orgName = () => identity.value()?.org.name ?? null;
  const [confirming, setConfirming] = createSignal(false);
  const [typed, setTyped] = createSignal('');
  const [models, setModels] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<{ kind: 'done' | 'error'; text: string } | null>(null);
  const matches = () => typed().trim().toLocaleUpperCase() === t('data:delete.word').toLocaleUpperCase();
  let wordInput: HTMLInputElement | undefined;
  let startButton: HTMLButtonElement | undefined;

  function open() {
    setOutcome(null);
    setTyped('');
    setConfirming(true);
    queueMicrotask(() => wordInput?.focus());
  }

  function cancel() {
    setConfirming(false);
    queueMicrotask(() => startButton?.focus());
  }

  async function erase() {
    if (!matches()) return;
    setBusy(true);
    try {
      const { eraseEverything } = await import('../data/transfer/erase-device.ts');
      const result = await eraseEverything({ models: models() });
      const parts = [t('data:delete.done', { count: result.interviews })];
      if (result.orgName) parts.push(t('data:delete.doneOrg', { org: result.orgName }));
      setOutcome({ kind: 'done', text: parts.join(' ') });
      setConfirming(false);
      setModels(false);
      queueMicrotask(() => startButton?.focus());
    } catch (error) {
      setOutcome({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="danger-zone stack" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('data:delete.title')}</h2>
      <p>{t('data:delete.what')}</p>
      <p class="muted small">{t('data:delete.kept')}</p>
      {/* Said only once known: "not joined" while the membership is still being read would be false. */}
      <Show when={identity.loaded()}>
        <p class="small" data-testid="delete-org-note">
          {orgName() ? t('data:delete.orgNote', { org: orgName() }) : t('data:delete.notJoined')}
        </p>
      </Show>
      <p class="small">{t('data:delete.exportFirst')}</p>
      <label class="my-data-check">
        <input type="checkbox" checked={models()} disabled={busy()} onChange={(event) => setModels(event.currentTarget.checked)} />
        <span>{t('data:delete.models')}</span>
      </label>
      <Show
        when={confirming()}
        fallback={
          <div>
            <button type="button" class="button button-danger-outline" ref={startButton} onClick={open}>
              {t('data:delete.start')}
            </button>
          </div>
        }
      >
        <form
          class="stack-tight confirm-box"
          aria-label={t('data:delete.title')}
          onSubmit={(event) => {
            event.preventDefault();
            void erase();
          }}
        >
          <div class="field">
            <label for="delete-word">{t('data:delete.confirmLabel', { word: t('data:delete.word') })}</label>
            <input
              id="delete-word"
              ref={wordInput}
              class="input my-data-word"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              value={typed()}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
          </div>
          <div class="row">
            <button type="submit" class="button button-danger" disabled={!matches() || busy()}>
              {busy() ? t('data:delete.deleting') : t('data:delete.confirm')}
            </button>
            <button type="button" class="button" disabled={busy()} onClick={cancel}>
              {t('data:delete.cancel')}
            </button>
          </div>
        </form>
      </Show>
      <p class={outcome()?.kind === 'error' ? 'error' : ''} role="status" data-testid="delete-status">
        {outcome()?.text ?? ''}
      </p>
    </section>
  );
}
