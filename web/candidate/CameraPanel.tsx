// The camera's place in the interview: a switch, the candidate's own preview (shown here only), what
// the camera is used for, and why it is off when it could not start.
import { createEffect, Match, Switch } from 'solid-js';
import type { CameraState } from '../camera/camera-controller.ts';

export function CameraPanel(props: { state: CameraState; onToggle: () => void }) {
  let preview: HTMLVideoElement | undefined;
  createEffect(() => {
    const state = props.state;
    if (!preview) return;
    preview.srcObject = state.status === 'on' ? state.stream : null;
    if (state.status === 'on') void preview.play().catch(() => undefined);
  });
  const on = () => props.state.status === 'on' || props.state.status === 'starting';

  return (
    <section class="camera-panel" aria-label="Camera" data-testid="camera-panel" data-status={props.state.status}>
      <div class="row spread">
        <p class="small muted">
          <Switch fallback="Camera off. Turn it on to see your eye contact, head movement and expression in the report.">
            <Match when={props.state.status === 'starting'}>Starting the camera…</Match>
            <Match when={props.state.status === 'on'}>
              Camera on: tracking eye contact, head movement and expression on this device. No video is stored or sent.
            </Match>
          </Switch>
        </p>
        <button type="button" class="button button-small" aria-pressed={on()} onClick={() => props.onToggle()} disabled={props.state.status === 'starting'}>
          {on() ? 'Turn camera off' : 'Turn camera on'}
        </button>
      </div>
      <video ref={preview} class="camera-preview" classList={{ hidden: props.state.status !== 'on' }} muted playsinline aria-label="Your camera preview" />
      <Switch>
        <Match when={props.state.status === 'failed' ? props.state : null}>
          {(failed) => (
            <p class="error" role="alert" data-testid="camera-error">
              {failed().message}
            </p>
          )}
        </Match>
      </Switch>
    </section>
  );
}
