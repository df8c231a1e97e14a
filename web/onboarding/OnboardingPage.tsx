// The first-run tour at /welcome, in three steps: what the app does, what stays on this device, and
// the device check. Each step's heading takes focus when it opens, so keyboard and screen-reader
// users start there. Finishing or skipping is remembered on this device, so the home screen stops
// offering the tour; the tour itself stays reachable at /welcome to re-run the checks.
import { useNavigate } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { saveOnboardingState, type OnboardingOutcome } from '../data/onboarding-state.ts';
import { t } from '../i18n/i18n.ts';
import { focusElement, messageOf, usePageTitle } from '../ui/page.ts';
import { DeviceCheckStep } from './DeviceCheckStep.tsx';
import './onboarding.css';

const STEPS = ['about', 'privacy', 'check'] as const;

export default function OnboardingPage() {
  usePageTitle(() => t('onboarding:title'));
  const navigate = useNavigate();
  const [step, setStep] = createSignal(0);
  const [saveError, setSaveError] = createSignal<string | null>(null);
  let heading: HTMLHeadingElement | undefined;
  const headingRef = (element: HTMLHeadingElement) => (heading = element);

  function go(to: number) {
    setStep(to);
    // The new step's heading exists once Solid has rendered it.
    requestAnimationFrame(() => focusElement(heading));
  }

  async function leave(outcome: OnboardingOutcome) {
    setSaveError(null);
    try {
      await saveOnboardingState(outcome);
      navigate('/');
    } catch (error) {
      setSaveError(t('onboarding:actions.saveFailed', { detail: messageOf(error) }));
    }
  }

  return (
    <div class="stack onboarding">
      <nav aria-label={t('onboarding:progress.label')}>
        <ol class="onboarding-steps">
          <For each={STEPS}>
            {(name, index) => (
              <li aria-current={index() === step() ? 'step' : undefined} data-done={index() < step() ? 'true' : undefined}>
                {t(`onboarding:progress.${name}`)}
              </li>
            )}
          </For>
        </ol>
      </nav>
      <p class="small muted">{t('onboarding:progress.step', { current: step() + 1, total: STEPS.length })}</p>

      <Switch>
        <Match when={STEPS[step()] === 'about'}>
          <section class="card stack" aria-labelledby="onboarding-about">
            <h1 id="onboarding-about" ref={headingRef} tabindex="-1">
              {t('onboarding:about.heading')}
            </h1>
            <p>{t('onboarding:about.intro')}</p>
            <ul class="bullet-list">
              <li>{t('onboarding:about.setup')}</li>
              <li>{t('onboarding:about.answer')}</li>
              <li>{t('onboarding:about.report')}</li>
              <li>{t('onboarding:about.offline')}</li>
            </ul>
          </section>
        </Match>
        <Match when={STEPS[step()] === 'privacy'}>
          <section class="card stack" aria-labelledby="onboarding-privacy" data-testid="onboarding-privacy">
            <h1 id="onboarding-privacy" ref={headingRef} tabindex="-1">
              {t('onboarding:privacy.heading')}
            </h1>
            <p>{t('onboarding:privacy.intro')}</p>
            <ul class="bullet-list">
              <li>{t('onboarding:privacy.interviews')}</li>
              <li>{t('onboarding:privacy.face')}</li>
              <li>{t('onboarding:privacy.voice')}</li>
              <li>{t('onboarding:privacy.resume')}</li>
              <li>{t('onboarding:privacy.ai')}</li>
            </ul>
            <h2>{t('onboarding:privacy.syncHeading')}</h2>
            <p>
              <strong>{t('onboarding:privacy.syncNothing')}</strong>
            </p>
            <p>{t('onboarding:privacy.syncThen')}</p>
            <p>{t('onboarding:privacy.syncNever')}</p>
            <p class="muted">{t('onboarding:privacy.delete')}</p>
          </section>
        </Match>
        <Match when={STEPS[step()] === 'check'}>
          <DeviceCheckStep headingRef={headingRef} />
        </Match>
      </Switch>

      <Show when={saveError()}>
        <p class="banner banner-error" role="alert">
          {saveError()}
        </p>
      </Show>

      <div class="row onboarding-actions">
        <Show when={step() > 0}>
          <button type="button" class="button" onClick={() => go(step() - 1)}>
            {t('onboarding:actions.back')}
          </button>
        </Show>
        <Show
          when={step() < STEPS.length - 1}
          fallback={
            <button type="button" class="button button-primary" onClick={() => void leave('completed')}>
              {t('onboarding:actions.finish')}
            </button>
          }
        >
          <button type="button" class="button button-primary" onClick={() => go(step() + 1)}>
            {t('onboarding:actions.next')}
          </button>
          <button type="button" class="button button-quiet" onClick={() => void leave('skipped')}>
            {t('onboarding:actions.skip')}
          </button>
        </Show>
      </div>
    </div>
  );
}
