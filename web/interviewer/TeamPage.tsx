// The organisation's team, for admins: invite someone (the link is shown once), see who is waiting to
// accept, disable, enable or delete members. Every destructive action asks first, in place, and says
// what it will do; the server refuses what may not happen (yourself, the last admin) with a message
// that is shown as is.
import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { problemText } from './problem-text.ts';
import type { CreatedUserInvitation, TeamInvitation, TeamMember, TeamRole } from '../../sync-server/protocol/index.ts';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { deleteTeamMember, fetchTeam, inviteTeamMember, revokeTeamInvitation, setTeamMemberDisabled } from './api-client.ts';
import { me } from './session.ts';
import './team.css';

type Pending = { kind: 'disable' | 'delete'; member: TeamMember } | { kind: 'withdraw'; invitation: TeamInvitation };


export default function TeamPage() {
  const [team, { refetch }] = createResource(fetchTeam);
  const [email, setEmail] = createSignal('');
  const [role, setRole] = createSignal<TeamRole>('interviewer');
  const [busy, setBusy] = createSignal(false);
  const [created, setCreated] = createSignal<CreatedUserInvitation | null>(null);
  const [copied, setCopied] = createSignal(false);
  const [problem, setProblem] = createSignal<unknown>(null);
  const [status, setStatus] = createSignal('');
  const [pending, setPending] = createSignal<Pending | null>(null);

  const link = () => {
    const invitation = created();
    return invitation ? `${location.origin}${invitation.acceptPath}` : '';
  };

  const invite = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setCopied(false);
    try {
      setCreated(await inviteTeamMember(email().trim(), role()));
      setEmail('');
      void refetch();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link());
      setCopied(true);
    } catch {
      setProblem(t('team:invite.copyBlocked'));
    }
  };

  const confirm = async () => {
    const action = pending();
    if (!action) return;
    setBusy(true);
    setProblem(null);
    try {
      if (action.kind === 'withdraw') {
        await revokeTeamInvitation(action.invitation.id);
        setStatus(t('team:actions.withdrawn', { email: action.invitation.email }));
      } else if (action.kind === 'delete') {
        await deleteTeamMember(action.member.id);
        setStatus(t('team:actions.deleted', { name: action.member.name }));
      } else {
        await setTeamMemberDisabled(action.member.id, true);
        setStatus(t('team:actions.disabled', { name: action.member.name }));
      }
      setPending(null);
      void refetch();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const enable = async (member: TeamMember) => {
    setProblem(null);
    try {
      await setTeamMemberDisabled(member.id, false);
      setStatus(t('team:actions.enabled', { name: member.name }));
      void refetch();
    } catch (error) {
      setProblem(error);
    }
  };

  const isPending = (kind: Pending['kind'], id: string) => {
    const action = pending();
    if (!action || action.kind !== kind) return false;
    return action.kind === 'withdraw' ? action.invitation.id === id : action.member.id === id;
  };

  /** The in-place question before a destructive action; focus goes to Cancel, the safe choice. */
  const Confirmation = (props: { text: string; yes: string }) => (
    <div class="confirm-box stack-tight team-confirm" role="group" aria-labelledby="team-confirm-text">
      <p id="team-confirm-text">{props.text}</p>
      <div class="row">
        <button type="button" class="button button-small button-danger" disabled={busy()} onClick={() => void confirm()}>
          {props.yes}
        </button>
        <button type="button" class="button button-small" ref={(el) => queueMicrotask(() => el.focus())} onClick={() => setPending(null)}>
          {t('team:actions.cancel')}
        </button>
      </div>
    </div>
  );

  return (
    <div class="stack">
      <h1>{t('team:title')}</h1>
      <p class="muted">{t('team:intro')}</p>
      <p class="error" role="alert">
        {problem() === null ? '' : problemText(problem())}
      </p>
      <p class="visually-hidden" role="status">
        {status()}
      </p>

      <form class="card stack" onSubmit={(event) => void invite(event)} aria-labelledby="team-invite-heading">
        <h2 id="team-invite-heading">{t('team:invite.heading')}</h2>
        <div class="row interviewer-form-row">
          <div class="field">
            <label for="team-invite-email">{t('team:invite.email')}</label>
            <input id="team-invite-email" class="input" type="email" required autocomplete="off" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="team-invite-role">{t('team:invite.role')}</label>
            <select id="team-invite-role" class="input" value={role()} onChange={(e) => setRole(e.currentTarget.value as TeamRole)}>
              <option value="interviewer">{t('team:roles.interviewer')}</option>
              <option value="admin">{t('team:roles.admin')}</option>
            </select>
          </div>
        </div>
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? t('team:invite.busy') : t('team:invite.submit')}
        </button>
      </form>

      <Show when={created()}>
        {(invitation) => (
          <section class="card stack team-link" aria-labelledby="team-link-heading" aria-live="polite">
            <h2 id="team-link-heading">{t('team:invite.linkHeading', { email: invitation().invitation.email })}</h2>
            <label for="team-link" class="visually-hidden">
              {t('team:invite.linkLabel')}
            </label>
            <input id="team-link" class="input interviewer-mono" type="text" readOnly value={link()} data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()} />
            <div class="row">
              <button type="button" class="button" onClick={() => void copy()}>
                {copied() ? t('team:invite.copied') : t('team:invite.copy')}
              </button>
            </div>
            <p class="muted small">{t('team:invite.linkNote', { email: invitation().invitation.email, date: formatDate(invitation().invitation.expiresAt) })}</p>
          </section>
        )}
      </Show>

      <Show when={!team.error} fallback={<p class="error">{t('team:loadError', { message: problemText(team.error) })}</p>}>
        <Show when={team()} fallback={<p role="status">{t('team:loading')}</p>}>
          {(data) => (
            <>
              <section class="stack" aria-labelledby="team-members-heading">
                <h2 id="team-members-heading">{t('team:members.heading')}</h2>
                <div class="interviewer-table-wrap" tabindex="0" role="region" aria-label={t('team:members.caption')}>
                  <table class="interviewer-table">
                    <caption class="visually-hidden">{t('team:members.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('team:members.name')}</th>
                        <th scope="col">{t('team:members.email')}</th>
                        <th scope="col">{t('team:members.role')}</th>
                        <th scope="col">{t('team:members.status')}</th>
                        <th scope="col">{t('team:members.lastSignIn')}</th>
                        <th scope="col">{t('team:members.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={data().members}>
                        {(member) => {
                          const self = () => me()?.user.id === member.id;
                          return (
                            <tr data-testid="team-member">
                              <th scope="row">
                                {member.name} <Show when={self()}>{<span class="muted small">{t('team:members.you')}</span>}</Show>
                              </th>
                              <td>{member.email}</td>
                              <td>{t(`team:roles.${member.role}`)}</td>
                              <td>
                                <span class="tag" data-status={member.status}>
                                  {t(`team:members.${member.status}`)}
                                </span>
                              </td>
                              <td>{member.lastSignInAt ? formatDateTime(member.lastSignInAt) : t('team:members.never')}</td>
                              <td>
                                <Show when={!self()}>
                                  <div class="row team-actions">
                                    <Show
                                      when={member.status === 'active'}
                                      fallback={
                                        <button type="button" class="button button-small" aria-label={t('team:actions.enableOf', { name: member.name })} onClick={() => void enable(member)}>
                                          {t('team:actions.enable')}
                                        </button>
                                      }
                                    >
                                      <button
                                        type="button"
                                        class="button button-small"
                                        aria-label={t('team:actions.disableOf', { name: member.name })}
                                        onClick={() => setPending({ kind: 'disable', member })}
                                      >
                                        {t('team:actions.disable')}
                                      </button>
                                    </Show>
                                    <button
                                      type="button"
                                      class="button button-small button-danger-quiet"
                                      aria-label={t('team:actions.deleteOf', { name: member.name })}
                                      onClick={() => setPending({ kind: 'delete', member })}
                                    >
                                      {t('team:actions.delete')}
                                    </button>
                                  </div>
                                  <Show when={isPending('disable', member.id)}>
                                    <Confirmation text={t('team:actions.confirmDisable', { name: member.name, email: member.email })} yes={t('team:actions.yesDisable')} />
                                  </Show>
                                  <Show when={isPending('delete', member.id)}>
                                    <Confirmation text={t('team:actions.confirmDelete', { name: member.name, email: member.email })} yes={t('team:actions.yesDelete')} />
                                  </Show>
                                </Show>
                              </td>
                            </tr>
                          );
                        }}
                      </For>
                    </tbody>
                  </table>
                </div>
              </section>

              <section class="stack" aria-labelledby="team-pending-heading">
                <h2 id="team-pending-heading">{t('team:pending.heading')}</h2>
                <Show when={data().invitations.length > 0} fallback={<p class="muted">{t('team:pending.none')}</p>}>
                  <div class="interviewer-table-wrap" tabindex="0" role="region" aria-label={t('team:pending.caption')}>
                    <table class="interviewer-table">
                      <caption class="visually-hidden">{t('team:pending.caption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('team:pending.email')}</th>
                          <th scope="col">{t('team:pending.role')}</th>
                          <th scope="col">{t('team:pending.expires')}</th>
                          <th scope="col">{t('team:members.actions')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={data().invitations}>
                          {(invitation) => (
                            <tr data-testid="team-invitation">
                              <th scope="row">{invitation.email}</th>
                              <td>{t(`team:roles.${invitation.role}`)}</td>
                              <td>{formatDate(invitation.expiresAt)}</td>
                              <td>
                                <button
                                  type="button"
                                  class="button button-small button-danger-quiet"
                                  aria-label={t('team:actions.withdrawOf', { email: invitation.email })}
                                  onClick={() => setPending({ kind: 'withdraw', invitation })}
                                >
                                  {t('team:actions.withdraw')}
                                </button>
                                <Show when={isPending('withdraw', invitation.id)}>
                                  <Confirmation text={t('team:actions.confirmWithdraw', { email: invitation.email })} yes={t('team:actions.yesWithdraw')} />
                                </Show>
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </Show>
              </section>
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}
