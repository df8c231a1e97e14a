// The model's side is played by scripted backends: no language model can run where these tests run.
import { describe, expect, it } from 'vitest';
import { answerScore, interviewSummary, type InterviewSpec } from '../../sync-server/protocol/index.ts';
import type { LlmEngine } from './api.ts';
import { createBasicEngine } from './basic/index.ts';
import { ChatBackendError } from './chat-backend.ts';
import { createChatEngine, fallbackNotice, ResumeAnalysisUnavailableError } from './chat-engine.ts';
import { RUBRIC } from './tasks/answer-scoring.ts';
import { scriptedBackend } from './tasks/test-support/scripted-backend.ts';

const spec: InterviewSpec = { role: 'Software Engineer', seniority: 'mid', type: 'behavioural', questionCount: 2, language: 'en', minutes: 10 };
const basic = createBasicEngine({ seed: 7 });
const ANSWER = 'I shipped the fix the same day and wrote a postmortem.';
const GOOD_SCORE = JSON.stringify({ dimensions: Object.fromEntries(RUBRIC.map((d) => [d.key, { score: 4, reason: 'ok', evidence: ['shipped the fix'] }])), feedback: 'f', exampleAnswer: 'e' });
const NOTICE = /^The on-device AI answer could not be used \(.+\), so basic scoring stood in\.$/;

async function firstQuestion() {
  return (await basic.planQuestions(spec))[0]!;
}

