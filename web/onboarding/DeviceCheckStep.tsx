// The device check: camera (live preview, face found / looking at the camera), microphone (level
// meter), AI on this device (WebGPU and the recommended model), free storage, whether the app is
// installed, and the sample question. The camera and microphone start only from their buttons; the
// other checks ask no permission and run when the step opens. Everything is released on leaving.
import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { formatBytes } from '../ui/format.ts';
import { CheckCard } from './CheckCard.tsx';
import { cameraOutcome, gpuOutcome, installOutcome, microphoneOutcome, storageOutcome, summariseOutcomes } from './check-outcomes.ts';
import { createDeviceCheck, DEFAULT_LISTEN_SECONDS, type DeviceCheckState } from './device-check-controller.ts';
import { SampleQuestion } from './SampleQuestion.tsx';

export function DeviceCheckStep(props: { headingRef: (element: HTMLHeadingElement) => void }) {
  const [level, setLevel] = createSignal(0);
  const check = createDeviceCheck({ onChange: (next) => setState(next), onLevel: setLevel });
  const [state, setState] = createSignal<DeviceCheckState>(check.state());
  onMount(() => {
    void check.checkGpu();
    void check.checkStorage();
  });
  onCleanup(() => void check.dispose());

  const outcomes = createMemo(() => ({
    camera: cameraOutcome(state().camera.facts),
    microphone: microphoneOutcome(state().microphone.facts),
    gpu: gpuOutcome(state().gpu.facts),
    storage: storageOutcome(state().storage.facts, formatBytes),
    install: installOutcome(state().install.facts),
  }));
  const summary = () => summariseOutcomes(Object.values(outcomes()));

  let preview: HTMLVideoElement | undefined;
  createEffect(() => {
    const stream = state().camera.stream;
    if (!preview || preview.srcObject === stream) return;
    preview.srcObject = stream;
    if (stream) void preview.play().catch(() => undefined);
  });

  // Speech sits around -30 to -10 dBFS; the meter spans -60 to 0, as in the interview.
  const meterPercent = () => {
    const db = level() > 1e-5 ? 20 * Math.log10(level()) : -100;
    return Math.round(Math.max(0, Math.min(100, ((db + 60) / 60) * 100)));
  };
  const cameraChecked = () => state().camera.facts.state !== 'not-checked' || state().camera.busy;
  const microphoneChecked = () => state().microphone.facts.state !== 'not-checked' || state().microphone.busy;

  return (
    <div class="stack">
      <div class="page-header">
        <h1 ref={props.headingRef} tabindex="-1">
          {t('onboarding:check.heading')}
        </h1>
        <p class="muted">{t('onboarding:check.intro')}</p>
        <p class="small" data-testid="check-summary">
          {t('onboarding:check.summary', { ok: summary().ok, warning: summary().warning, failed: summary().failed, notChecked: summary().notChecked })}
        </p>
      </div>

      <div class="check-grid">
        <CheckCard outcome={outcomes().camera} title={t('onboarding:checks.camera.title')} busy={state().camera.busy && state().camera.facts.state === 'not-checked'}>
          <video ref={preview} class="camera-preview check-preview" classList={{ hidden: !state().camera.stream }} muted playsinline aria-label={t('onboarding:checks.camera.preview')} data-testid="camera-preview" />
          <Show when={state().camera.stream}>
            <p class="small muted">{t('onboarding:checks.camera.private')}</p>
          </Show>
          <Show when={!cameraChecked()}>
            <p class="small muted">{t('onboarding:checks.camera.permission')}</p>
          </Show>
          <div class="row">
            <button type="button" class="button" onClick={() => void check.checkCamera()} disabled={state().camera.busy}>
              {cameraChecked() ? t('onboarding:check.again') : t('onboarding:checks.camera.start')}
            </button>
            <Show when={state().camera.stream}>
              <button type="button" class="button button-quiet" onClick={() => void check.stopCamera()}>
                {t('onboarding:checks.camera.stop')}
              </button>
            </Show>
          </div>
        </CheckCard>

        <CheckCard outcome={outcomes().microphone} title={t('onboarding:checks.microphone.title')} busy={state().microphone.busy}>
          <Show when={state().microphone.listening}>
            <div class="row">
              <div class="level-meter" role="meter" aria-label={t('onboarding:checks.microphone.meter')} aria-valuemin="0" aria-valuemax="100" aria-valuenow={meterPercent()} data-testid="microphone-meter">
                <div class="level-fill" style={{ width: `${meterPercent()}%` }} />
              </div>
            </div>
            <p class="small muted">{t('onboarding:checks.microphone.autoStop', { seconds: DEFAULT_LISTEN_SECONDS })}</p>
          </Show>
          <Show when={!microphoneChecked()}>
            <p class="small muted">{t('onboarding:checks.microphone.permission')}</p>
          </Show>
          <div class="row">
            <Show
              when={state().microphone.listening}
              fallback={
                <button type="button" class="button" onClick={() => void check.checkMicrophone()} disabled={state().microphone.busy}>
                  {microphoneChecked() ? t('onboarding:check.again') : t('onboarding:checks.microphone.start')}
                </button>
              }
            >
              <button type="button" class="button button-quiet" onClick={() => void check.stopMicrophone()}>
                {t('onboarding:checks.microphone.stop')}
              </button>
            </Show>
          </div>
        </CheckCard>

        <CheckCard outcome={outcomes().gpu} title={t('onboarding:checks.gpu.title')} busy={state().gpu.busy}>
          <div class="row">
            <button type="button" class="button" onClick={() => void check.checkGpu()} disabled={state().gpu.busy}>
              {t('onboarding:check.again')}
            </button>
            <A href="/settings/ai" class="small">
              {t('onboarding:checks.gpu.settings')}
            </A>
          </div>
        </CheckCard>

        <CheckCard outcome={outcomes().storage} title={t('onboarding:checks.storage.title')} busy={state().storage.busy}>
          <Show when={state().storage.persistRefused}>
            <p class="small" role="status">
              {t('onboarding:checks.storage.persistRefused')}
            </p>
          </Show>
          <div class="row">
            <button type="button" class="button" onClick={() => void check.checkStorage()} disabled={state().storage.busy}>
              {t('onboarding:check.again')}
            </button>
            <Show when={state().storage.facts.state === 'checked' && (state().storage.facts as { persisted: boolean | null }).persisted === false}>
              <button type="button" class="button button-quiet" onClick={() => void check.requestPersistence()}>
                {t('onboarding:checks.storage.persist')}
              </button>
            </Show>
          </div>
        </CheckCard>

        <CheckCard outcome={outcomes().install} title={t('onboarding:checks.install.title')}>
          <Show when={state().install.dismissed}>
            <p class="small" role="status">
              {t('onboarding:checks.install.dismissed')}
            </p>
          </Show>
          <Show when={state().install.facts.promptAvailable}>
            <div class="row">
              <button type="button" class="button" onClick={() => void check.install()}>
                {t('onboarding:checks.install.install')}
              </button>
            </div>
          </Show>
        </CheckCard>
      </div>

      <SampleQuestion check={check} microphoneListening={state().microphone.listening} />
    </div>
  );
}
