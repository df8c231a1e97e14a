// The home screen's offer of the first-run tour, shown until the candidate finishes or skips it
// (here or in the tour). An offer rather than a redirect: a link to /new or a report, or a test that
// opens the home screen, lands where it asked to.
import { A } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { getOnboardingState, saveOnboardingState } from '../data/onboarding-state.ts';
import { t } from '../i18n/i18n.ts';
import { focusElement } from '../ui/page.ts';
import './onboarding.css';

export function FirstRunCard() {
  const [offer, setOffer] = createSignal(false);
  onMount(async () => {
    // A device whose storage cannot be read is not bothered with the offer.
    setOffer((await getOnboardingState().catch(() => ({ outcome: 'skipped' }))) === null);
  });

  async function dismiss() {
    setOffer(false);
    focusElement(document.querySelector<HTMLElement>('main h1'));
    // Not remembered if storage fails: the offer comes back next time, which is harmless.
    await saveOnboardingState('skipped').catch(() => undefined);
  }

  return (
    <Show when={offer()}>
      <section class="card first-run-card" aria-labelledby="first-run-title" data-testid="first-run-card">
        <h2 id="first-run-title">{t('onboarding:firstRun.title')}</h2>
        <p>{t('onboarding:firstRun.text')}</p>
        <div class="row">
          <A href="/welcome" class="button">
            {t('onboarding:firstRun.start')}
          </A>
          <button type="button" class="button button-quiet" onClick={() => void dismiss()}>
            {t('onboarding:firstRun.dismiss')}
          </button>
        </div>
      </section>
    </Show>
  );
}