describe('chat engine', () => {
  it('runs every task on the model when its answers are good', async () => {
    const backend = scriptedBackend((request) => {
      switch (request.jsonSchema.name) {
        case 'question_plan':
          return JSON.stringify({ questions: [1, 2].map((n) => ({ kind: 'behavioural', text: `Model question ${n}?`, talkingPoints: [{ point: 'What you did', cues: ['I did'] }], rubricHint: 'h', expectedSeconds: 90 })) });
        case 'answer_scoring':
          return GOOD_SCORE;
        case 'follow_up':
          return '{"needed": true, "question": "What did the postmortem change?", "reason": "No outcome."}';
        case 'interview_summary':
          return '{"strengths": ["s"], "improvements": ["i"], "practicePlan": ["p"]}';
        default:
          return '{"summary": "An engineer.", "skills": ["Go"], "experience": [], "gaps": []}';
      }
    });
    const engine = createChatEngine({ backend, kind: 'cloud', label: 'cloud AI', fallback: basic });
    expect(engine).toMatchObject({ kind: 'cloud', label: 'cloud AI' });
    const fallbacks: string[] = [];
    const call = { onFallback: (notice: string) => fallbacks.push(notice) };

    const questions = await engine.planQuestions(spec, { ...call, candidate: { jobDescription: 'Go services.' } });
    expect(questions.map((q) => q.text)).toEqual(['Model question 1?', 'Model question 2?']);
    expect(backend.requests[0]!.messages[1]!.content).toContain('<<<BEGIN JOB DESCRIPTION>>>\nGo services.\n<<<END JOB DESCRIPTION>>>');
    const score = await engine.scoreAnswer({ spec, question: questions[0]!, answer: ANSWER }, call);
    expect(score).toMatchObject({ engine: 'cloud', flags: [] });
    await expect(engine.followUp({ spec, question: questions[0]!, answer: ANSWER, alreadyAsked: false }, call)).resolves.toMatchObject({ question: 'What did the postmortem change?' });
    const summary = await engine.summarise({ spec, turns: [{ question: questions[0]!, answer: ANSWER, skipped: false, score }] }, call);
    expect(summary).toMatchObject({ engine: 'cloud', practicePlan: ['p'] });
    await expect(engine.analyseResume({ resumeText: 'Ada, Go developer', language: 'en' }, call)).resolves.toMatchObject({ skills: ['Go'] });
    expect(fallbacks).toEqual([]);
  });

  it('passes streamed text through to the caller', async () => {
    const seen: string[] = [];
    const engine = createChatEngine({ backend: scriptedBackend(() => GOOD_SCORE), kind: 'local', label: 'on-device AI', fallback: basic });
    await engine.scoreAnswer({ spec, question: await firstQuestion(), answer: ANSWER }, { onText: (text) => seen.push(text) });
    expect(seen).toEqual([GOOD_SCORE]);
  });

  it('falls back to basic visibly when the model keeps answering nonsense', async () => {
    const backend = scriptedBackend(() => 'the weather is nice');
    const engine = createChatEngine({ backend, kind: 'local', label: 'on-device AI', fallback: basic });
    const fallbacks: string[] = [];
    const score = await engine.scoreAnswer({ spec, question: await firstQuestion(), answer: ANSWER }, { onFallback: (notice) => fallbacks.push(notice) });
    expect(score.engine).toBe('basic');
    expect(score.flags.at(-1)).toMatch(NOTICE);
    expect(score.flags.at(-1)).toContain('its answer was still not in the expected form after 3 tries');
    expect(answerScore.safeParse(score).success).toBe(true);
    expect(fallbacks).toEqual([score.flags.at(-1)]);
    expect(backend.requests).toHaveLength(3);
  });

  it('falls back visibly for every task when the backend is unavailable', async () => {
    const backend = scriptedBackend(() => new ChatBackendError('The GPU stopped responding (device lost).', 'device-lost', false));
    const engine = createChatEngine({ backend, kind: 'local', label: 'on-device AI', fallback: basic });
    const fallbacks: string[] = [];
    const call = { onFallback: (notice: string) => fallbacks.push(notice) };

    const questions = await engine.planQuestions(spec, call);
    expect(questions).toHaveLength(2);
    expect(questions.some((q) => q.id.startsWith('ai-'))).toBe(false);
    const score = await engine.scoreAnswer({ spec, question: questions[0]!, answer: 'Yes.' }, call);
    expect(score.engine).toBe('basic');
    expect(score.flags.at(-1)).toBe('The on-device AI answer could not be used (The GPU stopped responding (device lost)), so basic scoring stood in.');
    const followUp = await engine.followUp({ spec, question: questions[0]!, answer: 'Yes.', alreadyAsked: false }, call);
    expect(followUp?.question).toBeTruthy();
    expect(followUp?.reason).toMatch(/The on-device AI answer could not be used/);
    const summary = await engine.summarise({ spec, turns: [{ question: questions[0]!, answer: 'Yes.', skipped: false, score }] }, call);
    expect(summary.engine).toBe('basic');
    expect(interviewSummary.safeParse(summary).success).toBe(true);
    expect(fallbacks).toHaveLength(4);
    for (const notice of fallbacks) expect(notice).toMatch(NOTICE);
    // Only one call per task: a device that is lost is not asked again.
    expect(backend.requests).toHaveLength(4);
  });

  it('falls back along a chain, each link saying so', async () => {
    const down = (message: string) => scriptedBackend(() => new ChatBackendError(message, 'unavailable', false));
    const cloud = createChatEngine({ backend: down('The provider is down.'), kind: 'cloud', label: 'cloud AI', fallback: basic });
    const local = createChatEngine({ backend: down('No GPU.'), kind: 'local', label: 'on-device AI', fallback: cloud });
    const score = await local.scoreAnswer({ spec, question: await firstQuestion(), answer: ANSWER });
    expect(score.engine).toBe('basic');
    expect(score.flags.slice(-2)).toEqual([
      'The cloud AI answer could not be used (The provider is down), so basic scoring stood in.',
      'The on-device AI answer could not be used (No GPU), so cloud AI stood in.',
    ]);
  });

  it('does not fall back when the candidate aborts', async () => {
    const controller = new AbortController();
    const backend = scriptedBackend(() => {
      controller.abort();
      return new ChatBackendError('Stopped.', 'aborted', false);
    });
    const engine = createChatEngine({ backend, kind: 'cloud', label: 'cloud AI', fallback: basic });
    await expect(engine.planQuestions(spec, { signal: controller.signal })).rejects.toThrow('Stopped.');
    // Once aborted, later calls refuse too, rather than asking the stand-in.
    await expect(engine.scoreAnswer({ spec, question: await firstQuestion(), answer: ANSWER }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(backend.requests).toHaveLength(1);
  });

  it('does not hide a bug behind a fallback', async () => {
    const backend = scriptedBackend(() => new TypeError('undefined is not a function'));
    const engine = createChatEngine({ backend, kind: 'cloud', label: 'cloud AI', fallback: basic });
    await expect(engine.scoreAnswer({ spec, question: await firstQuestion(), answer: ANSWER })).rejects.toThrow(TypeError);
  });

  it('says why a résumé cannot be analysed when the model fails and no fallback can read one', async () => {
    const backend = scriptedBackend(() => new ChatBackendError('Over the limit.', 'rate-limited', false));
    const engine = createChatEngine({ backend, kind: 'cloud', label: 'cloud AI', fallback: basic });
    const error = await engine.analyseResume({ resumeText: 'Ada', language: 'en' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResumeAnalysisUnavailableError);
    expect((error as Error).message).toMatch(/^The cloud AI could not read the résumé \(Over the limit\)\. You can still start the interview/);
  });

  it('asks a fallback that can read a résumé, and says so', async () => {
    const cloud: LlmEngine = { ...basic, kind: 'cloud', label: 'cloud AI', planQuestions: basic.planQuestions.bind(basic), scoreAnswer: basic.scoreAnswer.bind(basic), summarise: basic.summarise.bind(basic), followUp: basic.followUp.bind(basic), analyseResume: async () => ({ summary: 'from the cloud', skills: [], experience: [], gaps: [] }) };
    const local = createChatEngine({ backend: scriptedBackend(() => 'nonsense'), kind: 'local', label: 'on-device AI', fallback: cloud });
    const fallbacks: string[] = [];
    await expect(local.analyseResume({ resumeText: 'Ada', language: 'en' }, { onFallback: (notice) => fallbacks.push(notice) })).resolves.toMatchObject({ summary: 'from the cloud' });
    expect(fallbacks).toEqual(['The on-device AI answer could not be used (its answer was still not in the expected form after 3 tries), so cloud AI stood in.']);
  });
});

describe('fallbackNotice', () => {
  it('fits a score flag, cutting only the reason', () => {
    const notice = fallbackNotice('on-device AI', 'basic scoring', 'x'.repeat(500));
    expect(notice.length).toBeLessThanOrEqual(200);
    expect(notice).toMatch(/^The on-device AI answer could not be used \(x+…\), so basic scoring stood in\.$/);
  });
});
