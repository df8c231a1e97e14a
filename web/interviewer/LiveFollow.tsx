// Follows one interview live on its detail page: an EventSource on
// /api/interviewer/interviews/:id/live hands each snapshot and update to the page, a "Live" badge shows
// while connected, and a status line says when the stream dropped (the browser reconnects by itself)
// or stopped. A stream the server refused (an expired access token: 401) is not retried by the
// browser, so it refreshes the session once and opens a new one.
// Owns: the live connection of the interview page. Must not import: Dexie, the candidate's sync client.
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { interviewDetail, type InterviewDetail } from '../../sync-server/protocol/index.ts';
import { t } from '../i18n/i18n.ts';
import { refreshAccess } from './api-client.ts';
import './live-follow.css';

type LiveState = 'connecting' | 'live' | 'reconnecting' | 'stopped' | 'deleted';
const RETRY_AFTER_REFUSAL_MS = 2_000;

export function LiveFollow(props: { interviewId: string; onUpdate: (detail: InterviewDetail) => void }) {
  const [state, setState] = createSignal<LiveState>('connecting');
  const [newAnswers, setNewAnswers] = createSignal(0);
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let answered: number | undefined;
  let stopped = false;

  const take = (event: MessageEvent<string>) => {
    let parsed;
    try {
      parsed = interviewDetail.safeParse(JSON.parse(event.data));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const count = parsed.data.turns.length;
    if (answered !== undefined && count > answered) setNewAnswers((n) => n + count - answered!);
    answered = count;
    props.onUpdate(parsed.data);
  };

  const open = () => {
    source?.close();
    const current = new EventSource(`/api/interviewer/interviews/${encodeURIComponent(props.interviewId)}/live`);
    source = current;
    current.onopen = () => setState('live');
    current.addEventListener('snapshot', take);
    current.addEventListener('update', take);
    current.addEventListener('deleted', () => {
      current.close();
      setState('deleted');
    });
    current.onerror = () => {
      if (stopped || source !== current) return;
      if (current.readyState === EventSource.CONNECTING) {
        setState('reconnecting');
        return;
      }
      // Closed for good by the browser: the server answered with an error (e.g. 401).
      setState('reconnecting');
      clearTimeout(retry);
      retry = setTimeout(() => {
        void refreshAccess().then((refreshed) => {
          if (stopped) return;
          if (refreshed) open();
          else setState('stopped');
        });
      }, RETRY_AFTER_REFUSAL_MS);
    };
  };

  onMount(open);
  onCleanup(() => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  });

  const text = () => {
    switch (state()) {
      case 'connecting':
        return t('workspace-review:live.connecting');
      case 'live':
        return t('workspace-review:live.following');
      case 'reconnecting':
        return t('workspace-review:live.reconnecting');
      case 'stopped':
        return t('workspace-review:live.stopped');
      case 'deleted':
        return t('workspace-review:live.deleted');
    }
  };

  return (
    <p class="live-follow small" role="status" data-state={state()} data-testid="live-follow">
      <Show when={state() === 'live'}>
        <span class="live-badge" data-testid="live-badge">
          {t('workspace-review:live.badge')}
        </span>
      </Show>
      <span class="live-follow-text">{text()}</span>
      <Show when={newAnswers() > 0}>
        <span>{t('workspace-review:live.newAnswers', { count: newAnswers() })}</span>
      </Show>
    </p>
  );
}
