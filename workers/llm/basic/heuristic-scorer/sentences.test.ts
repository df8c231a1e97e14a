import { describe, expect, it } from 'vitest';
import { quoteAround, splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it('keeps decimals and dotted names inside their sentence, and every sentence verbatim', () => {
    const answer = 'Latency fell from 2.1 seconds to 180 ms. We moved to Node.js!\nThen   we shipped? Yes';
    const sentences = splitSentences(answer);
    expect(sentences.map((s) => s.text)).toEqual(['Latency fell from 2.1 seconds to 180 ms.', 'We moved to Node.js!', 'Then   we shipped?', 'Yes']);
    for (const sentence of sentences) expect(answer.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
  });

  it('loses no words', () => {
    const answer = 'One. Two... three!? four\n\nfive';
    expect(splitSentences(answer).map((s) => s.text).join(' ').split(/\s+/)).toEqual(['One.', 'Two...', 'three!?', 'four', 'five']);
  });

  it('shortens a long sentence to a verbatim clause around the focus', () => {
    const sentence = `${'a'.repeat(150)} the root cause ${'b'.repeat(150)}`;
    const quote = quoteAround(sentence, 'root cause');
    expect(sentence.includes(quote)).toBe(true);
    expect(quote).toContain('root cause');
    expect(quote.length).toBeLessThanOrEqual(180);
  });

  it('does not end a sentence at "e.g." or inside a closing quote', () => {
    const answer = 'We used a cache, e.g. Redis, for hot keys. She said "ship it." Then we did.';
    expect(splitSentences(answer).map((s) => s.text)).toEqual(['We used a cache, e.g. Redis, for hot keys.', 'She said "ship it."', 'Then we did.']);
  });

  it('prefers whole clauses to cut words when shortening', () => {
    const sentence = `${'First we looked at the dashboards for a while, '.repeat(3)}then I found the root cause in the logs, ${'and after that we talked about it for a long time, '.repeat(3)}done.`;
    const quote = quoteAround(sentence, 'root cause');
    expect(sentence).toContain(quote);
    expect(quote).toContain('then I found the root cause in the logs');
    expect(quote.length).toBeLessThanOrEqual(180);
    expect(quote).not.toMatch(/^[,\s]|[,\s]$/);
    expect(sentence.slice(sentence.indexOf(quote) - 2, sentence.indexOf(quote))).toBe(', ');
  });
});
