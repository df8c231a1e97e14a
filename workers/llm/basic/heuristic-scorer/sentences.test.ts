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
});
