// What the device does with the interviewers' changes it pulls, in real Chromium (IndexedDB): each is
// stored once however often it is pulled, an assignment starts an interview with the template's own
// questions, language and time limit, and notes and controls are listed per interview in order.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceChange } from '../../sync-server/protocol/pull.ts';
import type { InterviewTemplate } from '../../sync-server/protocol/interview-template.ts';
import { closeDb, DB_NAME, getDb } from '../data/db.ts';
import { getInterview } from '../data/interviews.ts';
import { applyWorkspaceChange, assignmentOfInterview, listControls, listInterviewerNotes, listOpenAssignments } from '../data/workspace-inbox.ts';
import { startAssignment } from './start-assignment.ts';

const template: InterviewTemplate = {
  id: 'tpl-1',
  version: 2,
  name: 'Backend screen',
  role: 'Backend engineer',
  seniority: 'senior',
  questions: [
    { id: 'own-1', kind: 'technical', text: 'How would you make a slow SQL query fast?', talkingPoints: [], rubricHint: '', expectedSeconds: 120, source: 'own' },
    { id: 'own-2', kind: 'technical', text: 'How do you roll back a bad deploy?', talkingPoints: [], rubricHint: '', expectedSeconds: 90, source: 'own' },
  ],
  rubricWeights: [],
  timeLimitMinutes: 12,
  language: 'es',
  cameraRequired: true,
  voiceRequired: false,
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
};

const assigned: DeviceChange = { type: 'template.assigned', payload: { id: 'as-1', orgName: 'Acme', assignedBy: 'Ada', assignedAt: '2026-11-23T10:01:00.000Z', template } };

beforeEach(async () => {
  closeDb();
  // Lets the closed connection finish closing, so the delete is not blocked by it.
  await new Promise((resolve) => setTimeout(resolve));
  await Dexie.delete(DB_NAME);
});
afterEach(() => closeDb());

describe('changes from interviewers on the device', () => {
  it('store an assignment once, and starting it makes an interview from the template', async () => {
    await applyWorkspaceChange(assigned);
    await applyWorkspaceChange(assigned);
    expect((await listOpenAssignments()).map((a) => a.id)).toEqual(['as-1']);

    const interview = await startAssignment('as-1', { label: 'basic scoring', reason: 'test' });
    expect(interview.spec).toMatchObject({ role: 'Backend engineer', seniority: 'senior', type: 'technical', language: 'es', minutes: 12, questionCount: 2 });
    const stored = await getInterview(interview.id);
    expect(stored!.turns.map((turn) => turn.question.text)).toEqual(template.questions.map((question) => question.text));
    expect((await assignmentOfInterview(interview.id))?.template.cameraRequired).toBe(true);
    expect(await listOpenAssignments()).toEqual([]);

    // Pulled again (a retry): still started, not offered a second time.
    await applyWorkspaceChange(assigned);
    expect(await listOpenAssignments()).toEqual([]);
  });

  it('list comments, overrides and controls per interview, oldest first, each once', async () => {
    const comment: DeviceChange = {
      type: 'comment.added',
      payload: { id: '01A', interviewId: 'iv-1', turnId: null, body: 'Nice structure.', authorName: 'Ada', createdAt: '2026-11-23T10:02:00.000Z' },
    };
    const override: DeviceChange = {
      type: 'score.overridden',
      payload: { id: '01B', interviewId: 'iv-1', turnId: 'iv-1-q0', dimensionKey: 'coverage', from: 2, to: 4, reason: 'Covered it later.', authorName: 'Ada', createdAt: '2026-11-23T10:03:00.000Z' },
    };
    const control: DeviceChange = {
      type: 'control.issued',
      payload: { id: '01C', interviewId: 'iv-1', action: 'pause', minutes: null, message: 'Hold on.', issuedBy: 'Ada', issuedAt: '2026-11-23T10:04:00.000Z' },
    };
    for (const change of [override, comment, control, comment, override, control]) await applyWorkspaceChange(change);
    expect((await listInterviewerNotes('iv-1')).map((note) => note.kind)).toEqual(['comment', 'override']);
    expect((await listControls('iv-1')).map((c) => [c.action, c.message])).toEqual([['pause', 'Hold on.']]);
    expect(await listInterviewerNotes('iv-2')).toEqual([]);
    expect(await getDb().interviewerNotes.count()).toBe(2);
  });
});
