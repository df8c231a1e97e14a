// The interviewer's sign-in form; a signed-in visitor goes straight on to the interviews.
import { useNavigate } from '@solidjs/router';
import { createEffect, createSignal } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { usePageTitle } from '../ui/page.ts';
import { signIn } from './api-client.ts';
import { problemText } from './problem-text.ts';
import { me, setMe } from './session.ts';

export default function SignInPage() {
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  // The error itself, worded at display so a language switch re-words it.
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  usePageTitle(() => t('interviewer:signIn.title'));

  createEffect(() => {
    if (me()) navigate('/interviewer/interviews', { replace: true });
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setMe(await signIn(email().trim(), password()));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card stack interviewer-sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('interviewer:signIn.title')}</h1>
      <p class="muted">{t('interviewer:signIn.intro')}</p>
      <form class="stack" onSubmit={(event) => void submit(event)}>
        <div class="field">
          <label for="sign-in-email">{t('interviewer:signIn.email')}</label>
          <input id="sign-in-email" class="input" type="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="sign-in-password">{t('interviewer:signIn.password')}</label>
          <input
            class="input"
            id="sign-in-password"
            type="password"
            autocomplete="current-password"
            required
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <p class="error" role="alert">
          {error() === null ? '' : problemText(error())}
        </p>
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? t('interviewer:signIn.busy') : t('interviewer:signIn.submit')}
        </button>
      </form>
    </section>
  );
}
