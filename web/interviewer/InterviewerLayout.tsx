// The frame of the interviewer area: who is signed in, the navigation, and a guard that sends
// signed-out visitors to the sign-in form.
import { t } from '../i18n/i18n.ts';
import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, onMount, Show, Suspense } from 'solid-js';
import { signOut } from './api-client.ts';
import { me, refreshSession, setMe } from './session.ts';
import { AppHeader } from '../shell/AppHeader.tsx';
import './interviewer.css';

export default function InterviewerLayout(props: RouteSectionProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const [problem, setProblem] = createSignal<string | null>(null);

  onMount(() => {
    refreshSession().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
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
      <AppHeader home="/interviewer" mainId="interviewer-main" class="interviewer-header" badge={<span class="tag">Interviewers</span>}>
        <Show when={me()}>
          {(session) => (
            <nav class="app-nav" aria-label="Interviewer">
              <A href="/interviewer/interviews">Interviews</A>
              <A href="/interviewer/invites">Invites</A>
              <Show when={session().user.role === 'admin'}>
                <A href="/interviewer/dashboard">{t('dashboard:nav')}</A>
                <A href="/interviewer/team">{t('team:nav')}</A>
              </Show>
              <A href="/interviewer/templates">{t('workspace:nav.templates')}</A>
              <span class="muted small interviewer-who">
                {session().user.name} · {session().org.name}
              </span>
              <button type="button" class="button button-quiet button-small" onClick={() => void leave()}>
                Sign out
              </button>
            </nav>
          )}
        </Show>
      </AppHeader>
      <main id="interviewer-main" class="page" tabindex="-1">
        <Show when={problem()}>
          <p class="error" role="alert">
            {problem()}
          </p>
        </Show>
        <Suspense fallback={<p role="status">Loading…</p>}>{props.children}</Suspense>
      </main>
    </>
  );
}
