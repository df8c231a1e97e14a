import { useNavigate } from '@solidjs/router';
import { createEffect, createSignal } from 'solid-js';
import { signIn } from './api-client.ts';
import { me, setMe } from './session.ts';

export default function SignInPage() {
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

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
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card stack interviewer-sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p class="muted">For interviewers and coaches: read the interviews your candidates shared, and make invite codes.</p>
      <form class="stack" onSubmit={(event) => void submit(event)}>
        <div class="field">
          <label for="sign-in-email">Email</label>
          <input id="sign-in-email" class="input" type="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="sign-in-password">Password</label>
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
          {error() ?? ''}
        </p>
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
