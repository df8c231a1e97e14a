// Stitches Whisper's words back into one transcript, two ways:
// - the final transcript of an answer, from the overlapping windows of audio-chunks.ts: where two
//   windows heard the same stretch, each word is taken from the window in which it lies further from
//   an edge (a word near a window's edge was cut or lacks context), which is a cut at the middle of
//   the overlap; a word straddling that cut is repaired so it is neither doubled nor lost;
// - the live view while the candidate speaks, from successive partial transcriptions of the last
//   window: a stable prefix that never changes on screen, and a tail that still may. A word becomes
//   stable when two partials in a row agree on it (Whisper revises its last words as it hears more),
//   or when the window has moved on past it.
// Owns: the word type the UI stores ({ text, start, end }, seconds from the answer's start) and both
// merges. Pure: words in, words out.

export interface TranscriptWord {
  /** The word as Whisper wrote it, trimmed (punctuation attached: "country."). */
  text: string;
  /** Seconds from the start of the answer. */
  start: number;
  end: number;
}

/** One window's words, with timestamps already moved to the answer's timeline. */
export interface WindowTranscript {
  startSeconds: number;
  endSeconds: number;
  /** Whether the window's edges are the audio's own (no word was cut there). */
  atAudioStart: boolean;
  atAudioEnd: boolean;
  words: readonly TranscriptWord[];
}

/** Two copies of one word: same text once case and punctuation are ignored, at about the same time. */
const SAME_WORD_SECONDS = 0.5;

const mid = (word: TranscriptWord) => (word.start + word.end) / 2;

/** A word as compared across hypotheses: Whisper changes case and punctuation between runs ("so" / "So,"). */
export function normalizeWord(text: string): string {
  const folded = text.normalize('NFKC').toLocaleLowerCase();
  const bare = folded.replace(/[\p{P}\p{S}]/gu, '').trim();
  return bare === '' ? folded.trim() : bare;
}

function sameWord(a: TranscriptWord, b: TranscriptWord): boolean {
  if (normalizeWord(a.text) !== normalizeWord(b.text)) return false;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap >= 0 || Math.abs(mid(a) - mid(b)) <= SAME_WORD_SECONDS;
}

// Languages written without spaces between words; Whisper's word chunks there are characters or
// short runs.
const UNSPACED_LANGUAGES = new Set(['zh', 'ja', 'th', 'lo', 'my', 'km', 'yue']);

/** The transcript as text: words joined by spaces, or without for Chinese, Japanese, Thai and the like. */
export function transcriptText(words: readonly TranscriptWord[], languageTag = 'en'): string {
  const primary = languageTag.toLowerCase().split(/[-_]/)[0] ?? '';
  return words.map((word) => word.text).join(UNSPACED_LANGUAGES.has(primary) ? '' : ' ');
}

interface Sourced {
  word: TranscriptWord;
  window: WindowTranscript;
}

/** How far a word lies from the nearer edge of its window that cut the audio (edges on the audio's own ends do not count). */
function edgeDistance({ word, window }: Sourced): number {
  const m = mid(word);
  const fromStart = window.atAudioStart ? Infinity : m - window.startSeconds;
  const fromEnd = window.atAudioEnd ? Infinity : window.endSeconds - m;
  return Math.min(fromStart, fromEnd);
}

