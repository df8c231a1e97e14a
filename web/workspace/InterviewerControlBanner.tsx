// The interview screen's side of live controls: pulls often while the interview is open (the sync
// client's own interval is 30 s), folds this interview's pulled controls, and shows the latest with
// the interviewer's message in a role=alert banner. The screen reads `state()` to hold, extend, end
// or lock the interview.
import { createMemo, onCleanup, onMount, Show, type Accessor } from 'solid-js';
import { listControls } from '../data/workspace-inbox.ts';
import { getSyncIdentity } from '../data/settings.ts';
import { t } from '../i18n/i18n.ts';
import { getSyncClient } from '../sync/sync-client.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { foldControls, NO_CONTROLS, type ControlState } from './interviewer-controls.ts';
import './workspace-candidate.css';

/** How often an open interview pulls, so a control takes effect within seconds. */
export const LIVE_PULL_MS = 5_000;

export function useInterviewerControls(interviewId: string): Accessor<ControlState> {
  const controls = createLiveQuery(() => listControls(interviewId));
  onMount(() => {
    const pull = () => {
      if (navigator.onLine === false || document.visibilityState === 'hidden') return;
      void getSyncIdentity().then((identity) => (identity && !identity.needsRejoin ? getSyncClient().syncNow() : undefined), () => undefined);
    };
    const timer = setInterval(pull, LIVE_PULL_MS);
    onCleanup(() => clearInterval(timer));
  });
  return createMemo(() => (controls.value() ? foldControls(controls.value()!) : NO_CONTROLS));
}

export function InterviewerControlBanner(props: { state: ControlState }) {
  return (
    <Show when={props.state.latest}>
      {(latest) => (
        <div role="alert" class="interviewer-control-banner" classList={{ 'is-ended': props.state.ended || props.state.locked }} data-testid="interviewer-control">
          <strong>
            {props.state.locked
              ? t('assigned:control.locked', { name: latest().issuedBy })
              : props.state.ended
                ? t('assigned:control.end', { name: latest().issuedBy })
                : props.state.held
                  ? t('assigned:control.pause', { name: latest().issuedBy })
                  : latest().action === 'extend'
                    ? t('assigned:control.extend', { name: latest().issuedBy, count: latest().minutes ?? 0 })
                    : t('assigned:control.resume', { name: latest().issuedBy })}
          </strong>
          <Show when={latest().message}>
            <p>{latest().message}</p>
          </Show>
        </div>
      )}
    </Show>
  );
}
