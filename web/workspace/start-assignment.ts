// Starting an interview from an assigned template: its questions, in order, with the template's role,
// language and time limit as the interview's spec. Scored by the basic engine on this device.
// Owns: turning a template into an interview. Must not import: Solid or the UI.
import type { InterviewSpec, PlannedQuestion } from '../../sync-server/protocol/index.ts';
import type { InterviewTemplate } from '../../sync-server/protocol/interview-template.ts';
import type { InterviewRecord } from '../data/db.ts';
import { createInterview } from '../data/interviews.ts';
import { getAssignment, markAssignmentStarted } from '../data/workspace-inbox.ts';

export class AssignmentGoneError extends Error {
  override name = 'AssignmentGoneError';
  constructor() {
    super('This assignment is no longer on this device. Sync again, or ask your interviewer to assign it again.');
  }
}

export function specOfTemplate(template: InterviewTemplate): InterviewSpec {
  const kinds = new Set(template.questions.map((question) => question.kind));
  return {
    role: template.role,
    seniority: template.seniority,
    type: kinds.size === 1 ? [...kinds][0]! : 'mixed',
    questionCount: template.questions.length,
    language: template.language,
    minutes: template.timeLimitMinutes,
  };
}

export function questionsOfTemplate(template: InterviewTemplate): PlannedQuestion[] {
  return template.questions.map(({ source: _source, ...question }) => question);
}

export async function startAssignment(assignmentId: string, engine: { label: string; reason: string }): Promise<InterviewRecord> {
  const assignment = await getAssignment(assignmentId);
  if (!assignment) throw new AssignmentGoneError();
  const interview = await createInterview({
    spec: specOfTemplate(assignment.template),
    questions: questionsOfTemplate(assignment.template),
    engine: { kind: 'basic', ...engine },
    templateId: assignment.template.id,
  });
  await markAssignmentStarted(assignmentId, interview.id);
  return interview;
}
