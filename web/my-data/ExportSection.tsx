// Taking the data away: the whole database as a JSON backup, interviews as Markdown, and where to
// print a report. The transfer code (and zod) loads only when a button is pressed.
import { A } from '@solidjs/router';
import { createSignal, For } from 'solid-js';
import { listInterviews } from '../data/interviews.ts';
import { intlLocale, t } from '../i18n/i18n.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { messageOf } from '../ui/page.ts';
import { saveTextFile } from './save-file.ts';

type Status = { kind: 'working' | 'saved' | 'error'; text: string } | null;

export function ExportSection() {
  const interviews = createLiveQuery(listInterviews);
  const [which, setWhich] = createSignal('all');
  const [status, setStatus] = createSignal<Status>(null);
  const busy = () => status()?.kind === 'working';
  const dateOf = (iso: string) => new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium' }).format(new Date(iso));

  async function save(make: () => Promise<{ text: string; fileName: string; type: string } | null>) {
    setStatus({ kind: 'working', text: t('data:export.working') });
    try {
      const file = await make();
      if (!file) throw new Error(t('data:export.empty'));
      saveTextFile(file);
      setStatus({ kind: 'saved', text: t('data:export.saved', { file: file.fileName }) });
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  }

  const exportJson = () =>
    save(async () => {
      const { exportEverything } = await import('../data/transfer/app-transfer.ts');
      return exportEverything();
    });

  const exportMarkdown = () =>
    save(async () => {
      if ((interviews.value()?.length ?? 0) === 0) return null;
      const { exportMarkdown: makeMarkdown } = await import('../data/transfer/app-transfer.ts');
      return makeMarkdown(which(), { t, locale: intlLocale() });
    });

  return (
    <section class="card stack" aria-labelledby="export-title">
      <h2 id="export-title">{t('data:export.title')}</h2>

      <div class="stack-tight my-data-part">
        <h3>{t('data:export.jsonTitle')}</h3>
        <p>{t('data:export.jsonHint')}</p>
        <p class="muted small" id="export-not-included">
          {t('data:export.notIncluded')}
        </p>
        <div>
          <button type="button" class="button button-primary" disabled={busy()} aria-describedby="export-not-included" onClick={() => void exportJson()}>
            {t('data:export.jsonButton')}
          </button>
        </div>
      </div>

      <div class="stack-tight my-data-part">
        <h3>{t('data:export.markdownTitle')}</h3>
        <p>{t('data:export.markdownHint')}</p>
        <div class="my-data-inline">
          <div class="field">
            <label for="markdown-which">{t('data:export.markdownWhich')}</label>
            <select id="markdown-which" class="select" value={which()} onChange={(event) => setWhich(event.currentTarget.value)}>
              <option value="all">{t('data:export.markdownAll')}</option>
              <For each={interviews.value() ?? []}>
                {(interview) => (
                  <option value={interview.id}>
                    {interview.spec.role} · {dateOf(interview.startedAt)}
                  </option>
                )}
              </For>
            </select>
          </div>
          <button type="button" class="button" disabled={busy()} onClick={() => void exportMarkdown()}>
            {t('data:export.markdownButton')}
          </button>
        </div>
      </div>

      <div class="stack-tight my-data-part">
        <h3>{t('data:export.pdfTitle')}</h3>
        <p>{t('data:export.pdfHint')}</p>
        <div>
          <A href="/">{t('data:export.openHistory')}</A>
        </div>
      </div>

      <p class={status()?.kind === 'error' ? 'error' : 'muted'} role="status" data-testid="export-status">
        {status()?.text ?? ''}
      </p>
    </section>
  );
}
