import { describe, expect, it } from 'vitest';
import { findRepeatedWords } from './repeated-words.ts';
import { spokenWords } from './test-support/words.ts';

/** The repeats in `text` as "word×times@wordIndex". */
function repeats(text: string, language = 'en', fillerWordIndexes?: ReadonlySet<number>): string[] {
  return findRepeatedWords(spokenWords(text), language, fillerWordIndexes).map((repeat) => `${repeat.word}×${repeat.times}@${repeat.wordIndex}`);
}

describe('findRepeatedWords', () => {
  it('finds a word said twice in a row, whatever its case, with where and when', () => {
    // Words are 0.25 s each from 0 s.
    expect(findRepeatedWords(spokenWords('I think The the design was right.'), 'en')).toEqual([{ word: 'the', wordIndex: 2, times: 2, startSeconds: 0.5, endSeconds: 1 }]);
  });

  it('counts three or more in a row as one repeat of that many', () => {
    expect(findRepeatedWords(spokenWords('I I I think so.'), 'en')).toEqual([{ word: 'i', wordIndex: 0, times: 3, startSeconds: 0, endSeconds: 0.75 }]);
    expect(repeats('We we we we tried.')).toEqual(['we×4@0']);
  });

  it('finds each repeat in an answer', () => {
    expect(repeats('The the plan was was good, good?')).toEqual(['the×2@0', 'was×2@3', 'good×2@5']);
  });

  it('leaves numbers alone: they are read out digit by digit', () => {
    expect(repeats('Room 2 2 1 is free.')).toEqual([]);
    expect(repeats('It took 1.5 1.5 hours.')).toEqual([]);
    expect(repeats('The code is 4, 4, 7.')).toEqual([]);
    expect(repeats('My extension is two two one.')).toEqual([]);
    expect(repeats('Mi extensión es dos dos uno.', 'es')).toEqual([]);
    expect(repeats('Die Nummer ist null null sieben.', 'de')).toEqual([]);
    // French "un" is also the article: "un un projet" is a restart.
    expect(repeats('C’était un un projet.', 'fr')).toEqual(['un×2@1']);
  });

  it('leaves a word that ends one sentence and starts the next alone', () => {
    expect(repeats('We wrote it in Go. Go was fast.')).toEqual([]);
    expect(repeats('Why? Why not!')).toEqual([]);
    // A comma does not end a sentence.
    expect(repeats('Go, go faster.')).toEqual(['go×2@0']);
  });

  it('leaves the pairs grammar allows alone, but not three in a row', () => {
    expect(repeats('We had had three outages.')).toEqual([]);
    expect(repeats('I knew that that was wrong.')).toEqual([]);
    expect(repeats('We had had had enough.')).toEqual(['had×3@1']);
    expect(repeats('We had had three outages.', 'en-US')).toEqual([]);
    expect(repeats('Nous nous sommes trompés.', 'fr')).toEqual([]);
    expect(repeats('Vous vous êtes trompés.', 'fr-CA')).toEqual([]);
    expect(repeats('Die die Firma gegründet haben.', 'de')).toEqual([]);
    expect(repeats('Das das stimmt.', 'de-AT')).toEqual([]);
  });

  it("keeps each language's pairs to that language", () => {
    expect(repeats('Nous nous sommes trompés.', 'en')).toEqual(['nous×2@0']);
    expect(repeats('We had had three outages.', 'de')).toEqual(['had×2@1']);
    expect(repeats('El el proyecto salió bien.', 'es')).toEqual(['el×2@0']);
    expect(repeats('Che che dire?', 'it')).toEqual(['che×2@0']);
  });

  it('leaves fillers to the filler metric', () => {
    expect(repeats('Um um I think.')).toEqual(['um×2@0']);
    expect(repeats('Um um I think.', 'en', new Set([0, 1]))).toEqual([]);
    // A word that is a filler on one side only is not repeated either.
    expect(repeats('Like like this.', 'en', new Set([0]))).toEqual([]);
    // The run stops at a filler: "so so so" with the last "so" a filler is "so" twice.
    expect(repeats('so so so', 'en', new Set([2]))).toEqual(['so×2@0']);
  });

  it('finds nothing in no words or one word', () => {
    expect(findRepeatedWords([], 'en')).toEqual([]);
    expect(repeats('Hello.')).toEqual([]);
  });
});
