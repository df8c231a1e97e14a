import { describe, expect, it } from 'vitest';
import { cleanTranscriptWords, normaliseWord } from './spoken-words.ts';
import type { TranscriptWord } from './types.ts';

const w = (text: string, start: number, end: number): TranscriptWord => ({ text, start, end });

describe('cleanTranscriptWords: what counts as a word', () => {
  it('trims, lower-cases and sets punctuation aside at both ends, keeping the word as said in raw', () => {
    const { words, notes } = cleanTranscriptWords([w(' Um,', 0, 0.5), w(' ¿Sabes?', 0.5, 1), w(' "Really"...', 1, 1.5)]);
    expect(words).toEqual([
      { text: 'um', raw: 'Um,', start: 0, end: 0.5, leading: '', trailing: ',', sourceIndex: 0 },
      { text: 'sabes', raw: '¿Sabes?', start: 0.5, end: 1, leading: '¿', trailing: '?', sourceIndex: 1 },
      { text: 'really', raw: '"Really"...', start: 1, end: 1.5, leading: '"', trailing: '"...', sourceIndex: 2 },
    ]);
    expect(notes).toEqual([]);
  });

  it('keeps punctuation inside a word, and digits as words', () => {
    const { words } = cleanTranscriptWords([w(' e-mail,', 0, 1), w(' 1,000.', 1, 2), w(' 20%', 2, 3)]);
    expect(words.map((word) => [word.text, word.trailing])).toEqual([
      ['e-mail', ','],
      ['1,000', '.'],
      ['20', '%'],
    ]);
  });

  it("straightens curly apostrophes, so “don’t” and \"don't\" are the same word", () => {
    const { words } = cleanTranscriptWords([w(' Don’t', 0, 1), w(' don‘t', 1, 2), w(" don't", 2, 3), w(' ‘quoted’', 3, 4)]);
    expect(words.map((word) => word.text)).toEqual(["don't", "don't", "don't", 'quoted']);
    expect(words[0]!.raw).toBe('Don’t');
    expect(words[3]).toMatchObject({ leading: '‘', trailing: '’' });
  });

  it('puts words in NFC, so a composed and a decomposed "é" match', () => {
    const decomposed = ' Cafe\u0301';
    const { words } = cleanTranscriptWords([w(decomposed, 0, 1), w(' café', 1, 2)]);
    expect(words[0]!.text).toBe('caf\u00e9');
    expect(words[0]!.text).toBe(words[1]!.text);
    expect(normaliseWord('ÉTÉ')).toBe('été');
  });

  it('joins a punctuation-only token to the word before it, or to the next word when it comes first', () => {
    const { words, notes } = cleanTranscriptWords([w(' ¿', 0, 0.1), w(' Sabes', 0.1, 0.5), w('?', 0.5, 0.6), w(' I', 1, 1.2), w(' ...', 1.2, 1.3), w(' think', 1.5, 2)]);
    expect(words.map(({ text, leading, trailing, sourceIndex }) => ({ text, leading, trailing, sourceIndex }))).toEqual([
      { text: 'sabes', leading: '¿', trailing: '?', sourceIndex: 1 },
      { text: 'i', leading: '', trailing: '...', sourceIndex: 3 },
      { text: 'think', leading: '', trailing: '', sourceIndex: 5 },
    ]);
    // A punctuation mark gives the word no time.
    expect(words[0]).toMatchObject({ start: 0.1, end: 0.5 });
    expect(notes).toEqual([]);
  });

  it('adds a punctuation-only token to the punctuation the word before already has', () => {
    const { words } = cleanTranscriptWords([w(' Really?', 0, 0.5), w('!', 0.5, 0.6), w(' "', 0.6, 0.7), w(' Yes', 1, 1.5)]);
    expect(words.map(({ text, trailing }) => [text, trailing])).toEqual([
      ['really', '?!"'],
      ['yes', ''],
    ]);
  });

  it('drops tokens that hold nothing but spaces', () => {
    expect(cleanTranscriptWords([w(' ', 0, 1), w('', 1, 2), w(' ok', 2, 3)]).words.map((word) => word.text)).toEqual(['ok']);
  });

  it('splits a token holding several words, sharing its time evenly, and notes how many tokens were split', () => {
    const { words, notes } = cleanTranscriptWords([w(' o sea,', 2, 3), w(' en fait', 3, 4), w(' bien', 4, 4.5)]);
    expect(words.map(({ text, raw, start, end, sourceIndex }) => ({ text, raw, start, end, sourceIndex }))).toEqual([
      { text: 'o', raw: 'o', start: 2, end: 2.5, sourceIndex: 0 },
      { text: 'sea', raw: 'sea,', start: 2.5, end: 3, sourceIndex: 0 },
      { text: 'en', raw: 'en', start: 3, end: 3.5, sourceIndex: 1 },
      { text: 'fait', raw: 'fait', start: 3.5, end: 4, sourceIndex: 1 },
      { text: 'bien', raw: 'bien', start: 4, end: 4.5, sourceIndex: 2 },
    ]);
    expect(notes).toEqual([{ kind: 'split-tokens', count: 2, message: "Split 2 transcript tokens holding more than one word, sharing each token's time evenly." }]);
  });

  it('shares a token only among its words, not its punctuation', () => {
    const { words } = cleanTranscriptWords([w(' so , yes', 0, 1)]);
    expect(words.map(({ text, trailing, start, end }) => ({ text, trailing, start, end }))).toEqual([
      { text: 'so', trailing: ',', start: 0, end: 0.5 },
      { text: 'yes', trailing: '', start: 0.5, end: 1 },
    ]);
  });
});

