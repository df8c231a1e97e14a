// On the interview screen of an interview started from an assigned template: what the template asks
// for (the time limit, camera, spoken answers), said where the candidate sees it. The time limit is
// enforced by the screen (it ends the interview when the limit and any extensions run out).
import { createResource, Show, type Resource } from 'solid-js';
import type { AssignmentRecord } from '../data/db.ts';
import { assignmentOfInterview } from '../data/workspace-inbox.ts';
import { t } from '../i18n/i18n.ts';
import './workspace-candidate.css';

export function useAssignment(interviewId: string): Resource<AssignmentRecord | null> {
  const [assignment] = createResource(() => interviewId, assignmentOfInterview);
  return assignment;
}

export function AssignedRequirements(props: { assignment: AssignmentRecord | null | undefined; minutes: number }) {
  return (
    <Show when={props.assignment}>
      {(assignment) => (
        <div class="assigned-requirements" role="note" data-testid="assigned-requirements">
          <strong>{t('assigned:requirements.title', { org: assignment().orgName })}</strong>{' '}
          {[
            t('assigned:requirements.timeLimit', { count: props.minutes }),
            assignment().template.cameraRequired ? t('assigned:requirements.camera') : null,
            assignment().template.voiceRequired ? t('assigned:requirements.voice') : null,
          ]
            .filter(Boolean)
            .join(' ')}
        </div>
      )}
    </Show>
  );
}
