import { describe, expect, it } from 'vitest';
import type { LlmEngine } from '../api.ts';
import { BasicEngine, createBasicEngine } from './basic-engine.ts';

describe('BasicEngine', () => {
  it('plans, scores and summarises a whole interview from the real bank through the engine interface', async () => {
    const engine: LlmEngine = createBasicEngine();
    expect(engine.kind).toBe('basic');
    expect(engine.label).toBe('basic scoring');
    const spec = { role: 'Software Engineer', seniority: 'mid', type: 'mixed', questionCount: 3, language: 'en', minutes: 20 } as const;
    const questions = await engine.planQuestions(spec);
    expect(questions.map((q) => q.kind)).toEqual(['behavioural', 'technical', 'system-design']);
    const answer = 'At my last job I profiled our API and found the root cause of slow queries. As a result latency fell by 60%.';
    const first = await engine.scoreAnswer({ spec, question: questions[0]!, answer });
    expect(first.dimensions.map((d) => d.key)).toEqual(['coverage', 'structure', 'specificity', 'length', 'fillers']);
    const summary = await engine.summarise({
      spec,
      turns: [
        { question: questions[0]!, answer, skipped: false, score: first },
        { question: questions[1]!, answer: '', skipped: true, score: null },
        { question: questions[2]!, answer: '', skipped: true, score: null },
      ],
    });
    expect(summary.answered).toBe(1);
    expect(summary.skipped).toBe(2);
    expect(summary.overall).toBe(first.overall);
    expect(summary.improvements.join(' ')).toMatch(/skipped 2 questions/);
    expect(summary.dimensions).toHaveLength(5);
  });

  it('refuses work once its signal is aborted', async () => {
    const engine = new BasicEngine({ roles: [], questions: [] });
    const controller = new AbortController();
    controller.abort(new DOMException('Stopped by the user', 'AbortError'));
    await expect(engine.planQuestions({ role: 'x', seniority: 'mid', type: 'behavioural', questionCount: 1, language: 'en', minutes: 5 }, { signal: controller.signal })).rejects.toThrow(
      'Stopped by the user',
    );
  });
});
