// Written fixtures in the shape Whisper's word timestamps take (words with punctuation attached,
// times to 0.01 s, copies of one word differing by a few hundredths between windows, garbled
// fragments at a window's cut edge).
import { describe, expect, it } from 'vitest';
import { mergeWindowTranscripts, normalizeWord, PartialTranscriptMerger, transcriptText, type TranscriptWord, type WindowTranscript } from './merge-transcripts.ts';

function words(spec: string): TranscriptWord[] {
  // "word@start-end word@start-end …"
  return spec
    .trim()
    .split(/\s+/)
    .map((item) => {
      const match = /^(.+)@([\d.]+)-([\d.]+)$/.exec(item);
      if (!match) throw new Error(`bad fixture word ${item}`);
      return { text: match[1]!, start: Number(match[2]), end: Number(match[3]) };
    });
}

function windowOf(start: number, end: number, spec: string, edges: { atAudioStart?: boolean; atAudioEnd?: boolean } = {}): WindowTranscript {
  return { startSeconds: start, endSeconds: end, atAudioStart: edges.atAudioStart ?? start === 0, atAudioEnd: edges.atAudioEnd ?? false, words: spec ? words(spec) : [] };
}

const texts = (list: readonly TranscriptWord[]) => list.map((word) => word.text).join(' ');

describe('mergeWindowTranscripts', () => {
  it('passes one window through', () => {
    const only = windowOf(0, 12, 'I@0.5-0.7 led@0.8-1.1 the@1.1-1.2 migration.@1.2-1.9', { atAudioEnd: true });
    expect(mergeWindowTranscripts([only])).toEqual(only.words);
    expect(mergeWindowTranscripts([])).toEqual([]);
  });

  it('takes each word in the overlap from the window where it is further from the cut edge', () => {
    // Overlap 25–30 s, middle 27.5 s. The first window's last word is cut off at 30 s ("cust");
    // the second window's first word is the tail of one it only half heard ("ing").
    const first = windowOf(0, 30, 'We@24.1-24.3 moved@24.3-24.7 the@24.7-24.8 billing@24.8-25.3 service@25.4-25.9 and@26.0-26.2 then@26.3-26.6 we@27.0-27.3 shipped@27.6-28.0 it@28.0-28.2 to@28.3-28.4 cust@29.7-30.0');
    const second = windowOf(25, 55, 'ing@25.0-25.2 service@25.4-25.9 and@26.0-26.2 then@26.3-26.6 we@27.0-27.3 shipped@27.62-28.0 it@28.0-28.2 to@28.3-28.4 customers@28.5-29.2 early.@29.2-29.8 Then@31.0-31.2', { atAudioEnd: true });
    const merged = mergeWindowTranscripts([first, second]);
    expect(texts(merged)).toBe('We moved the billing service and then we shipped it to customers early. Then');
    // "shipped" (middle 27.81) is past the cut: the second window's copy, with its times.
    expect(merged.find((word) => word.text === 'shipped')).toEqual({ text: 'shipped', start: 27.62, end: 28 });
  });

  it('keeps one copy of a word that both windows place across the cut', () => {
    // First window: middle 27.45 (before the cut); second: 27.55 (after). Same word, twice.
    const first = windowOf(0, 30, 'we@27.0-27.2 shipped@27.2-27.7');
    const second = windowOf(25, 55, 'we@27.0-27.2 shipped@27.3-27.8 it@27.9-28.1', { atAudioEnd: true });
    expect(texts(mergeWindowTranscripts([first, second]))).toBe('we shipped it');
  });

  it('restores a word that both windows place on the wrong side of the cut', () => {
    // First window: middle 27.55 (after the cut, so dropped); second: 27.45 (before, dropped too).
    const first = windowOf(0, 30, 'we@27.0-27.2 shipped@27.3-27.8 it@27.9-28.1');
    const second = windowOf(25, 55, 'we@27.0-27.2 shipped@27.2-27.7 it@27.9-28.1', { atAudioEnd: true });
    const merged = mergeWindowTranscripts([first, second]);
    expect(texts(merged)).toBe('we shipped it');
    // Both copies lie 2.45 s from their cut edge; the tie goes to the earlier window.
    expect(merged[1]).toEqual({ text: 'shipped', start: 27.3, end: 27.8 });
  });

  it('does not double a word read differently by the two windows', () => {
    const first = windowOf(0, 30, 'over@27.0-27.2 their@27.25-27.45 heads@27.9-28.3');
    const second = windowOf(25, 55, 'over@27.0-27.2 there@27.3-27.6 heads@27.9-28.3', { atAudioEnd: true });
    expect(texts(mergeWindowTranscripts([first, second]))).toBe('over their heads');
  });

  it('stitches three windows, the last filled back to a full window, given in any order', () => {
    const a = windowOf(0, 30, 'one@1.0-1.3 two@26.0-26.3 three@29.5-29.9');
    const b = windowOf(25, 55, 'two@26.0-26.3 three@29.5-29.9 four@40.0-40.4 five@53.0-53.3');
    // Filled back: starts at 32 s, so it overlaps the second window by 23 s (middle 43.5 s).
    const c = windowOf(32, 62, 'ur@32.0-32.2 four@40.0-40.4 five@53.0-53.3 six@61.0-61.5', { atAudioEnd: true });
    expect(texts(mergeWindowTranscripts([c, a, b]))).toBe('one two three four five six');
  });

  it('copes with silent windows and with windows that do not overlap', () => {
    const silent = windowOf(25, 55, '');
    expect(texts(mergeWindowTranscripts([windowOf(0, 30, 'hello@1.0-1.4'), silent, windowOf(50, 80, 'again@70.0-70.4', { atAudioEnd: true })]))).toBe('hello again');
    expect(texts(mergeWindowTranscripts([windowOf(0, 10, 'a@1-2'), windowOf(20, 30, 'b@21-22', { atAudioEnd: true })]))).toBe('a b');
  });

  it('does not change the words it was given', () => {
    const first = windowOf(0, 30, 'we@27.0-27.2 shipped@27.2-27.7');
    const snapshot = structuredClone(first);
    mergeWindowTranscripts([first, windowOf(25, 55, 'shipped@27.3-27.8', { atAudioEnd: true })]);
    expect(first).toEqual(snapshot);
  });
});

