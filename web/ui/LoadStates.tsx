// The three states every screen that opens one stored thing shares: loading, failed, and not there
// (deleted, or a stale link). The screen renders only what it found.
import { A } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { errorOf, valueOf, type Loaded } from './load.ts';
import { messageOf } from './page.ts';

export function LoadStates<T>(props: {
  data: Loaded<T | null>;
  loadingText: string;
  errorTitle: string;
  notFoundTitle: string;
  notFoundText: string;
  children: (value: T) => JSX.Element;
}) {
  return (
    <Switch>
      <Match when={props.data.status === 'loading'}>
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" /> {props.loadingText}
        </p>
      </Match>
      <Match when={errorOf(props.data)}>
        {(error) => (
          <div class="card stack" role="alert">
            <h1>{props.errorTitle}</h1>
            <p class="error">{messageOf(error())}</p>
            <A href="/">{t('format:loadStates.back')}</A>
          </div>
        )}
      </Match>
      <Match when={valueOf(props.data) === null}>
        <div class="card stack">
          <h1>{props.notFoundTitle}</h1>
          <p class="muted">{props.notFoundText}</p>
          <A href="/">{t('format:loadStates.back')}</A>
        </div>
      </Match>
      <Match when={valueOf(props.data)}>{(value) => props.children(value())}</Match>
    </Switch>
  );
}
