import { createResource, createSignal, For, Show } from 'solid-js';
import type { CreatedInvite } from '../../sync-server/protocol/index.ts';
import { createInvite, listInvites } from './api-client.ts';

export default function InvitesPage() {
  const [invites, { refetch }] = createResource(listInvites);
  const [label, setLabel] = createSignal('');
  const [maxUses, setMaxUses] = createSignal(1);
  const [created, setCreated] = createSignal<CreatedInvite | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    setCopied(false);
    try {
      const trimmed = label().trim();
      setCreated(await createInvite({ maxUses: maxUses(), expiresInDays: 14, ...(trimmed ? { label: trimmed } : {}) }));
      setLabel('');
      void refetch();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const copy = async (code: string) => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setError('Copying is blocked in this browser: select the code and copy it by hand.');
    }
  };

  return (
    <div class="stack">
      <h1>Invite codes</h1>
      <p class="muted">
        A candidate enters a code on their device to share their interviews with your organisation. Codes expire after 14 days. A code is shown only
        once, when you create it: copy it then.
      </p>
      <form class="card stack" onSubmit={(event) => void submit(event)}>
        <div class="row interviewer-form-row">
          <div class="field">
            <label for="invite-label">Label (optional)</label>
            <input id="invite-label" class="input" type="text" maxLength={120} placeholder="e.g. Spring cohort" value={label()} onInput={(e) => setLabel(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="invite-uses">Devices it admits</label>
            <input
              class="input"
              id="invite-uses"
              type="number"
              min="1"
              max="10000"
              value={maxUses()}
              onInput={(e) => setMaxUses(Math.max(1, Number(e.currentTarget.value) || 1))}
            />
          </div>
        </div>
        <button type="submit" class="button button-primary">
          Create invite code
        </button>
        <p class="error" role="alert">
          {error() ?? ''}
        </p>
      </form>
      <Show when={created()}>
        {(invite) => (
          <section class="card stack interviewer-new-code" aria-live="polite">
            <h2>New code</h2>
            <p class="interviewer-code" data-testid="invite-code">
              {invite().code}
            </p>
            <div class="row">
              <button type="button" class="button" onClick={() => void copy(invite().code)}>
                {copied() ? 'Copied' : 'Copy code'}
              </button>
              <span class="muted small">
                Admits {invite().maxUses} device{invite().maxUses === 1 ? '' : 's'} · expires {new Date(invite().expiresAt).toLocaleDateString()}
              </span>
            </div>
          </section>
        )}
      </Show>
      <section class="stack" aria-labelledby="existing-codes">
        <h2 id="existing-codes">Existing codes</h2>
        <Show when={!invites.error} fallback={<p class="error">{String((invites.error as Error)?.message ?? invites.error)}</p>}>
          <Show when={(invites() ?? []).length > 0} fallback={<p class="muted">No codes yet.</p>}>
            <div class="interviewer-table-wrap">
              <table class="interviewer-table">
                <thead>
                  <tr>
                    <th scope="col">Label</th>
                    <th scope="col">Created</th>
                    <th scope="col">Used</th>
                    <th scope="col">Expires</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={invites()}>
                    {(invite) => (
                      <tr>
                        <th scope="row">{invite.label ?? '—'}</th>
                        <td>{new Date(invite.createdAt).toLocaleDateString()}</td>
                        <td>
                          {invite.uses} / {invite.maxUses}
                          {invite.uses >= invite.maxUses ? <span class="muted small"> (used up)</span> : null}
                        </td>
                        <td>
                          {new Date(invite.expiresAt).toLocaleDateString()}
                          {Date.parse(invite.expiresAt) <= Date.now() ? <span class="muted small"> (expired)</span> : null}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </Show>
      </section>
    </div>
  );
}
