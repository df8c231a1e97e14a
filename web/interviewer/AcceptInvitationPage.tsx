// Where an invitation link lands (/interviewer/accept?token=…): it says which organisation, email and
// role the link is for, and the invited person chooses their name and password; the account is made,
// they are signed in and go to the interviews. The token is taken out of the address bar at once, so it
// does not stay in the history or get shared with a screenshot of the URL.
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { MIN_PASSWORD_CHARS } from '../../sync-server/protocol/index.ts';
import { acceptInvitation, inspectInvitation } from './api-client.ts';
import { problemText } from './problem-text.ts';
import { setMe } from './session.ts';
import './team.css';

// The passwords differ: worded at display, like the server's errors, so a language switch re-words it.
const MISMATCH = Symbol('mismatch');

function takeToken(): string | null {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token) {
    url.searchParams.delete('token');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return token;
}

export default function AcceptInvitationPage() {
  const navigate = useNavigate();
  const token = takeToken();
  const [preview] = createResource(() => token, inspectInvitation);
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [problem, setProblem] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(null);
    if (password() !== again()) {
      setProblem(MISMATCH);
      return;
    }
    setBusy(true);
    try {
      setMe(await acceptInvitation(token!, name().trim(), password()));
      navigate('/interviewer/interviews', { replace: true });
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card stack team-accept" aria-labelledby="accept-title">
      <h1 id="accept-title">{t('team:accept.title')}</h1>
      <Show when={token} fallback={<p class="error" role="alert">{t('team:accept.missingToken')}</p>}>
        <Show when={!preview.error} fallback={<p class="error" role="alert">{problemText(preview.error)}</p>}>
          <Show when={preview()} fallback={<p role="status">{t('team:accept.checking')}</p>}>
            {(invitation) => (
              <form class="stack" onSubmit={(event) => void submit(event)}>
                <p>{t('team:accept.intro', { org: invitation().orgName, role: t(`team:roles.${invitation().role}`) })}</p>
                <div class="field">
                  <label for="accept-email">{t('team:accept.email')}</label>
                  <input id="accept-email" class="input" type="email" autocomplete="username" readOnly value={invitation().email} />
                </div>
                <div class="field">
                  <label for="accept-name">{t('team:accept.name')}</label>
                  <input id="accept-name" class="input" type="text" autocomplete="name" required maxLength={120} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
                </div>
                <div class="field">
                  <label for="accept-password">{t('team:accept.password')}</label>
                  <input
                    id="accept-password"
                    class="input"
                    type="password"
                    autocomplete="new-password"
                    required
                    minLength={MIN_PASSWORD_CHARS}
                    aria-describedby="accept-password-hint"
                    value={password()}
                    onInput={(e) => setPassword(e.currentTarget.value)}
                  />
                  <span id="accept-password-hint" class="muted small">
                    {t('team:accept.passwordHint')}
                  </span>
                </div>
                <div class="field">
                  <label for="accept-again">{t('team:accept.confirm')}</label>
                  <input
                    id="accept-again"
                    class="input"
                    type="password"
                    autocomplete="new-password"
                    required
                    minLength={MIN_PASSWORD_CHARS}
                    value={again()}
                    onInput={(e) => setAgain(e.currentTarget.value)}
                  />
                </div>
                <p class="error" role="alert">
                  {problem() === null ? '' : problem() === MISMATCH ? t('team:accept.mismatch') : problemText(problem())}
                </p>
                <button type="submit" class="button button-primary" disabled={busy()}>
                  {busy() ? t('team:accept.busy') : t('team:accept.submit')}
                </button>
              </form>
            )}
          </Show>
        </Show>
      </Show>
    </section>
  );
}
