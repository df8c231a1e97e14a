// "Your data": everything the app keeps about the candidate, to take away (a JSON backup, a readable
// Markdown copy, a printed report), to bring back (import a backup), or to delete.
import { t } from '../i18n/i18n.ts';
import { usePageTitle } from '../ui/page.ts';
import { DeleteSection } from './DeleteSection.tsx';
import { ExportSection } from './ExportSection.tsx';
import { ImportSection } from './ImportSection.tsx';
import './my-data.css';

export default function MyDataPage() {
  usePageTitle(() => t('data:title'));
  return (
    <div class="stack my-data">
      <div class="page-header">
        <h1>{t('data:title')}</h1>
        <p class="muted">{t('data:intro')}</p>
      </div>
      <ExportSection />
      <ImportSection />
      <DeleteSection />
    </div>
  );
}
