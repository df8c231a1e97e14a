import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InterviewSpec, PlannedQuestion } from '../../sync-server/protocol/index.ts';
import { closeDb, DB_NAME } from '../data/db.ts';
import { completeInterview, completeTurn, createInterview } from '../data/interviews.ts';
import { createInterviewState, snapshotOf } from '../interview/interview-machine.ts';
import { listHistoryWithTurns, listTurnSearchText } from './history-reads.ts';
import { dimensionSeries } from './dimension-progress.ts';
import { score } from './test-support/history-builders.ts';

const spec = (role: string): InterviewSpec => ({ role, seniority: 'mid', type: 'behavioural', questionCount: 2, language: 'en', minutes: 15 });
const questions: PlannedQuestion[] = [0, 1].map((i) => ({
  id: `q-${i}`,
  kind: 'behavioural',
  text: i === 0 ? 'Tell me about a conflict in your team.' : 'Describe a project you are proud of.',
  talkingPoints: [],
  rubricHint: '',
  expectedSeconds: 120,
}));
const engine = { kind: 'basic' as const, label: 'basic scoring', reason: 'test' };
const progress = snapshotOf(createInterviewState(2), Date.UTC(2026, 0, 1));
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9));

beforeEach(async () => {
  closeDb();
  await new Promise((resolve) => setTimeout(resolve));
  await Dexie.delete(DB_NAME);
});

afterEach(() => closeDb());

describe('history reads (IndexedDB in Chromium)', () => {
  it('reads an empty history', async () => {
    await expect(listHistoryWithTurns()).resolves.toEqual([]);
    await expect(listTurnSearchText()).resolves.toEqual(new Map());
  });

  it('returns every interview newest first, each with its own turns in question order', async () => {
    const first = await createInterview({ spec: spec('Nurse'), questions, engine, now: at(1) });
    // Answered out of order: the second question first.
    await completeTurn({ interviewId: first.id, index: 1, answer: 'We rebuilt the triage board.', skipped: false, activeMs: 1, score: score({ structure: 4 }), progress, now: at(1) });
    await completeTurn({ interviewId: first.id, index: 0, answer: '', skipped: true, activeMs: 1, score: null, progress, now: at(1) });
    await completeInterview({ interviewId: first.id, summary: { engine: 'basic', overall: 75, dimensions: [], strengths: [], improvements: [], answered: 1, skipped: 1 }, endedEarly: false, progress, now: at(1) });
    const second = await createInterview({ spec: spec('Engineer'), questions, engine, now: at(2) });

    const history = await listHistoryWithTurns();
    expect(history.map((entry) => entry.interview.id)).toEqual([second.id, first.id]);
    expect(history[1]!.turns.map((turn) => [turn.index, turn.status])).toEqual([
      [0, 'skipped'],
      [1, 'answered'],
    ]);
    expect(history[0]!.turns.every((turn) => turn.interviewId === second.id && turn.status === 'open')).toBe(true);
    // What the charts make of it: the finished interview's one scored answer.
    expect(dimensionSeries(history)).toEqual([{ key: 'structure', label: 'Structure', points: [{ interviewId: first.id, at: at(1).toISOString(), value: 4 }] }]);

    const texts = await listTurnSearchText();
    expect(texts.get(first.id)).toContain('we rebuilt the triage board.');
    expect(texts.get(first.id)).toContain('tell me about a conflict in your team.');
    expect(texts.get(second.id)).not.toContain('triage');
  });
});
