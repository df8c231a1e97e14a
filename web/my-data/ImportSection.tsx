// Bringing a backup back: choose (or drop) a file, see what it holds, then import. The file is read
// and checked completely before the Import button appears; a bad or foreign file gets an error that
// says what to do, and nothing changes.
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ImportPlan, ImportResult } from '../data/transfer/database-transfer.ts';
import { intlLocale, t } from '../i18n/i18n.ts';
import { messageOf } from '../ui/page.ts';

type State =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'preview'; plan: ImportPlan; fileName: string }
  | { step: 'importing'; plan: ImportPlan }
  | { step: 'done'; result: ImportResult }
  | { step: 'error'; message: string; details: string[] };

export function ImportSection() {
  const [state, setState] = createSignal<State>({ step: 'idle' });
  const [dragging, setDragging] = createSignal(false);
  let input: HTMLInputElement | undefined;

  async function check(file: File) {
    setState({ step: 'checking' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      setState({ step: 'error', message: t('data:import.errors.read'), details: [] });
      return;
    }
    try {
      const { readImportFile } = await import('../data/transfer/app-transfer.ts');
      setState({ step: 'preview', plan: await readImportFile(text), fileName: file.name });
    } catch (error) {
      setState(await errorState(error));
    }
  }

  async function confirm(plan: ImportPlan) {
    setState({ step: 'importing', plan });
    try {
      const { importPlan } = await import('../data/transfer/app-transfer.ts');
      setState({ step: 'done', result: await importPlan(plan) });
    } catch (error) {
      setState(await errorState(error));
    } finally {
      if (input) input.value = '';
    }
  }

  function reset() {
    if (input) input.value = '';
    setState({ step: 'idle' });
  }

  const dateOf = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(date);
  };

  return (
    <section class="card stack" aria-labelledby="import-title">
      <h2 id="import-title">{t('data:import.title')}</h2>
      <p id="import-hint">{t('data:import.hint')}</p>
      <div
        class="drop-zone"
        data-dragging={dragging() ? '' : undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer?.files[0];
          if (file) void check(file);
        }}
      >
        <div class="field">
          <label for="import-file">{t('data:import.file')}</label>
          <input
            id="import-file"
            ref={input}
            type="file"
            accept="application/json,.json"
            aria-describedby="import-hint import-drop"
            disabled={state().step === 'checking' || state().step === 'importing'}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void check(file);
            }}
          />
          <span class="hint" id="import-drop">
            {t('data:import.drop')}
          </span>
        </div>
      </div>

      <div role="status" data-testid="import-status">
        <Switch>
          <Match when={state().step === 'checking'}>
            <p class="muted">{t('data:import.checking')}</p>
          </Match>
          <Match when={state().step === 'importing'}>
            <p class="muted">{t('data:import.importing')}</p>
          </Match>
          <Match when={previewOf(state())}>
            {(preview) => (
              <div class="stack-tight">
                <p>{t('data:import.preview', { date: dateOf(preview().plan.exportedAt), interviews: preview().plan.rows.interviews?.length ?? 0 })}</p>
                <div class="row">
                  <button type="button" class="button button-primary" onClick={() => void confirm(preview().plan)}>
                    {t('data:import.confirm')}
                  </button>
                  <button type="button" class="button" onClick={reset}>
                    {t('data:import.cancel')}
                  </button>
                </div>
              </div>
            )}
          </Match>
          <Match when={doneOf(state())}>
            {(result) => (
              <div class="banner banner-info">
                <div>
                  <p>{t('data:import.done', { added: result().added.interviews ?? 0, kept: result().kept.interviews ?? 0 })}</p>
                  <p class="small">{t('data:import.syncNote')}</p>
                </div>
              </div>
            )}
          </Match>
        </Switch>
      </div>
      <Show when={errorOf(state())}>
        {(error) => (
          <div class="banner banner-error" role="alert" data-testid="import-error">
            <div>
              <p>{error().message}</p>
              <Show when={error().details.length > 0}>
                <details>
                  <summary>{t('data:import.details')}</summary>
                  <ul class="bullet-list small">
                    <For each={error().details}>{(detail) => <li>{detail}</li>}</For>
                  </ul>
                </details>
              </Show>
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}

function previewOf(state: State) {
  return state.step === 'preview' ? state : undefined;
}

function doneOf(state: State) {
  return state.step === 'done' ? state.result : undefined;
}

function errorOf(state: State) {
  return state.step === 'error' ? state : undefined;
}

/** The candidate's words for a failed import: the problem in their language, the technical details beside it. */
async function errorState(error: unknown): Promise<State> {
  const { ImportFileError } = await import('../data/transfer/export-format.ts');
  if (error instanceof ImportFileError) return { step: 'error', message: t(`data:import.errors.${error.problem}`), details: error.details };
  return { step: 'error', message: messageOf(error), details: [] };
}
