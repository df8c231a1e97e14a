// Invite codes: an interviewer makes one for candidates' devices (shown once, to copy) and sees the
// codes made so far, with how often each was used and when it expires.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { CreatedInvite } from '../../sync-server/protocol/index.ts';
import { t } from '../i18n/i18n.ts';
import { formatDate } from '../ui/format.ts';
import { usePageTitle } from '../ui/page.ts';
import { createInvite, listInvites } from './api-client.ts';
import { problemText } from './problem-text.ts';

type Problem = { kind: 'error'; error: unknown } | { kind: 'copyBlocked' };

export default function InvitesPage() {
  const [invites, { refetch }] = createResource(listInvites);
  const [label, setLabel] = createSignal('');
  const [maxUses, setMaxUses] = createSignal(1);
  const [created, setCreated] = createSignal<CreatedInvite | null>(null);
  const [problem, setProblem] = createSignal<Problem | null>(null);
  const [copied, setCopied] = createSignal(false);
  usePageTitle(() => t('interviewer:invites.title'));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(null);
    setCopied(false);
    try {
      const trimmed = label().trim();
      setCreated(await createInvite({ maxUses: maxUses(), expiresInDays: 14, ...(trimmed ? { label: trimmed } : {}) }));
      setLabel('');
      void refetch();
    } catch (failure) {
      setProblem({ kind: 'error', error: failure });
    }
  };

  const copy = async (code: string) => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setProblem({ kind: 'copyBlocked' });
    }
  };

  const problemSentence = () => {
    const current = problem();
    if (!current) return '';
    return current.kind === 'copyBlocked' ? t('interviewer:invites.copyBlocked') : problemText(current.error);
  };

  return (
    <div class="stack">
      <h1>{t('interviewer:invites.title')}</h1>
      <p class="muted">{t('interviewer:invites.intro')}</p>
      <form class="card stack" onSubmit={(event) => void submit(event)}>
        <div class="row interviewer-form-row">
          <div class="field">
            <label for="invite-label">{t('interviewer:invites.label')}</label>
            <input
              id="invite-label"
              class="input"
              type="text"
              maxLength={120}
              placeholder={t('interviewer:invites.labelPlaceholder')}
              value={label()}
              onInput={(e) => setLabel(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="invite-uses">{t('interviewer:invites.uses')}</label>
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
          {t('interviewer:invites.create')}
        </button>
        <p class="error" role="alert">
          {problemSentence()}
        </p>
      </form>
      <Show when={created()}>
        {(invite) => (
          <section class="card stack interviewer-new-code" aria-live="polite" aria-labelledby="new-code-title">
            <h2 id="new-code-title">{t('interviewer:invites.newCode')}</h2>
            <p class="interviewer-code" data-testid="invite-code">
              {invite().code}
            </p>
            <div class="row">
              <button type="button" class="button" onClick={() => void copy(invite().code)}>
                {copied() ? t('interviewer:invites.copied') : t('interviewer:invites.copy')}
              </button>
              <span class="muted small">{t('interviewer:invites.admits', { count: invite().maxUses, date: formatDate(invite().expiresAt) })}</span>
            </div>
          </section>
        )}
      </Show>
      <section class="stack" aria-labelledby="existing-codes">
        <h2 id="existing-codes">{t('interviewer:invites.existing')}</h2>
        <Show
          when={!invites.error}
          fallback={
            <p class="error" role="alert">
              {t('interviewer:invites.loadError', { message: problemText(invites.error) })}
            </p>
          }
        >
          <Show when={(invites() ?? []).length > 0} fallback={<p class="muted">{invites.loading ? t('interviewer:layout.loading') : t('interviewer:invites.none')}</p>}>
            <div class="interviewer-table-wrap" tabindex="0" role="region" aria-label={t('interviewer:invites.caption')}>
              <table class="interviewer-table">
                <caption class="visually-hidden">{t('interviewer:invites.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('interviewer:invites.columns.label')}</th>
                    <th scope="col">{t('interviewer:invites.columns.created')}</th>
                    <th scope="col">{t('interviewer:invites.columns.used')}</th>
                    <th scope="col">{t('interviewer:invites.columns.expires')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={invites()}>
                    {(invite) => (
                      <tr>
                        <th scope="row">{invite.label ?? <span class="muted">{t('interviewer:invites.noLabel')}</span>}</th>
                        <td>{formatDate(invite.createdAt)}</td>
                        <td>
                          {invite.uses} / {invite.maxUses}
                          {invite.uses >= invite.maxUses ? <span class="muted small"> {t('interviewer:invites.usedUp')}</span> : null}
                        </td>
                        <td>
                          {formatDate(invite.expiresAt)}
                          {Date.parse(invite.expiresAt) <= Date.now() ? <span class="muted small"> {t('interviewer:invites.expired')}</span> : null}
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