describe('PartialTranscriptMerger', () => {
  it('makes words stable once two partials in a row agree on them; the rest stays in the tail', () => {
    const merger = new PartialTranscriptMerger();
    let view = merger.update(words('I@0.2-0.4 think@0.4-0.8 that@0.9-1.1'), 0);
    expect(view.stable).toEqual([]);
    expect(texts(view.tail)).toBe('I think that');

    view = merger.update(words('I@0.2-0.4 think@0.4-0.8 that@0.9-1.1 the@1.2-1.3 team@1.3-1.7'), 0);
    expect(texts(view.stable)).toBe('I think that');
    expect(texts(view.tail)).toBe('the team');
  });

  it('keeps a revised word in the tail until a partial confirms the new reading', () => {
    const merger = new PartialTranscriptMerger();
    merger.update(words('We@0.1-0.3 scaled@0.3-0.8 the@0.8-0.9 cash@0.9-1.3'), 0);
    let view = merger.update(words('We@0.1-0.3 scaled@0.3-0.8 the@0.8-0.9 cache@0.9-1.3 layer@1.3-1.8'), 0);
    expect(texts(view.stable)).toBe('We scaled the');
    expect(texts(view.tail)).toBe('cache layer');
    view = merger.update(words('We@0.1-0.3 scaled@0.3-0.8 the@0.8-0.9 cache@0.9-1.3 layer,@1.3-1.8 so@2.0-2.2'), 0);
    expect(texts(view.stable)).toBe('We scaled the cache layer,');
    expect(texts(view.tail)).toBe('so');
  });

  it('agrees across case and punctuation changes, keeping the newer reading', () => {
    const merger = new PartialTranscriptMerger();
    merger.update(words('so@0.1-0.3 yes@0.4-0.6'), 0);
    const view = merger.update(words('So,@0.1-0.3 yes.@0.4-0.6 And@1.0-1.2'), 0);
    expect(texts(view.stable)).toBe('So, yes.');
  });

  it('never changes or shrinks the stable words', () => {
    const partials = [
      'Um@0.0-0.2 my@0.3-0.5',
      'I@0.0-0.2 my@0.3-0.5 last@0.5-0.8 role@0.8-1.1',
      'I@0.0-0.2 my@0.3-0.5 last@0.5-0.8 role@0.8-1.1 was@1.2-1.4',
      'I@0.0-0.2 my@0.3-0.5 last@0.5-0.8 roll@0.8-1.1 was@1.2-1.4 at@1.5-1.6',
      'I@0.0-0.2 my@0.3-0.5 last@0.5-0.8 role@0.8-1.1 was@1.2-1.4 at@1.5-1.6 a@1.7-1.8 bank.@1.8-2.3',
    ];
    const merger = new PartialTranscriptMerger();
    let stable: TranscriptWord[] = [];
    for (const partial of partials) {
      const view = merger.update(words(partial), 0);
      expect(view.stable.slice(0, stable.length)).toEqual(stable);
      stable = view.stable;
    }
    // "role" became stable before the fourth partial misheard it as "roll", so it stays "role".
    expect(texts(stable)).toBe('I my last role was at');
    expect(texts(merger.finish().stable)).toBe('I my last role was at a bank.');
  });

  it('commits tail words the moving window has left behind, and ignores the new window’s edge', () => {
    const merger = new PartialTranscriptMerger();
    // Window 0–30 s: the last words are only in the tail.
    merger.update(words('then@28.0-28.3 we@28.4-28.6 hired@28.7-29.1'), 0);
    // Window 2–32 s agrees on those three and adds "two".
    let view = merger.update(words('then@28.0-28.3 we@28.4-28.6 hired@28.7-29.0 two@29.2-29.5'), 2);
    expect(texts(view.stable)).toBe('then we hired');
    expect(texts(view.tail)).toBe('two');
    // Window 29–59 s: "two" (middle 29.35) lies in the new window's unreliable first second, so it
    // is committed as last read, and the new window's garbled "o" there is ignored.
    view = merger.update(words('o@29.3-29.5 engineers@29.9-30.5 in@30.6-30.7'), 29);
    expect(texts(view.stable)).toBe('then we hired two');
    expect(texts(view.tail)).toBe('engineers in');
  });

  it('does not repeat a stable word read again slightly later', () => {
    const merger = new PartialTranscriptMerger();
    merger.update(words('hello@0.0-0.4 there@0.5-0.8'), 0);
    merger.update(words('hello@0.0-0.4 there@0.5-0.8 friend@0.9-1.2'), 0);
    // "there" drifted 0.4 s later than the stable copy's end.
    const view = merger.update(words('hello@0.0-0.4 there@0.7-1.1 friend@1.2-1.5 indeed@1.6-2.0'), 0);
    expect(texts([...view.stable, ...view.tail])).toBe('hello there friend indeed');
  });

  it('starts over with reset', () => {
    const merger = new PartialTranscriptMerger();
    merger.update(words('a@0-1'), 0);
    merger.finish();
    merger.reset();
    expect(merger.current()).toEqual({ stable: [], tail: [] });
  });
});

describe('words as text', () => {
  it('joins with spaces, or without for languages written without them', () => {
    expect(transcriptText(words('I@0-1 agree.@1-2'))).toBe('I agree.');
    expect(transcriptText(words('我@0-1 同意@1-2'), 'zh')).toBe('我同意');
    expect(transcriptText(words('はい@0-1 そうです@1-2'), 'ja-JP')).toBe('はいそうです');
  });

  it('compares words without case or punctuation', () => {
    expect(normalizeWord(' So, ')).toBe('so');
    expect(normalizeWord('—')).toBe('—');
    expect(normalizeWord('Ｒｅａｃｔ')).toBe('react');
  });
});
