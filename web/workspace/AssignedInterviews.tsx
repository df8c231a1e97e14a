// The home screen's list of interviews the candidate's organisation assigned to this device, each
// started with one button. Shows nothing when there are none. When the template requires the camera
// or the microphone, they are checked first: if one is missing the interview does not start, the
// message says what to do, and the assignment stays until it can.
import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { listOpenAssignments } from '../data/workspace-inbox.ts';
import { t } from '../i18n/i18n.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { messageOf } from '../ui/page.ts';
import { checkRequiredInputs } from './check-inputs.ts';
import { requiredInputsOf, type MissingInput } from './required-inputs.ts';
import { RequiredInputsMessage } from './RequiredInputs.tsx';
import { startAssignment } from './start-assignment.ts';
import './workspace-candidate.css';

export function AssignedInterviews() {
  const assignments = createLiveQuery(listOpenAssignments);
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [blocked, setBlocked] = createSignal<{ id: string; missing: MissingInput[] } | null>(null);

  async function start(id: string) {
    setBusy(id);
    setError(null);
    try {
      const template = assignments.value()?.find((assignment) => assignment.id === id)?.template;
      const required = template ? requiredInputsOf(template) : [];
      if (required.length > 0) {
        const missing = await checkRequiredInputs(required);
        if (missing.length > 0) {
          setBlocked({ id, missing });
          setBusy(null);
          return;
        }
      }
      setBlocked(null);
      const interview = await startAssignment(id, { label: t('assigned:engineLabel'), reason: t('assigned:engineReason') });
      navigate(`/interview/${interview.id}`);
    } catch (cause) {
      setError(messageOf(cause));
      setBusy(null);
    }
  }

  return (
    <Show when={(assignments.value() ?? []).length > 0}>
      <section class="card stack assigned-interviews" aria-labelledby="assigned-title">
        <h2 id="assigned-title">{t('assigned:title')}</h2>
        <ul class="stack assigned-list">
          <For each={assignments.value()}>
            {(assignment) => (
              <li class="assigned-item">
                <div>
                  <strong>{assignment.template.name}</strong>
                  <p class="muted">{t('assigned:by', { org: assignment.orgName, name: assignment.assignedBy })}</p>
                  <p class="muted">
                    {t('assigned:details', { role: assignment.template.role, count: assignment.template.questions.length, minutes: assignment.template.timeLimitMinutes })}
                  </p>
                  <Show when={assignment.template.cameraRequired || assignment.template.voiceRequired}>
                    <p class="muted">
                      {[assignment.template.cameraRequired ? t('assigned:cameraRequired') : null, assignment.template.voiceRequired ? t('assigned:voiceRequired') : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </Show>
                </div>
                <button type="button" class="button button-primary" disabled={busy() !== null} onClick={() => void start(assignment.id)}>
                  {t('assigned:start', { name: assignment.template.name })}
                </button>
                <Show when={blocked()?.id === assignment.id ? blocked() : null}>
                  {(shown) => (
                    <RequiredInputsMessage
                      org={assignment.orgName}
                      required={requiredInputsOf(assignment.template)}
                      missing={shown().missing}
                      checking={busy() === assignment.id}
                      when="start"
                      onRetry={() => void start(assignment.id)}
                    />
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
      </section>
    </Show>
  );
}
