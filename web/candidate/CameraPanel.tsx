// The camera's place in the interview: a switch, the candidate's own preview (shown here only), what
// the camera is used for, and why it is off when it could not start.
import { createEffect, Match, Switch } from 'solid-js';
import type { CameraState } from '../camera/camera-controller.ts';
import { t } from '../i18n/i18n.ts';

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
    <section class="camera-panel" aria-label={t('interview:camera.label')} data-testid="camera-panel" data-status={props.state.status}>
      <div class="row spread">
        <p class="small muted">
          <Switch fallback={t('interview:camera.off')}>
            <Match when={props.state.status === 'starting'}>{t('interview:camera.starting')}</Match>
            <Match when={props.state.status === 'on'}>{t('interview:camera.on')}</Match>
          </Switch>
        </p>
        <button type="button" class="button button-small" aria-pressed={on()} onClick={() => props.onToggle()} disabled={props.state.status === 'starting'}>
          {on() ? t('interview:camera.turnOff') : t('interview:camera.turnOn')}
        </button>
      </div>
      <video ref={preview} class="camera-preview" classList={{ hidden: props.state.status !== 'on' }} muted playsinline aria-label={t('interview:camera.preview')} />
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
