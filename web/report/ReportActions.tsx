// The report's own exports: Markdown of this interview, and printing (or saving as PDF through the
// browser's print dialog) with the paper layout of web/print/print.css. Also the header that only
// paper shows: whose report it is and when it was printed.
import { createSignal, onMount, Show } from 'solid-js';
import type { InterviewRecord } from '../data/db.ts';
import { getCandidateName } from '../data/settings.ts';
import { intlLocale, t } from '../i18n/i18n.ts';
import { saveTextFile } from '../my-data/save-file.ts';
import { messageOf } from '../ui/page.ts';
import '../print/print.css';

export function PrintHeader() {
  const [name, setName] = createSignal('');
  onMount(() => void getCandidateName().then(setName, () => undefined));
  const today = () => new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long' }).format(new Date());
  return (
    <div class="print-only print-header" data-testid="print-header">
      <strong>{t('data:report.printTitle')}</strong>
      <span>
        <Show when={name()}>{(known) => <>{t('data:report.printFor', { name: known() })} · </>}</Show>
        {t('data:report.printedOn', { date: today() })}
      </span>
    </div>
  );
}

export function ReportActions(props: { interview: InterviewRecord }) {
  const [status, setStatus] = createSignal<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function exportMarkdown() {
    setBusy(true);
    setStatus(null);
    try {
      // The Markdown code (and the speech metrics it reuses) loads only when asked for.
      const { exportMarkdown: makeMarkdown } = await import('../data/transfer/app-transfer.ts');
      const file = await makeMarkdown(props.interview.id, { t, locale: intlLocale() });
      if (!file) throw new Error(t('data:export.empty'));
      saveTextFile(file);
      setStatus({ kind: 'saved', text: t('data:export.saved', { file: file.fileName }) });
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack-tight no-print report-actions">
      <div class="row">
        <button type="button" class="button button-small" disabled={busy()} onClick={() => void exportMarkdown()}>
          {t('data:report.exportMarkdown')}
        </button>
        <button type="button" class="button button-small" onClick={() => window.print()}>
          {t('data:report.print')}
        </button>
      </div>
      <p class={status()?.kind === 'error' ? 'small error' : 'small muted'} role="status">
        {status()?.text ?? ''}
      </p>
    </div>
  );
}
