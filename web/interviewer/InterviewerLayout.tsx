// The frame of the interviewer area: who is signed in, the navigation (the dashboard, team and audit
// log for admins only), the language and theme controls, and a guard that sends signed-out visitors to
// the sign-in form.
import { t } from '../i18n/i18n.ts';
import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, onMount, Show, Suspense } from 'solid-js';
import { signOut } from './api-client.ts';
import { me, refreshSession, setMe } from './session.ts';
import { AppHeader } from '../shell/AppHeader.tsx';
import { DisplayControls } from './DisplayControls.tsx';
import { problemText } from './problem-text.ts';
import './interviewer.css';

export default function InterviewerLayout(props: RouteSectionProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const [problem, setProblem] = createSignal<unknown>(null);

  onMount(() => {
    refreshSession().catch((error: unknown) => setProblem(error));
  });

  createEffect(() => {
    const signedIn = me();
    // Signing in and accepting an invitation are the pages a signed-out visitor may see.
    const open = ['/interviewer', '/interviewer/', '/interviewer/accept'].includes(location.pathname);
    if (signedIn === null && !open) navigate('/interviewer', { replace: true });
  });

  const leave = async () => {
    await signOut().catch(() => undefined);
    setMe(null);
    navigate('/interviewer');
  };

  return (
    <>
      <AppHeader home="/interviewer" mainId="interviewer-main" class="interviewer-header" badge={<span class="tag">{t('interviewer:layout.badge')}</span>}>
        <Show when={me()}>
          {(session) => (
            <nav class="app-nav" aria-label={t('interviewer:layout.navLabel')}>
              <A href="/interviewer/interviews">{t('interviewer:layout.nav.interviews')}</A>
              <A href="/interviewer/invites">{t('interviewer:layout.nav.invites')}</A>
              <Show when={session().user.role === 'admin'}>
                <A href="/interviewer/dashboard">{t('dashboard:nav')}</A>
                <A href="/interviewer/team">{t('team:nav')}</A>
                <A href="/interviewer/audit">{t('audit:nav')}</A>
              </Show>
              <A href="/interviewer/templates">{t('workspace:nav.templates')}</A>
              <span class="muted small interviewer-who">{t('interviewer:layout.signedInAs', { name: session().user.name, org: session().org.name })}</span>
              <button type="button" class="button button-quiet button-small" onClick={() => void leave()}>
                {t('interviewer:layout.signOut')}
              </button>
            </nav>
          )}
        </Show>
        <DisplayControls />
      </AppHeader>
      <main id="interviewer-main" class="page" tabindex="-1">
        <Show when={problem()}>
          <p class="error" role="alert">
            {problemText(problem())}
          </p>
        </Show>
        <Suspense fallback={<p role="status">{t('interviewer:layout.loading')}</p>}>{props.children}</Suspense>
      </main>
    </>
  );
}
