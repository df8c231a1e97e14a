import { describe, expect, it } from 'vitest';
import { isVerbatimQuote } from './evidence.ts';

const answer = 'I led the migration to Postgres.  We cut query time by 40%, and I wrote the “runbook” myself.';

describe('verbatim evidence', () => {
  it('accepts exact quotes, ignoring case, whitespace runs, quote styles and surrounding quote marks', () => {
    expect(isVerbatimQuote('led the migration to Postgres', answer)).toBe(true);
    expect(isVerbatimQuote('"We cut query time by 40%"', answer)).toBe(true);
    expect(isVerbatimQuote('postgres. we CUT', answer)).toBe(true);
    expect(isVerbatimQuote('I wrote the "runbook"', answer)).toBe(true);
    expect(isVerbatimQuote("I'm on call", 'Since then I\u2019m\u00a0on call weekly.')).toBe(true);
  });

  it('normalises nothing else: punctuation, accents, digits and word forms must match', () => {
    expect(isVerbatimQuote('led the migration to Postgres!', answer)).toBe(false);
    expect(isVerbatimQuote('We cut query time by forty percent', answer)).toBe(false);
    expect(isVerbatimQuote('cafe', 'We met at the café.')).toBe(false);
    expect(isVerbatimQuote('I leads the migration', answer)).toBe(false);
  });

  it('rejects paraphrases, invented words and quotes too short to prove anything', () => {
    expect(isVerbatimQuote('led the move to Postgres', answer)).toBe(false);
    expect(isVerbatimQuote('cut query time by 50%', answer)).toBe(false);
    expect(isVerbatimQuote('I', answer)).toBe(false);
  });
});