/** The final transcript from overlapping windows' words (in any order), earliest word first. */
export function mergeWindowTranscripts(windows: readonly WindowTranscript[]): TranscriptWord[] {
  const ordered = [...windows].sort((a, b) => a.startSeconds - b.startSeconds || a.endSeconds - b.endSeconds);
  let merged: Sourced[] = [];
  let previous: WindowTranscript | null = null;
  for (const window of ordered) {
    const incoming = [...window.words].sort((a, b) => a.start - b.start).map((word) => ({ word, window }));
    if (!previous) {
      merged = incoming;
      previous = window;
      continue;
    }
    // In the overlap a word is further from the previous window's end than from this one's start
    // exactly when it lies before the overlap's middle.
    const cut = (window.startSeconds + previous.endSeconds) / 2;
    const kept = merged.filter((sourced) => mid(sourced.word) < cut);
    const dropped = merged.filter((sourced) => mid(sourced.word) >= cut);
    const keptIncoming = incoming.filter((sourced) => mid(sourced.word) >= cut);
    const droppedIncoming = incoming.filter((sourced) => mid(sourced.word) < cut);

    // A word straddling the cut, heard by both windows with slightly different times, can land on
    // both sides of it (doubled) or on neither (lost).
    const lastKept = kept.at(-1);
    const firstIncoming = keptIncoming[0];
    if (lastKept && firstIncoming && sameWord(lastKept.word, firstIncoming.word)) {
      if (edgeDistance(lastKept) >= edgeDistance(firstIncoming)) keptIncoming.shift();
      else kept.pop();
    }
    const firstDropped = dropped[0];
    const lastDroppedIncoming = droppedIncoming.at(-1);
    const restored: Sourced[] = [];
    if (firstDropped && lastDroppedIncoming && sameWord(firstDropped.word, lastDroppedIncoming.word)) {
      restored.push(edgeDistance(firstDropped) >= edgeDistance(lastDroppedIncoming) ? firstDropped : lastDroppedIncoming);
    }
    merged = [...kept, ...restored, ...keptIncoming];
    previous = window;
  }
  return merged.map(({ word }) => ({ ...word }));
}

export interface PartialTranscript {
  /** Words that will not change any more while the candidate speaks. */
  stable: TranscriptWord[];
  /** The latest partial's words after the stable ones: they may still change. */
  tail: TranscriptWord[];
}

export interface PartialMergeOptions {
  /**
   * Words within this many seconds of a window's start (when that start is not the answer's) are
   * near the cut and least reliable: the new partial's copies there are not used.
   */
  edgeSeconds?: number;
}

/**
 * Folds successive partial transcriptions (each of the audio's last window, words on the answer's
 * timeline) into a stable prefix and a changing tail. The final transcript of the answer does not
 * come from here: it is a full pass over all the audio, merged by mergeWindowTranscripts.
 */
export class PartialTranscriptMerger {
  private readonly edgeSeconds: number;
  private committed: TranscriptWord[] = [];
  private pending: TranscriptWord[] = [];

  constructor(options: PartialMergeOptions = {}) {
    this.edgeSeconds = options.edgeSeconds ?? 1;
  }

  /** A new partial: `words` (answer timeline) read from the window starting at `windowStartSeconds`. */
  update(words: readonly TranscriptWord[], windowStartSeconds: number): PartialTranscript {
    const edge = windowStartSeconds > 0 ? windowStartSeconds + this.edgeSeconds : -Infinity;
    // Tail words the window has moved past will not be heard again: the last reading stands.
    while (this.pending.length > 0 && mid(this.pending[0]!) < edge) this.committed.push(this.pending.shift()!);

    const committedEnd = this.committed.at(-1)?.end ?? -Infinity;
    const fresh = [...words].sort((a, b) => a.start - b.start).filter((word) => mid(word) > committedEnd && mid(word) >= edge);
    // A stable word read again with its time drifted a little past the stable end.
    const recent = this.committed.slice(-3);
    while (fresh.length > 0 && recent.some((word) => sameWord(word, fresh[0]!))) fresh.shift();

    let agreed = 0;
    while (agreed < this.pending.length && agreed < fresh.length && normalizeWord(this.pending[agreed]!.text) === normalizeWord(fresh[agreed]!.text)) agreed++;
    // The newer reading's text and times: it heard more of what follows.
    this.committed.push(...fresh.slice(0, agreed));
    this.pending = fresh.slice(agreed);
    return this.current();
  }

  /** The answer ended: whatever is showing becomes stable. */
  finish(): PartialTranscript {
    this.committed.push(...this.pending);
    this.pending = [];
    return this.current();
  }

  current(): PartialTranscript {
    return { stable: this.committed.map((word) => ({ ...word })), tail: this.pending.map((word) => ({ ...word })) };
  }

  reset(): void {
    this.committed = [];
    this.pending = [];
  }
}
