// On the report: what the candidate's interviewers said about the interview after it synced, as
// pulled: comments (on the interview or one answer) and score changes with their reasons.
import { For, Show } from 'solid-js';
import type { TurnRecord } from '../data/db.ts';
import { listInterviewerNotes } from '../data/workspace-inbox.ts';
import { t } from '../i18n/i18n.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import './workspace-candidate.css';

export function InterviewerNotes(props: { interviewId: string; turns: readonly TurnRecord[] }) {
  const notes = createLiveQuery(() => listInterviewerNotes(props.interviewId));
  const questionNumber = (turnId: string | null) => {
    const turn = turnId ? props.turns.find((candidate) => candidate.id === turnId) : undefined;
    return turn ? turn.index + 1 : null;
  };
  const dimensionLabel = (turnId: string, key: string) =>
    props.turns.find((turn) => turn.id === turnId)?.score?.dimensions.find((dimension) => dimension.key === key)?.label ?? key;

  return (
    <Show when={(notes.value() ?? []).length > 0}>
      <section class="card stack interviewer-notes" aria-labelledby="interviewer-notes-title">
        <h2 id="interviewer-notes-title">{t('assigned:notes.title')}</h2>
        <ul class="stack">
          <For each={notes.value()}>
            {(note) => (
              <li class="interviewer-note">
                <Show
                  when={note.kind === 'comment' ? note.comment : null}
                  fallback={
                    <Show when={note.kind === 'override' ? note.override : null}>
                      {(override) => (
                        <p>
                          <strong>
                            {t('assigned:notes.override', {
                              question: questionNumber(override().turnId) ?? '?',
                              dimension: dimensionLabel(override().turnId, override().dimensionKey),
                              from: override().from,
                              to: override().to,
                            })}
                          </strong>{' '}
                          {override().reason}
                          <span class="muted"> — {override().authorName}</span>
                        </p>
                      )}
                    </Show>
                  }
                >
                  {(comment) => (
                    <p>
                      <strong>
                        {questionNumber(comment().turnId) !== null
                          ? t('assigned:notes.commentOnQuestion', { name: comment().authorName, question: questionNumber(comment().turnId) })
                          : t('assigned:notes.comment', { name: comment().authorName })}
                      </strong>{' '}
                      {comment().body}
                    </p>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
