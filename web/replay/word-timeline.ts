// Which word of a transcript is being said at a moment of its recording, and where each word is in
// which recording. Three clocks meet here: the turn's word timeline (`TurnRecord.voice`, where an
// answer recorded in parts continues the previous part's time), each part's capture clock (that
// timeline less `voiceStartSeconds`), and the recording's own time (the capture clock less
// `captureOffsetSeconds`, since the recorder starts a moment after the capture).
// Owns: those conversions and the "current word" rule. Must not import: anything with side effects
// (pure; Node tests).

export interface TimedWord {
  text: string;
  /** Seconds on the turn's word timeline. */
  start: number;
  end: number;
}

export interface RecordingPlacement {
  /** Where the recording's capture begins on the turn's word timeline. */
  voiceStartSeconds: number;
  /** Where the recording's time 0 is on its capture's clock. */
  captureOffsetSeconds: number;
  durationSeconds: number;
}

export interface ReplayWord {
  /** The word's index in the turn's words. */
  index: number;
  text: string;
  /** Seconds from the start of the recording (may fall outside it). */
  audioStart: number;
  audioEnd: number;
  /** Said within the recording, so clicking it can play it. */
  playable: boolean;
}

/**
 * How long a word stays highlighted after it ends when the next has not started. Word timestamps
 * leave small gaps between words that are not pauses; highlighting nothing there would flicker.
 * A longer silence is a pause, and nothing is highlighted during it.
 */
export const HOLD_SECONDS = 0.25;

/** A moment of the turn's word timeline on the recording's own time. */
export function toAudioTime(voiceSeconds: number, placement: Pick<RecordingPlacement, 'voiceStartSeconds' | 'captureOffsetSeconds'>): number {
  return voiceSeconds - placement.voiceStartSeconds - placement.captureOffsetSeconds;
}

/** A moment of the recording on the turn's word timeline. */
export function toVoiceTime(audioSeconds: number, placement: Pick<RecordingPlacement, 'voiceStartSeconds' | 'captureOffsetSeconds'>): number {
  return audioSeconds + placement.voiceStartSeconds + placement.captureOffsetSeconds;
}

/**
 * For each word, which recording (by position in `recordings`, oldest first) holds it, or -1: the
 * last recording whose capture began at or before the word. A part whose transcription failed starts
 * where the next part does (nothing was added to the timeline for it), so its words, if the
 * timeline has any there, go to the later part, which is the one they were transcribed from.
 */
export function assignWords(words: readonly TimedWord[], recordings: readonly Pick<RecordingPlacement, 'voiceStartSeconds'>[]): number[] {
  return words.map((word) => {
    let holder = -1;
    recordings.forEach((recording, index) => {
      if (recording.voiceStartSeconds <= word.start) holder = index;
    });
    return holder;
  });
}

/** The words of one recording on its own time; `indexes` are the turn's word indexes it holds. */
export function replayWords(words: readonly TimedWord[], placement: RecordingPlacement, indexes: readonly number[] = words.map((_, index) => index)): ReplayWord[] {
  return indexes.map((index) => {
    const word = words[index]!;
    const audioStart = toAudioTime(word.start, placement);
    const audioEnd = toAudioTime(word.end, placement);
    return { index, text: word.text, audioStart, audioEnd, playable: audioEnd > 0 && audioStart < placement.durationSeconds };
  });
}

/**
 * The position (in `words`) of the word being said at `seconds`, or -1. A word is current from its
 * start up to (not including) its end. Where words overlap (merged transcription windows can do
 * that), the one that started last is current: it is the one being said. In a gap, the word that
 * just ended stays current for HOLD_SECONDS; in a longer silence, none is. The order of `words`
 * does not matter.
 */
export function currentWordIndex(words: readonly Pick<ReplayWord, 'audioStart' | 'audioEnd'>[], seconds: number): number {
  if (!Number.isFinite(seconds)) return -1;
  let inside = -1;
  let held = -1;
  words.forEach((word, index) => {
    if (word.audioStart <= seconds && seconds < word.audioEnd) {
      if (inside === -1 || word.audioStart >= words[inside]!.audioStart) inside = index;
    } else if (word.audioEnd <= seconds && seconds < word.audioEnd + HOLD_SECONDS && word.audioStart <= seconds) {
      if (held === -1 || word.audioEnd >= words[held]!.audioEnd) held = index;
    }
  });
  return inside !== -1 ? inside : held;
}

/** Where to play from for a word: its start, inside the recording. */
export function seekTimeOf(word: Pick<ReplayWord, 'audioStart'>, durationSeconds: number): number {
  return Math.min(Math.max(0, word.audioStart), Math.max(0, durationSeconds));
}
