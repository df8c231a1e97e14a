// Stored records as the app writes them, for the transfer tests: a completed interview with a scored,
// a spoken-with-camera and a skipped question, and text full of Markdown syntax.
import type { InterviewRecord, TurnRecord } from '../db.ts';

export const TRICKY_ANSWER = [
  '# Not a heading',
  'I used *stars*, _underscores_, `code` and a [link](http://evil.test) <script>alert(1)</script>.',
  '1. not a list',
  '- not a bullet | with a pipe',
  '    indented, not code',
  '&amp; stays literal, and so does \\ a backslash',
].join('\n');

export function sampleInterview(id = '01JTESTINTERVIEW0000000001', overrides: Partial<InterviewRecord> = {}): InterviewRecord {
  return {
    id,
    spec: { role: 'Site *Reliability* Engineer', seniority: 'senior', type: 'behavioural', questionCount: 3, language: 'en', minutes: 20 },
    engine: 'basic',
    engineLabel: 'basic scoring',
    engineReason: 'No AI model is set up on this device.',
    status: 'completed',
    questionCount: 3,
    startedAt: '2026-01-31T09:00:00.000Z',
    completedAt: '2026-01-31T09:20:00.000Z',
    endedEarly: false,
    summary: {
      engine: 'basic',
      overall: 64,
      dimensions: [
        { key: 'star', label: 'STAR structure', score: 3.5 },
        { key: 'specificity', label: 'Specificity', score: 2 },
      ],
      strengths: ['Clear results with numbers'],
      improvements: ['Say what *you* did, not the team'],
      answered: 2,
      skipped: 1,
      practicePlan: ['Write three STAR stories'],
    },
    overall: 64,
    progress: null,
    ...overrides,
  };
}

export function sampleTurns(interviewId = '01JTESTINTERVIEW0000000001'): TurnRecord[] {
  const question = (index: number, text: string) => ({
    id: `q${index}`,
    kind: 'behavioural' as const,
    text,
    talkingPoints: [],
    rubricHint: '',
    expectedSeconds: 120,
  });
  return [
    {
      id: `${interviewId}-q0`,
      interviewId,
      index: 0,
      question: question(0, 'Tell me about an outage you handled.'),
      draft: TRICKY_ANSWER,
      status: 'answered',
      answer: TRICKY_ANSWER,
      activeMs: 95_000,
      answeredAt: '2026-01-31T09:05:00.000Z',
      score: {
        engine: 'basic',
        overall: 72,
        dimensions: [
          { key: 'star', label: 'STAR structure', score: 4, reason: 'Situation and result are clear.', evidence: ['I used *stars*'] },
          { key: 'specificity', label: 'Specificity', score: 2, reason: 'Few numbers.', evidence: [] },
        ],
        flags: ['The answer tried to instruct the scorer; that part was ignored.'],
        feedback: 'Name the metric you moved.',
        exampleAnswer: 'In March our API failed.\nI led the incident.',
      },
      followUp: { question: 'What would you do differently?', answer: 'Page earlier.' },
    },
    {
      id: `${interviewId}-q1`,
      interviewId,
      index: 1,
      question: question(1, 'Describe a disagreement with a colleague.'),
      draft: '',
      status: 'answered',
      answer: 'Um, we, we talked it through and agreed on criteria.',
      activeMs: 40_000,
      answeredAt: '2026-01-31T09:10:00.000Z',
      score: {
        engine: 'basic',
        overall: 56,
        dimensions: [{ key: 'star', label: 'STAR structure', score: 3, reason: 'No result.', evidence: ['agreed on criteria'] }],
        flags: [],
      },
      followUp: null,
      vision: [
        { second: 0, frames: 10, framesWithFace: 10, framesWithSeveralFaces: 0, eyeContact: 0.8, yaw: 0, pitch: 0, roll: 0, headMovement: 0.5, smile: 0.6, browRaise: 0, jawTension: 0, blinks: 1 },
        { second: 1, frames: 10, framesWithFace: 10, framesWithSeveralFaces: 0, eyeContact: 0.6, yaw: 0, pitch: 0, roll: 0, headMovement: 0.5, smile: 0.1, browRaise: 0, jawTension: 0, blinks: 0 },
      ],
      voice: {
        words: [
          { text: ' Um,', start: 0.5, end: 0.8 },
          { text: ' we,', start: 1.0, end: 1.2 },
          { text: ' we', start: 1.3, end: 1.5 },
          { text: ' talked', start: 1.6, end: 2.0 },
          { text: ' it', start: 2.0, end: 2.1 },
          { text: ' through', start: 2.1, end: 2.5 },
          { text: ' and', start: 5.0, end: 5.2 },
          { text: ' agreed', start: 5.3, end: 5.7 },
          { text: ' on', start: 5.7, end: 5.8 },
          { text: ' criteria.', start: 5.8, end: 6.4 },
        ],
        transcribed: 'Um, we, we talked it through and agreed on criteria.',
        language: 'en',
        recordingSeconds: 7,
        modelId: 'whisper-tiny.en',
      },
    },
    {
      id: `${interviewId}-q2`,
      interviewId,
      index: 2,
      question: question(2, 'Why this role?'),
      draft: '',
      status: 'skipped',
      answer: '',
      activeMs: 3_000,
      answeredAt: '2026-01-31T09:11:00.000Z',
      score: null,
    },
  ];
}
