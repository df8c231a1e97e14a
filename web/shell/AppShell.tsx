// The frame around every candidate screen: header with navigation and sync status, storage banner,
// the "ready offline" toast, and focus management between screens. Starts the sync client after the
// first screen is up, so it (and zod) never delay the first paint.
import { A, useLocation, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, on, onCleanup, onMount, Show, Suspense } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { getDb } from '../data/db.ts';
import { getSyncIdentity } from '../data/settings.ts';
import { syncStore } from '../sync/sync-state.ts';
import { reportStorageProblem, StorageFullError, StorageUnavailableError, toStorageError } from '../data/storage-errors.ts';
import { t } from '../i18n/i18n.ts';
import { AppHeader } from './AppHeader.tsx';
import { StorageBanner } from './StorageBanner.tsx';
import { SyncIndicator } from './SyncIndicator.tsx';

export function AppShell(props: RouteSectionProps) {
  const location = useLocation();
  const interviewerArea = () => location.pathname.startsWith('/interviewer');
  let main: HTMLElement | undefined;

  const {
    offlineReady: [offlineReady, setOfflineReady],
  } = useRegisterSW({ immediate: true });

  onMount(() => {
    if (interviewerArea()) return;
    getDb()
      .open()
      .catch((error: unknown) => {
        const mapped = toStorageError(error);
        if (mapped instanceof StorageFullError || mapped instanceof StorageUnavailableError) reportStorageProblem(mapped);
        else console.error('Could not open the database', error);
      });
    let stopSync: (() => void) | undefined;
    let cancelled = false;
    // The sync client (and zod, which it needs) is only loaded for devices that joined an
    // organisation; the join screen loads it for the others when they join.
    const begin = async () => {
      const identity = await getSyncIdentity().catch(() => null);
      if (cancelled) return;
      if (!identity) {
        syncStore.update({ phase: 'not-joined', orgName: null, candidateName: null });
        return;
      }
      const module = await import('../sync/sync-client.ts');
      if (!cancelled) stopSync = module.startSync();
    };
    if ('requestIdleCallback' in window) requestIdleCallback(() => void begin(), { timeout: 2_000 });
    else setTimeout(() => void begin(), 200);
    onCleanup(() => {
      cancelled = true;
      stopSync?.();
    });
  });

  // After navigating, focus the new screen's main heading so keyboard and screen reader users start
  // there. Screens load lazily, so wait a few frames for the heading to exist.
  createEffect(
    on(
      () => location.pathname,
      () => {
        let frames = 0;
        const tryFocus = () => {
          const heading = main?.querySelector<HTMLElement>('h1');
          if (heading) {
            if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
            heading.focus({ preventScroll: true });
            window.scrollTo({ top: 0 });
          } else if (frames++ < 60) requestAnimationFrame(tryFocus);
        };
        requestAnimationFrame(tryFocus);
      },
      { defer: true },
    ),
  );

  const [toastDismissed, setToastDismissed] = createSignal(false);

  return (
    <Show when={!interviewerArea()} fallback={<Suspense>{props.children}</Suspense>}>
      <AppHeader home="/" mainId="main" badge={<span class="visually-hidden"> {t('shell:home')}</span>}>
        <nav class="app-nav" aria-label={t('shell:nav.label')}>
          <A href="/" end>
            {t('shell:nav.interviews')}
          </A>
          <A href="/progress">{t('shell:nav.progress')}</A>
          <A href="/challenges">{t('shell:nav.practice')}</A>
          <A href="/sync">{t('shell:nav.sync')}</A>
          <A href="/settings" end>
            {t('shell:nav.settings')}
          </A>
          <SyncIndicator />
        </nav>
      </AppHeader>
      <div class="banners">
        <StorageBanner />
      </div>
      <main id="main" class="page" ref={main} tabindex="-1">
        <Suspense
          fallback={
            <p class="loading" role="status">
              <span class="spinner" aria-hidden="true" /> {t('shell:loading')}
            </p>
          }
        >
          {props.children}
        </Suspense>
      </main>
      <footer class="app-footer">{t('shell:footer')}</footer>
      <Show when={offlineReady() && !toastDismissed()}>
        <div class="toast" role="status">
          <span>{t('shell:offlineReady')}</span>
          <button
            type="button"
            onClick={() => {
              setToastDismissed(true);
              setOfflineReady(false);
            }}
          >
            {t('shell:ok')}
          </button>
        </div>
      </Show>
    </Show>
  );
}
