// Whether this device's candidate has been through the first-run tour (finished or skipped), so the
// home screen offers it once and then keeps quiet. A device setting: it never syncs.
// Owns: the `onboarding` setting. Must not import: Solid, the UI.
import { withStorageErrors } from './storage-errors.ts';
import { readSetting, writeSetting } from './setting-rows.ts';

export type OnboardingOutcome = 'completed' | 'skipped';

export interface OnboardingState {
  outcome: OnboardingOutcome;
  /** ISO time it was finished or skipped. */
  at: string;
}

/** null until the candidate finishes or skips the tour on this device. */
export function getOnboardingState(): Promise<OnboardingState | null> {
  return withStorageErrors(async () => {
    const stored = await readSetting<Partial<OnboardingState>>('onboarding');
    if (!stored || (stored.outcome !== 'completed' && stored.outcome !== 'skipped')) return null;
    return { outcome: stored.outcome, at: typeof stored.at === 'string' ? stored.at : '' };
  });
}

export function saveOnboardingState(outcome: OnboardingOutcome, now: Date = new Date()): Promise<void> {
  return writeSetting('onboarding', { outcome, at: now.toISOString() } satisfies OnboardingState);
}
