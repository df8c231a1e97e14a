import { describe, expect, it } from 'vitest';
import { HESITATION_GAP_SECONDS } from './filler-context.ts';
import { FILLER_LANGUAGES } from './filler-lexicons.ts';
import { findFillerWords } from './filler-words.ts';
import { cleanTranscriptWords } from './spoken-words.ts';
import { spokenWords, type Timing } from './test-support/words.ts';

/** The fillers in `text` as "label@wordIndex"; "|" in the text is a 1 s silence. */
function found(text: string, language = 'en', timing: Timing = {}): string[] {
  return findFillerWords(spokenWords(text, timing), language).occurrences.map((filler) => `${filler.label}@${filler.wordIndex}`);
}

/** Whisper's tokens as given, one second each: one token may hold two words. */
function cleanWords(tokens: readonly string[]) {
  return cleanTranscriptWords(tokens.map((text, i) => ({ text, start: i, end: i + 1 }))).words;
}

describe('findFillerWords: English "like"', () => {
  it('leaves the verb alone', () => {
    expect(found('I like Go.')).toEqual([]);
    expect(found("I'd like to help.")).toEqual([]);
    expect(found('I’d like to help.')).toEqual([]);
    expect(found("We don't like flaky tests.")).toEqual([]);
  });

  it('leaves a comparison alone', () => {
    expect(found('It looks like rain.')).toEqual([]);
    expect(found('It was something like that.')).toEqual([]);
  });

  it('counts "like" before an amount', () => {
    expect(found('It was like 20 minutes.')).toEqual(['like@2']);
    expect(found('We waited for like an hour.')).toEqual(['like@3']);
  });

  it('counts "like" set off by commas or a hesitation', () => {
    expect(found('It was, like, slow.')).toEqual(['like@2']);
    expect(found('Like, nobody knew.')).toEqual(['like@0']);
    expect(found('It was like | slow.')).toEqual(['like@2']);
    expect(found('It was like slow.')).toEqual([]);
  });
});

describe('findFillerWords: English "so"', () => {
  it('counts "so" opening the answer or a sentence', () => {
    expect(found('So, I built it.')).toEqual(['so@0']);
    expect(found('It broke. So we fixed it.')).toEqual(['so@2']);
  });

  it('leaves "so that", "so far" and the conjunction after a comma alone', () => {
    expect(found('We cached it so that it was fast.')).toEqual([]);
    expect(found('So that was the plan.')).toEqual([]);
    expect(found('So far it works.')).toEqual([]);
    expect(found('It was slow, so we rewrote it.')).toEqual([]);
  });

  it(`counts "so" after a hesitation of ${HESITATION_GAP_SECONDS} s or more, where no full stop was written`, () => {
    expect(HESITATION_GAP_SECONDS).toBe(0.5);
    expect(found('We waited | so we retried.', 'en', { silenceSeconds: 0.5 })).toEqual(['so@2']);
    expect(found('We waited | so we retried.', 'en', { silenceSeconds: 0.25 })).toEqual([]);
  });
});

describe('findFillerWords: English "you know", "I mean", "kind of"', () => {
  it('counts "you know" closing a clause or opening one without an object, as one filler of two words', () => {
    expect(found('You know, it failed.')).toEqual(['you know@0']);
    expect(found('It failed, you know?')).toEqual(['you know@2']);
    const [filler] = findFillerWords(spokenWords('It failed, you know?'), 'en').occurrences;
    expect(filler).toEqual({ label: 'you know', wordIndex: 2, wordCount: 2, startSeconds: 0.5, endSeconds: 1 });
  });

  it('leaves "you know how", "do you know" and "if you know" alone', () => {
    expect(found('You know how it is.')).toEqual([]);
    expect(found('And you know how it is.')).toEqual([]);
    expect(found('Do you know why?')).toEqual([]);
    expect(found('If you know the codebase, it is easy.')).toEqual([]);
  });

  it('does not match "you know" across a full stop', () => {
    expect(found('It was you. Know that.')).toEqual([]);
  });

  it('counts "I mean" before a break, but not "I mean it" or "what I mean"', () => {
    expect(found('I mean, it was fine.')).toEqual(['I mean@0']);
    expect(found('I mean it.')).toEqual([]);
    expect(found('What I mean is simple.')).toEqual([]);
  });

  it('counts "kind of" as a hedge, but not after a determiner', () => {
    expect(found('It was kind of slow.')).toEqual(['kind of@2']);
    expect(found('What kind of tool was it?')).toEqual([]);
    expect(found('A different sort of problem.')).toEqual([]);
    expect(found('Sort of, yes.')).toEqual(['sort of@0']);
  });
});

