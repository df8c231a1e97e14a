// What this device received from its organisation's interviewers: template assignments, live
// controls, comments and score overrides. The sync client hands each pulled change to
// applyWorkspaceChange; everything is stored under the server's id, so a change pulled twice (a
// retry after a lost reply) is stored once. Screens read it through the functions below.
// Owns: the assignments, interviewControls and interviewerNotes tables. Must not import: Solid, the
// UI, fetch or the sync client.
import type { DeviceChange } from '../../sync-server/protocol/pull.ts';
import { getDb, type AssignmentRecord, type InterviewControlRecord, type InterviewerNoteRecord } from './db.ts';
import { withStorageWrite } from './storage-errors.ts';

type WorkspaceChange = Exclude<DeviceChange, { type: 'org.joined' }>;

export function applyWorkspaceChange(change: WorkspaceChange, now: Date = new Date()): Promise<void> {
  return withStorageWrite(async () => {
    const db = getDb();
    const receivedAt = now.toISOString();
    switch (change.type) {
      case 'template.assigned': {
        // Keeps the interview a re-pulled assignment was already started as.
        await db.transaction('rw', db.assignments, async () => {
          const known = await db.assignments.get(change.payload.id);
          await db.assignments.put({ ...change.payload, interviewId: known?.interviewId ?? null });
        });
        return;
      }
      case 'control.issued':
        await db.interviewControls.put({ ...change.payload, receivedAt });
        return;
      case 'comment.added':
        await db.interviewerNotes.put({ id: change.payload.id, interviewId: change.payload.interviewId, kind: 'comment', comment: change.payload, receivedAt });
        return;
      case 'score.overridden':
        await db.interviewerNotes.put({ id: change.payload.id, interviewId: change.payload.interviewId, kind: 'override', override: change.payload, receivedAt });
        return;
    }
  });
}

/** Assignments not started yet, newest first. */
export async function listOpenAssignments(): Promise<AssignmentRecord[]> {
  const all = await getDb().assignments.orderBy('assignedAt').reverse().toArray();
  return all.filter((assignment) => assignment.interviewId === null);
}

export function getAssignment(id: string): Promise<AssignmentRecord | undefined> {
  return getDb().assignments.get(id);
}

/** The assignment an interview was started from, if any: its time limit and requirements apply. */
export async function assignmentOfInterview(interviewId: string): Promise<AssignmentRecord | null> {
  return (await getDb().assignments.where('interviewId').equals(interviewId).first()) ?? null;
}

export function markAssignmentStarted(assignmentId: string, interviewId: string): Promise<void> {
  return withStorageWrite(async () => {
    await getDb().assignments.update(assignmentId, { interviewId });
  });
}

/** Controls for an interview in the order the interviewer issued them (ids are ULIDs). */
export async function listControls(interviewId: string): Promise<InterviewControlRecord[]> {
  return (await getDb().interviewControls.where('interviewId').equals(interviewId).toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Comments and overrides on an interview, oldest first. */
export async function listInterviewerNotes(interviewId: string): Promise<InterviewerNoteRecord[]> {
  return (await getDb().interviewerNotes.where('interviewId').equals(interviewId).toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
}
