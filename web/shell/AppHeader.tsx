// The header both areas share: the skip link, the brand linking to the area's home, and the area's
// own navigation as children.
import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { t } from '../i18n/i18n.ts';

export function AppHeader(props: { home: string; mainId: string; class?: string; badge: JSX.Element; children?: JSX.Element }) {
  return (
    <>
      <a class="skip-link" href={`#${props.mainId}`}>
        {t('shell:skipToContent')}
      </a>
      <header class={props.class ? `app-header ${props.class}` : 'app-header'}>
        <div class="app-header-inner">
          <A href={props.home} class="brand" end>
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span class="brand-name">Interview Buddy</span>
            {props.badge}
          </A>
          {props.children}
        </div>
      </header>
    </>
  );
}
