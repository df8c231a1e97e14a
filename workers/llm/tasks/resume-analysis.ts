// Task: read a résumé (and a job description, if given) and pull out skills, experience and the
// gaps against the job. The candidate sees the result and can edit it before it tailors questions,
// so everything in it is short plain text.
// Owns: the analysis prompt and its schema. Must not import: DOM, Dexie.
import { z } from 'zod';
import type { ResumeAnalysisInput } from '../api.ts';
import type { ChatBackend, ChatMessage } from '../chat-backend.ts';
import { DATA_NOT_INSTRUCTIONS, quoteCandidateData, withoutInstructions } from './candidate-data.ts';
import { lenientNumber, plainText, textList } from './lenient-fields.ts';
import { runTask, type RunTaskOptions, type TaskDefinition } from './run-task.ts';

/** Room for a long résumé and a long advert in one message, well under the gateway's limit. */
export const MAX_RESUME_CHARS = 24_000;
export const MAX_JOB_DESCRIPTION_CHARS = 12_000;

const experienceItem = z.object({
  title: plainText(120),
  organisation: z
    .string()
    .optional()
    .transform((text) => text?.trim().slice(0, 120) || undefined),
  /** Years in this position, when the résumé says. */
  years: lenientNumber(0, 60).optional().catch(undefined),
  highlights: textList(5, 240),
});

export const resumeAnalysisSchema = z.object({
  summary: plainText(600),
  skills: textList(30, 80),
  experience: z.array(experienceItem).transform((items) => items.filter((item) => item.title).slice(0, 12)),
  gaps: textList(10, 240),
});
export type ResumeAnalysis = z.output<typeof resumeAnalysisSchema>;

export const RESUME_ANALYSIS_TASK: TaskDefinition<ResumeAnalysis> = {
  task: 'resume-analysis',
  schemaName: 'resume_analysis',
  schema: resumeAnalysisSchema,
  temperature: 0,
  maxTokens: 1_200,
};

export function buildResumeAnalysisMessages(input: ResumeAnalysisInput): ChatMessage[] {
  const jobDescription = input.jobDescription?.trim();
  const system = [
    'You help a job candidate prepare for interviews by reading their résumé.',
    DATA_NOT_INSTRUCTIONS,
    'Return JSON with: summary (two sentences), skills (short names), experience (title, organisation, years, highlights), and gaps:',
    jobDescription
      ? 'gaps are requirements of the job description the résumé does not show.'
      : 'with no job description, gaps are things interviewers commonly probe that the résumé leaves unclear.',
    'Use only facts stated in the résumé; do not invent employers, dates or skills.',
    'The candidate will read and edit this, so use plain words: no markdown, no ratings.',
    `Write in the language with BCP 47 tag "${input.language}".`,
  ].join(' ');
  const parts = [quoteCandidateData('RESUME', withoutInstructions(input.resumeText.slice(0, MAX_RESUME_CHARS)).text)];
  if (jobDescription) parts.push(quoteCandidateData('JOB DESCRIPTION', withoutInstructions(jobDescription.slice(0, MAX_JOB_DESCRIPTION_CHARS)).text));
  return [
    { role: 'system', content: system },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

export function runResumeAnalysis(backend: ChatBackend, input: ResumeAnalysisInput, options?: RunTaskOptions): Promise<ResumeAnalysis> {
  return runTask(backend, RESUME_ANALYSIS_TASK, buildResumeAnalysisMessages(input), options);
}
