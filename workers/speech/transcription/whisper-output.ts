// Turns what transformers.js's speech pipeline returns for one window (return_timestamps: 'word':
// { text, chunks: [{ text: ' And', timestamp: [0, 0.78] }, …] }, times from the window's start)
// into the app's words on the answer's timeline. Whisper's output needs three repairs here: a
// missing end time (the last word of a window can come back as [t, null]), times past the window's
// end or running backwards, and non-speech annotations it writes for silence or noise
// ("[BLANK_AUDIO]", "(music)"), which are not words the candidate said.
// Owns: that conversion. Pure.
import type { TranscriptWord } from './merge-transcripts.ts';

export interface WhisperWordChunk {
  text: string;
  timestamp: readonly [number | null, number | null] | readonly number[];
}

export interface WhisperWindowOutput {
  text: string;
  chunks?: readonly WhisperWordChunk[];
}

const ANNOTATION = /^\s*[[(（【].*[\])）】]\s*$/u;

/**
 * Words of one window's output, moved by `offsetSeconds` onto the answer's timeline and kept within
 * [0, durationSeconds] of the window.
 */
export function wordsFromWhisperOutput(output: WhisperWindowOutput, offsetSeconds: number, durationSeconds: number): TranscriptWord[] {
  const clamp = (t: number) => Math.min(durationSeconds, Math.max(0, t));
  const chunks = output.chunks;
  if (!chunks) return evenlySpread(output.text, offsetSeconds, durationSeconds);
  const words: TranscriptWord[] = [];
  let previousEnd = 0;
  for (const [i, chunk] of chunks.entries()) {
    const text = chunk.text.trim();
    if (text === '' || ANNOTATION.test(text)) continue;
    const [rawStart, rawEnd] = chunk.timestamp;
    const start = clamp(typeof rawStart === 'number' ? rawStart : previousEnd);
    // No end: the next word's start, or the window's end for the last word.
    const nextStart = chunks[i + 1]?.timestamp[0];
    const fallbackEnd = typeof nextStart === 'number' ? nextStart : durationSeconds;
    const end = Math.max(start, clamp(typeof rawEnd === 'number' ? rawEnd : fallbackEnd));
    words.push({ text, start: round(start + offsetSeconds), end: round(end + offsetSeconds) });
    previousEnd = end;
  }
  return words;
}

/** Without word times (should not happen with word timestamps on): the words spread over the window, so merging still works. */
function evenlySpread(text: string, offsetSeconds: number, durationSeconds: number): TranscriptWord[] {
  const tokens = text.trim().split(/\s+/).filter((token) => token !== '' && !ANNOTATION.test(token));
  const step = tokens.length > 0 ? durationSeconds / tokens.length : 0;
  return tokens.map((token, i) => ({ text: token, start: round(offsetSeconds + i * step), end: round(offsetSeconds + (i + 1) * step) }));
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
