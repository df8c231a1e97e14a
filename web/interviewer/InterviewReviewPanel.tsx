// On the interviewer's interview page: live controls for the candidate's interview (each with an
// optional message), a comment box, and score overrides per answer and dimension with a required
// reason; below them, everything interviewers added so far. All of it reaches the candidate's device
// on its next pull.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { ControlAction } from '../../sync-server/protocol/interview-control.ts';
import type { InterviewDetail } from '../../sync-server/protocol/index.ts';
import { t } from '../i18n/i18n.ts';
import { problemText } from './problem-text.ts';
import { addComment, fetchReview, issueControl, overrideScore } from './workspace-api.ts';
import './interviewer.css';

type Turn = InterviewDetail['turns'][number];

export function InterviewReviewPanel(props: { interviewId: string; turns: readonly Turn[] }) {
  const [review, { refetch }] = createResource(() => props.interviewId, fetchReview);
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);
  const [message, setMessage] = createSignal('');
  const [minutes, setMinutes] = createSignal(5);
  const [comment, setComment] = createSignal('');
  const scored = () => props.turns.filter((turn) => turn.score);
  const [target, setTarget] = createSignal('');
  const [score, setScore] = createSignal(3);
  const [reason, setReason] = createSignal('');

  const targets = () =>
    scored().flatMap((turn) => turn.score!.dimensions.map((dimension) => ({ value: `${turn.id}|${dimension.key}`, label: `${turn.index + 1}. ${dimension.label} (${dimension.score})` })));

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    setStatus(null);
    try {
      await action();
      setStatus(done);
      await refetch();
      return true;
    } catch (cause) {
      setError(problemText(cause));
      return false;
    }
  }

  const control = (action: ControlAction) =>
    void run(
      () => issueControl(props.interviewId, { action, message: message(), ...(action === 'extend' ? { minutes: minutes() } : {}) }),
      t('workspace:review.controlSent', { action: t(`workspace:review.action.${action}`) }),
    );

  async function submitComment(event: SubmitEvent) {
    event.preventDefault();
    if (await run(() => addComment(props.interviewId, { body: comment() }), t('workspace:review.commentSent'))) setComment('');
  }

  async function submitOverride(event: SubmitEvent) {
    event.preventDefault();
    const chosen = target() || targets()[0]?.value || '';
    const [turnId, dimensionKey] = chosen.split('|') as [string, string];
    if (await run(() => overrideScore(props.interviewId, { turnId, dimensionKey, score: score(), reason: reason() }), t('workspace:review.overrideSent'))) setReason('');
  }

  return (
    <section class="card stack" aria-labelledby="review-title">
      <h2 id="review-title">{t('workspace:review.title')}</h2>
      <Show when={status()}>
        <p role="status" class="workspace-status">
          {status()}
        </p>
      </Show>
      <Show when={error()}>
        <p role="alert" class="error">
          {error()}
        </p>
      </Show>

      <fieldset class="stack-tight">
        <legend>{t('workspace:review.controlsTitle')}</legend>
        <label class="stack-tight">
          {t('workspace:review.message')}
          <input value={message()} maxLength={500} onInput={(event) => setMessage(event.currentTarget.value)} />
        </label>
        <label class="stack-tight">
          {t('workspace:review.minutes')}
          <input type="number" min={1} max={120} value={minutes()} onInput={(event) => setMinutes(Number(event.currentTarget.value) || 1)} />
        </label>
        <div class="row workspace-controls">
          <For each={['pause', 'resume', 'extend', 'end', 'lock'] as ControlAction[]}>
            {(action) => (
              <button type="button" class={action === 'end' || action === 'lock' ? 'button button-danger' : 'button'} onClick={() => control(action)}>
                {t(`workspace:review.action.${action}`)}
              </button>
            )}
          </For>
        </div>
      </fieldset>

      <form class="stack-tight" onSubmit={(event) => void submitComment(event)}>
        <label class="stack-tight">
          {t('workspace:review.comment')}
          <textarea rows={3} required value={comment()} onInput={(event) => setComment(event.currentTarget.value)} />
        </label>
        <div>
          <button type="submit" class="button button-primary">
            {t('workspace:review.addComment')}
          </button>
        </div>
      </form>

      <Show when={targets().length > 0}>
        <form class="stack-tight" onSubmit={(event) => void submitOverride(event)}>
          <h3>{t('workspace:review.overrideTitle')}</h3>
          <label class="stack-tight">
            {t('workspace:review.dimension')}
            <select value={target() || targets()[0]?.value} onChange={(event) => setTarget(event.currentTarget.value)}>
              <For each={targets()}>{(option) => <option value={option.value}>{option.label}</option>}</For>
            </select>
          </label>
          <label class="stack-tight">
            {t('workspace:review.newScore')}
            <select value={String(score())} onChange={(event) => setScore(Number(event.currentTarget.value))}>
              <For each={[1, 2, 3, 4, 5]}>{(value) => <option value={String(value)}>{value}</option>}</For>
            </select>
          </label>
          <label class="stack-tight">
            {t('workspace:review.reason')}
            <textarea rows={2} required minLength={3} value={reason()} onInput={(event) => setReason(event.currentTarget.value)} />
          </label>
          <div>
            <button type="submit" class="button button-primary">
              {t('workspace:review.override')}
            </button>
          </div>
        </form>
      </Show>

      <Show when={review()}>
        {(data) => (
          <div class="stack-tight">
            <h3>{t('workspace:review.historyTitle')}</h3>
            <Show when={data().comments.length + data().overrides.length + data().controls.length > 0} fallback={<p class="muted">{t('workspace:review.nothingYet')}</p>}>
              <ul class="workspace-history" data-testid="review-history">
                <For each={data().comments}>{(item) => <li>{t('workspace:review.commentLine', { name: item.authorName, body: item.body })}</li>}</For>
                <For each={data().overrides}>
                  {(item) => <li>{t('workspace:review.overrideLine', { name: item.authorName, dimension: item.dimensionKey, from: item.from, to: item.to, reason: item.reason })}</li>}
                </For>
                <For each={data().controls}>
                  {(item) => <li>{t('workspace:review.controlLine', { name: item.issuedBy, action: t(`workspace:review.action.${item.action}`), message: item.message })}</li>}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
