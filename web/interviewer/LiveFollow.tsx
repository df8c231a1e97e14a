// Follows one interview live on its detail page: an EventSource on
// /api/interviewer/interviews/:id/live hands each snapshot and update to the page, a "Live" badge shows
// while connected, and a status line says when the stream dropped (the browser reconnects by itself)
// or stopped. A stream the server refused (an expired access token: 401) is not retried by the
// browser, so it refreshes the session once and opens a new one. Comments and score overrides made
// meanwhile (by any interviewer, on any server) are listed under it. When the session ends the
// server closes the stream with `session-ended`: if only the access token ran out (`renew`) it
// refreshes and follows again, otherwise it says the session ended instead of reconnecting.
// Owns: the live connection of the interview page. Must not import: Dexie, the candidate's sync client.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { z } from 'zod';
import { interviewDetail, type InterviewDetail } from '../../sync-server/protocol/index.ts';
import { liveComment, liveOverride, liveSessionEnded, LIVE_FOLLOW_EVENTS } from '../../sync-server/protocol/live-follow.ts';
import { t } from '../i18n/i18n.ts';
import { refreshAccess } from './api-client.ts';
import './live-follow.css';

type LiveState = 'connecting' | 'live' | 'reconnecting' | 'stopped' | 'deleted' | 'sessionEnded' | 'accountClosed';
const RETRY_AFTER_REFUSAL_MS = 2_000;
/** The feed keeps the latest additions only: the review panel holds them all. */
const FEED_LENGTH = 20;

/** The event's data checked against its schema, or null: the page never trusts what arrives. */
function parsed<T>(schema: z.ZodType<T>, event: MessageEvent<string>): T | null {
  try {
    const result = schema.safeParse(JSON.parse(event.data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export function LiveFollow(props: { interviewId: string; onUpdate: (detail: InterviewDetail) => void }) {
  const [state, setState] = createSignal<LiveState>('connecting');
  const [newAnswers, setNewAnswers] = createSignal(0);
  // Texts are functions, so a change of language rewords what is already listed.
  const [feed, setFeed] = createSignal<{ id: string; text: () => string }[]>([]);
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let answered: number | undefined;
  let latest: InterviewDetail | undefined;
  let stopped = false;

  const addToFeed = (id: string, text: () => string) => setFeed((items) => [...items.filter((item) => item.id !== id), { id, text }].slice(-FEED_LENGTH));
  const answerNumber = (turnId: string | null) => {
    const turn = latest?.turns.find((candidate) => candidate.id === turnId);
    return turn ? turn.index + 1 : '?';
  };
  const dimensionLabel = (turnId: string, key: string) => latest?.turns.find((turn) => turn.id === turnId)?.score?.dimensions.find((dimension) => dimension.key === key)?.label ?? key;

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
    latest = parsed.data;
    props.onUpdate(parsed.data);
  };

  const takeComment = (event: MessageEvent<string>) => {
    const comment = parsed(liveComment, event);
    if (!comment) return;
    const number = answerNumber(comment.turnId);
    const text = () =>
      comment.turnId
        ? t('workspace-review:live.commentOnAnswer', { name: comment.authorName, number, body: comment.body })
        : t('workspace-review:live.comment', { name: comment.authorName, body: comment.body });
    addToFeed(`comment:${comment.id}`, text);
  };

  const takeOverride = (event: MessageEvent<string>) => {
    const override = parsed(liveOverride, event);
    if (!override) return;
    const dimension = dimensionLabel(override.turnId, override.dimensionKey);
    const number = answerNumber(override.turnId);
    addToFeed(`override:${override.id}`, () =>
      t('workspace-review:live.override', { name: override.authorName, dimension, number, from: override.from, to: override.to, reason: override.reason }),
    );
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
    current.addEventListener(LIVE_FOLLOW_EVENTS.comment, takeComment);
    current.addEventListener(LIVE_FOLLOW_EVENTS.override, takeOverride);
    current.addEventListener(LIVE_FOLLOW_EVENTS.sessionEnded, (event: MessageEvent<string>) => {
      // Closed here, or the browser would reconnect by itself with the same cookie.
      current.close();
      const reason = parsed(liveSessionEnded, event)?.reason ?? 'signed_out';
      if (reason === 'disabled' || reason === 'deleted') {
        setState('accountClosed');
        return;
      }
      if (reason !== 'renew') {
        setState('sessionEnded');
        return;
      }
      setState('reconnecting');
      void refreshAccess().then((refreshed) => {
        if (stopped || source !== current) return;
        if (refreshed) open();
        else setState('sessionEnded');
      });
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
      case 'sessionEnded':
        return t('workspace-review:live.sessionEnded');
      case 'accountClosed':
        return t('workspace-review:live.accountClosed');
    }
  };

  return (
    <>
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
      <Show when={feed().length > 0}>
        <ul class="live-feed small" aria-label={t('workspace-review:live.feedLabel')} data-testid="live-feed">
          <For each={feed()}>{(item) => <li>{item.text()}</li>}</For>
        </ul>
      </Show>
    </>
  );
}
