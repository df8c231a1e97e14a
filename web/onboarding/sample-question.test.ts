import { describe, expect, it } from 'vitest';
import { loadSampleQuestion, SAMPLE_SECONDS, SampleQuestionError, scoreSampleAnswer } from './sample-question.ts';

const STRONG =
  'Last spring our team had to ship a payments feature in Rust, which I had never used, with a deadline three weeks away. ' +
  'I worked through the official documentation and a short course in the evenings, and asked an expert on another team to review my first pull requests. ' +
  'Within a week I applied it to the real project and built the retry logic myself. The result: we delivered on time with no incidents. ' +
  'I learned that my best approach is to practise on real work early and get feedback fast.';

describe('the sample question', () => {
  it('is a one-minute question from the curated bank', async () => {
    const question = await loadSampleQuestion();
    expect(question.text).toMatch(/learn something new very quickly/);
    expect(question.expectedSeconds).toBe(SAMPLE_SECONDS);
    expect(question.talkingPoints.length).toBeGreaterThanOrEqual(3);
  });

  it('is scored by the basic engine, a full answer above a thin one', async () => {
    const question = await loadSampleQuestion();
    const strong = await scoreSampleAnswer(question, STRONG);
    const thin = await scoreSampleAnswer(question, 'I learned it.');
    expect(strong.engine).toBe('basic');
    expect(strong.overall).toBeGreaterThan(thin.overall + 20);
    expect(strong.dimensions.map((dimension) => dimension.key)).toContain('coverage');
  });

  it('refuses an empty answer with words that say what to do', async () => {
    const question = await loadSampleQuestion();
    await expect(scoreSampleAnswer(question, '   ')).rejects.toThrow(SampleQuestionError);
    await expect(scoreSampleAnswer(question, '')).rejects.toThrow(/say or type one first/);
  });
});
