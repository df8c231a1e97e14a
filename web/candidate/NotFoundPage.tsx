import { A } from '@solidjs/router';
import { t } from '../i18n/i18n.ts';
import { usePageTitle } from '../ui/page.ts';

export default function NotFoundPage() {
  usePageTitle(() => t('shell:notFound.title'));
  return (
    <div class="card stack">
      <h1>{t('shell:notFound.title')}</h1>
      <p class="muted">{t('shell:notFound.body')}</p>
      <div>
        <A href="/" class="button button-primary">
          {t('shell:notFound.home')}
        </A>
      </div>
    </div>
  );
}
