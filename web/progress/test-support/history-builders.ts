// Interviews and turns as the data layer stores them, for the progress modules' unit tests: only
// what a test is about is written out, the rest is a plausible default.
// Owns: building HistoryEntry values for tests. Must not import: Dexie, Solid, the DOM.
import type { AnswerScore, InterviewSpec, InterviewSummary } from '../../../sync-server/protocol/index.ts';
import type { InterviewRecord, SpokenAnswerRecord, TurnRecord } from '../../data/db.ts';
import type { HistoryEntry } from '../history-entry.ts';

const SPEC: InterviewSpec = { role: 'Software Engineer', seniority: 'mid', type: 'behavioural', questionCount: 2, language: 'en', minutes: 15 };

/** Scores as { key: score }; labels are the key capitalised. */
export function score(dimensions: Record<string, number>, overall = 50): AnswerScore {
  return {
    engine: 'basic',
    overall,
    dimensions: Object.entries(dimensions).map(([key, value]) => ({ key, label: key[0]!.toUpperCase() + key.slice(1), score: value, reason: '', evidence: [] })),
    flags: [],
  };
}

export interface TurnInput {
  status?: TurnRecord['status'];
  score?: Record<string, number> | null;
  answer?: string;
  question?: string;
  voice?: SpokenAnswerRecord | null;
  followUp?: TurnRecord['followUp'];
}

export interface EntryInput {
  id: string;
  startedAt: string;
  status?: InterviewRecord['status'];
  overall?: number | null;
  spec?: Partial<InterviewSpec>;
  summary?: Partial<InterviewSummary> | null;
  turns?: TurnInput[];
}

export function entry(input: EntryInput): HistoryEntry {
  const status = input.status ?? 'completed';
  const overall = input.overall === undefined ? (status === 'completed' ? 50 : null) : input.overall;
  const turns = (input.turns ?? []).map((turn, index): TurnRecord => {
    const turnStatus = turn.status ?? 'answered';
    return {
      id: `${input.id}-q${index}`,
      interviewId: input.id,
      index,
      question: { id: `q${index}`, kind: 'behavioural', text: turn.question ?? `Question ${index + 1}?`, talkingPoints: [], rubricHint: '', expectedSeconds: 90 },
      draft: turn.answer ?? '',
      status: turnStatus,
      answer: turnStatus === 'open' ? null : (turn.answer ?? (turnStatus === 'skipped' ? '' : 'An answer.')),
      activeMs: 1000,
      answeredAt: turnStatus === 'open' ? null : input.startedAt,
      score: turn.score ? score(turn.score) : null,
      followUp: turn.followUp ?? null,
      voice: turn.voice ?? null,
    };
  });
  const summary: InterviewSummary | null =
    input.summary === null || status !== 'completed'
      ? null
      : { engine: 'basic', overall: overall ?? 0, dimensions: [], strengths: [], improvements: [], answered: turns.filter((turn) => turn.status === 'answered').length, skipped: 0, ...input.summary };
  return {
    interview: {
      id: input.id,
      spec: { ...SPEC, ...input.spec },
      engine: 'basic',
      engineLabel: 'basic scoring',
      engineReason: 'test',
      status,
      questionCount: turns.length,
      startedAt: input.startedAt,
      completedAt: status === 'completed' ? input.startedAt : null,
      endedEarly: false,
      summary,
      overall,
      progress: null,
    },
    turns,
  };
}

/** A spoken answer: `text`'s words, each `wordSeconds` long, back to back from `start`, "|" a silence of `pauseSeconds`. */
export function spoken(text: string, options: { wordSeconds?: number; start?: number; pauseSeconds?: number; language?: string; tail?: number } = {}): SpokenAnswerRecord {
  const { wordSeconds = 0.4, start = 0, pauseSeconds = 3, language = 'en', tail = 0 } = options;
  const words: SpokenAnswerRecord['words'] = [];
  let at = start;
  for (const token of text.split(' ').filter(Boolean)) {
    if (token === '|') {
      at += pauseSeconds;
      continue;
    }
    words.push({ text: ` ${token}`, start: round(at), end: round(at + wordSeconds) });
    at += wordSeconds;
  }
  return { words, transcribed: text.replaceAll(' |', ''), language, recordingSeconds: round(at + tail), modelId: 'test' };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
