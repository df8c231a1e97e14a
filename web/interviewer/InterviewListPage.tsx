import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { listInterviews } from './api-client.ts';
import { formatDateTime, interviewTypeLabel } from '../ui/format.ts';

export default function InterviewListPage() {
  const [interviews, { refetch }] = createResource(listInterviews);

  return (
    <div class="stack">
      <div class="row spread">
        <h1>Interviews</h1>
        <button type="button" class="button button-small" onClick={() => void refetch()}>
          Refresh
        </button>
      </div>
      <p class="muted">Interviews your candidates chose to share, newest first.</p>
      <Show when={!interviews.error} fallback={<p class="error" role="alert">{(interviews.error as Error)?.message}</p>}>
        <Show
          when={(interviews() ?? []).length > 0}
          fallback={
            <Show when={!interviews.loading}>
              <p class="card muted">No shared interviews yet. Give a candidate an invite code from the Invites page.</p>
            </Show>
          }
        >
          <div class="interviewer-table-wrap">
            <table class="interviewer-table">
              <caption class="visually-hidden">Shared interviews</caption>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Role</th>
                  <th scope="col">Type</th>
                  <th scope="col">Date</th>
                  <th scope="col">Score</th>
                  <th scope="col">Scoring</th>
                </tr>
              </thead>
              <tbody>
                <For each={interviews()}>
                  {(interview) => (
                    <tr>
                      <th scope="row">
                        <A href={`/interviewer/interviews/${encodeURIComponent(interview.id)}`}>{interview.candidateName}</A>
                      </th>
                      <td>
                        {interview.role} <span class="muted small">({interview.seniority})</span>
                      </td>
                      <td>{interviewTypeLabel(interview.type)}</td>
                      <td>{formatDateTime(interview.startedAt)}</td>
                      <td>
                        <Show when={interview.overall !== null} fallback={<span class="muted">in progress</span>}>
                          <span class="score-badge">{Math.round(interview.overall!)}</span>
                        </Show>
                      </td>
                      <td class="small">{interview.engine === 'basic' ? 'basic scoring' : interview.engine}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Show>
    </div>
  );
}