describe('cleanTranscriptWords: times', () => {
  it('sorts words given out of order by start time, keeps where each came from, and says so', () => {
    const { words, notes } = cleanTranscriptWords([w(' second', 1, 2), w(' first', 0, 1), w(' third', 2, 3)]);
    expect(words.map((word) => [word.text, word.sourceIndex])).toEqual([
      ['first', 1],
      ['second', 0],
      ['third', 2],
    ]);
    expect(notes).toEqual([{ kind: 'sorted', message: 'Some word timestamps were out of order; the words were sorted by start time.' }]);
  });

  it('orders words starting together by end, then as given, without a note when they already are', () => {
    const inOrder = cleanTranscriptWords([w(' a', 1, 1.2), w(' b', 1, 1.5), w(' c', 1, 1.5)]);
    expect(inOrder.words.map((word) => word.text)).toEqual(['a', 'b', 'c']);
    expect(inOrder.notes.map((note) => note.kind)).toEqual(['overlapping']);
    const swapped = cleanTranscriptWords([w(' long', 1, 1.5), w(' short', 1, 1.2)]);
    expect(swapped.words.map((word) => word.text)).toEqual(['short', 'long']);
    expect(swapped.notes.map((note) => note.kind)).toEqual(['sorted', 'overlapping']);
  });

  it('leaves out words without finite times and counts them in a note', () => {
    const { words, notes } = cleanTranscriptWords([w(' kept', 0, 1), w(' nan', Number.NaN, 2), w(' inf', 2, Number.POSITIVE_INFINITY), w(' also', 3, 4)]);
    expect(words.map((word) => [word.text, word.sourceIndex])).toEqual([
      ['kept', 0],
      ['also', 3],
    ]);
    expect(notes).toEqual([{ kind: 'invalid-times', count: 2, message: 'Left out 2 words without usable timestamps.' }]);
    expect(cleanTranscriptWords([w(' x', Number.NaN, 1)]).notes).toEqual([{ kind: 'invalid-times', count: 1, message: 'Left out 1 word without usable timestamps.' }]);
  });

  it('gives a word that ends before it starts no length, and says so', () => {
    const one = cleanTranscriptWords([w(' fine', 0, 1), w(' backwards', 2, 1.5), w(' fine', 3, 4)]);
    expect(one.words[1]).toMatchObject({ text: 'backwards', start: 2, end: 2 });
    expect(one.notes).toEqual([{ kind: 'reversed-times', count: 1, message: '1 word ended before it started; counted as taking no time.' }]);
    const two = cleanTranscriptWords([w(' a', 2, 1), w(' b', 4, 3)]);
    expect(two.words.map((word) => [word.start, word.end])).toEqual([
      [2, 2],
      [4, 4],
    ]);
    expect(two.notes).toEqual([{ kind: 'reversed-times', count: 2, message: '2 words ended before they started; counted as taking no time.' }]);
  });

  it('notes overlapping words, but not words that only touch', () => {
    expect(cleanTranscriptWords([w(' a', 0, 1), w(' b', 1, 2)]).notes).toEqual([]);
    expect(cleanTranscriptWords([w(' a', 0, 1), w(' b', 0.5, 1.5)]).notes).toEqual([
      { kind: 'overlapping', message: 'Some words overlap in time; overlapping speech is counted once in talk time and pauses.' },
    ]);
  });
});