describe('findFillerWords: counting', () => {
  it('counts hesitation sounds in any spelling and case, each on its own', () => {
    expect(found('Um um I think.')).toEqual(['um@0', 'um@1']);
    expect(found('UMM, uhm, err, erm.')).toEqual(['um@0', 'uh@1', 'er@2', 'erm@3']);
    expect(found('Basically it actually literally worked.')).toEqual(['basically@0', 'actually@2', 'literally@3']);
  });

  it('gives the rate per 100 words and the tally by label', () => {
    const report = findFillerWords(spokenWords('Um, I think, um, it was, uh, fine.'), 'en');
    expect(report.count).toBe(3);
    expect(report.per100Words).toBe(37.5);
    expect(report.byLabel).toEqual([
      { label: 'um', count: 2 },
      { label: 'uh', count: 1 },
    ]);
  });

  it('gives a rate of 0 for no words', () => {
    expect(findFillerWords([], 'en')).toEqual({ listLanguage: 'en', occurrences: [], count: 0, per100Words: 0, byLabel: [] });
  });
});

describe('findFillerWords: languages', () => {
  it('has lists for English, Spanish, German and French', () => {
    expect([...FILLER_LANGUAGES].sort()).toEqual(['de', 'en', 'es', 'fr']);
  });

  it('picks the list by the primary language subtag, in any case', () => {
    expect(findFillerWords(spokenWords('Um.'), 'EN-gb')).toMatchObject({ listLanguage: 'en', count: 1 });
    expect(findFillerWords(spokenWords('Eh.'), 'es_419')).toMatchObject({ listLanguage: 'es', count: 1 });
  });

  it('counts nothing, and says there is no list, for a language without one, never falling back to English', () => {
    expect(findFillerWords(spokenWords('So che funziona, um.'), 'it')).toEqual({ listLanguage: null, occurrences: [], count: 0, per100Words: 0, byLabel: [] });
    expect(findFillerWords(spokenWords('Um.'), '')).toMatchObject({ listLanguage: null, count: 0 });
    expect(findFillerWords(spokenWords('Um.'), 'constructor')).toMatchObject({ listLanguage: null, count: 0 });
  });

  it('Spanish: "este" and "pues" only where they carry no meaning', () => {
    expect(found('Organizaba, este, el trabajo.', 'es')).toEqual(['este@1']);
    expect(found('Organizaba este eh el trabajo.', 'es')).toEqual(['este@1', 'eh@2']);
    expect(found('En este proyecto aprendí.', 'es')).toEqual([]);
    expect(found('Pues, trabajé mucho.', 'es')).toEqual(['pues@0']);
    expect(found('Así pues, lo hicimos.', 'es')).toEqual([]);
  });

  it('Spanish: "bueno", "¿sabes?", "digamos" and "o sea" said as one token or as two', () => {
    expect(found('Bueno, aprendí mucho.', 'es')).toEqual(['bueno@0']);
    expect(found('Es bueno.', 'es')).toEqual([]);
    expect(found('Lo hice todo, ¿sabes?', 'es')).toEqual(['¿sabes?@3']);
    expect(found('¿Sabes qué pasó?', 'es')).toEqual([]);
    expect(found('Digamos que funcionó.', 'es')).toEqual(['digamos@0']);
    expect(found('No digamos mentiras.', 'es')).toEqual([]);
    expect(found('Lo hice, o sea, todo.', 'es')).toEqual(['o sea@2']);
    const oneToken = findFillerWords(cleanWords([' Lo', ' hice,', ' o sea,', ' todo.']), 'es-ES');
    expect(oneToken.occurrences).toEqual([{ label: 'o sea', wordIndex: 2, wordCount: 2, startSeconds: 2, endSeconds: 3 }]);
  });

  it('French: "genre" as a hedge but not in "ce genre de"', () => {
    expect(found("C'était genre impossible.", 'fr')).toEqual(['genre@1']);
    expect(found('Ce genre de problème arrive.', 'fr')).toEqual([]);
    expect(found('C’est un genre à part.', 'fr')).toEqual([]);
    // Before "de" or "d'" it is the noun, even without a determiner.
    expect(found("Il y a genre d'autres soucis.", 'fr')).toEqual([]);
  });

  it('French: "euh", "en fait", "du coup" anywhere, "voilà" closing a clause only', () => {
    expect(found('Euh, en fait, du coup on a fini, voilà.', 'fr')).toEqual(['euh@0', 'en fait@1', 'du coup@3', 'voilà@8']);
    expect(found('Voilà le résultat.', 'fr')).toEqual([]);
  });

  it('German: "also" opening a clause, not mid-sentence', () => {
    expect(found('Also, ich habe das Team geleitet.', 'de')).toEqual(['also@0']);
    expect(found('Es war gut. Also ich habe weitergemacht.', 'de')).toEqual(['also@3']);
    expect(found('Ich habe also das Team geleitet.', 'de')).toEqual([]);
  });

  it('German: "halt" as the particle, hesitation sounds anywhere', () => {
    expect(found('Das ist halt so.', 'de')).toEqual(['halt@2']);
    expect(found('Halt! Das geht nicht.', 'de')).toEqual([]);
    expect(found('Äh, ähm, sozusagen fertig.', 'de')).toEqual(['äh@0', 'ähm@1', 'sozusagen@2']);
  });
});
