import { describe, expect, it } from 'vitest';
import type { InterviewSpec } from '../../../sync-server/protocol/index.ts';
import type { LlmEngine } from '../api.ts';
import { BasicEngine, createBasicEngine } from './basic-engine.ts';
import { INCIDENT_QUESTION, STRONG } from './heuristic-scorer/test-support/example-answers.ts';
import type { QuestionBankData } from './plan-questions.ts';

const bank: QuestionBankData = {
  roles: [
    { id: 'general', label: 'Any role', aliases: ['general'] },
    { id: 'software-engineer', label: 'Software engineer', aliases: ['software engineer'] },
  ],
  questions: (['behavioural', 'technical', 'system-design'] as const).map((kind) => ({
    id: `se-${kind}`,
    role: 'software-engineer',
    seniorities: ['mid' as const],
    kind,
    text: INCIDENT_QUESTION.text,
    talkingPoints: INCIDENT_QUESTION.talkingPoints,
    rubricHint: INCIDENT_QUESTION.rubricHint,
    expectedSeconds: INCIDENT_QUESTION.expectedSeconds,
  })),
};

const spec: InterviewSpec = { role: 'Software Engineer', seniority: 'mid', type: 'mixed', questionCount: 3, language: 'en', minutes: 20 };

describe('BasicEngine', () => {
  it('plans, scores and summarises through the LlmEngine interface, and names itself "basic scoring"', async () => {
    const engine: LlmEngine = new BasicEngine(bank, { seed: 1 });
    expect(engine.kind).toBe('basic');
    expect(engine.label).toBe('basic scoring');
    const questions = await engine.planQuestions(spec);
    expect(questions.map((q) => q.id)).toEqual(['se-behavioural', 'se-technical', 'se-system-design']);
    const score = await engine.scoreAnswer({ spec, question: questions[0]!, answer: STRONG });
    expect(score.engine).toBe('basic');
    expect(score.overall).toBeGreaterThanOrEqual(85);
    const summary = await engine.summarise({
      spec,
      turns: [
        { question: questions[0]!, answer: STRONG, skipped: false, score },
        { question: questions[1]!, answer: '', skipped: true, score: null },
      ],
    });
    expect(summary).toMatchObject({ engine: 'basic', answered: 1, skipped: 1, overall: score.overall });
  });

  it('refuses every call once its signal is aborted, with the signal’s reason', async () => {
    const engine = new BasicEngine(bank);
    const controller = new AbortController();
    controller.abort(new DOMException('Stopped by the user', 'AbortError'));
    const options = { signal: controller.signal };
    await expect(engine.planQuestions(spec, options)).rejects.toThrow('Stopped by the user');
    await expect(engine.scoreAnswer({ spec, question: INCIDENT_QUESTION, answer: STRONG }, options)).rejects.toThrow('Stopped by the user');
    await expect(engine.summarise({ spec, turns: [] }, options)).rejects.toThrow('Stopped by the user');
  });

  it('rejects with an AbortError when the signal was aborted without a reason', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(new BasicEngine(bank).planQuestions(spec, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('works over the real question bank', async () => {
    const engine = createBasicEngine({ seed: 9 });
    const questions = await engine.planQuestions({ ...spec, questionCount: 4 });
    expect(questions.map((q) => q.kind)).toEqual(['behavioural', 'technical', 'system-design', 'behavioural']);
    expect(questions.every((q) => q.id.startsWith('software-engineer-'))).toBe(true);
  });
});
