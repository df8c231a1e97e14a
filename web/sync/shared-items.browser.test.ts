import { describe, expect, it } from 'vitest';
import type { SharingConsent } from '../../sync-server/protocol/index.ts';
import type { TurnRecord } from '../data/db.ts';
import type { OutgoingEvent } from '../data/outbox.ts';
import { shareableEvent } from './shared-items.ts';

const NONE: SharingConsent = { transcript: false, scores: false, speechMetrics: false, cameraMetrics: false, audio: false };
const ALL: SharingConsent = { transcript: true, scores: true, speechMetrics: true, cameraMetrics: true, audio: true };
const ANSWER = 'I led the migration of billing to Postgres and it cut latency by forty percent.';

const score = { engine: 'basic' as const, overall: 70, dimensions: [{ key: 'coverage', label: 'Talking points', score: 4, reason: 'Covered it.', evidence: ['billing'] }], flags: [] };
const turnEvent: OutgoingEvent = {
  id: '01JTURN0000000000000000001',
  seq: 2,
  type: 'turn.answered',
  at: '2026-11-20T10:00:00.000Z',
  payload: {
    interviewId: 'iv-1',
    turnId: 't-1',
    index: 0,
    question: { id: 'q', kind: 'behavioural', text: 'Tell me about a migration.', talkingPoints: [], rubricHint: '', expectedSeconds: 60 },
    answer: ANSWER,
    skipped: false,
    activeMs: 20_000,
    answeredAt: '2026-11-20T10:00:00.000Z',
    score,
    followUp: { question: 'What broke?', answer: 'Nothing, we rehearsed it.' },
  },
};

const words = ANSWER.split(' ').map((text, index) => ({ text, start: 1 + index * 0.4, end: 1.3 + index * 0.4 }));
const record = {
  id: 't-1',
  interviewId: 'iv-1',
  voice: { words, transcribed: ANSWER, language: 'en', recordingSeconds: 10, modelId: 'whisper' },
  vision: Array.from({ length: 4 }, (_, second) => ({
    second, frames: 10, framesWithFace: 10, framesWithSeveralFaces: 0, eyeContact: 0.5, yaw: 0, pitch: 0, roll: 0, headMovement: 2, smile: 0, browRaise: 0, jawTension: 0, blinks: 1,
  })),
} as unknown as TurnRecord;
const lookup = async () => record;

describe('what of an event leaves the device', () => {
  it('sends no answer text, no score and no figures without consent, and keeps the question', async () => {
    const shared = (await shareableEvent(turnEvent, NONE, lookup)).payload as Record<string, unknown>;
    expect(shared.answer).toBe('');
    expect(shared.score).toBeNull();
    expect(shared.followUp).toEqual({ question: 'What broke?', answer: '' });
    expect(shared).not.toHaveProperty('speechMetrics');
    expect(shared).not.toHaveProperty('cameraMetrics');
    expect((shared.question as { text: string }).text).toBe('Tell me about a migration.');
    expect(JSON.stringify(shared)).not.toContain('Postgres');
  });

  it('adds numbers-only speech and camera figures with consent: never the words, their times or the samples', async () => {
    const shared = (await shareableEvent(turnEvent, ALL, lookup)).payload as Record<string, unknown>;
    expect(shared.answer).toBe(ANSWER);
    expect(shared.speechMetrics).toMatchObject({ wordCount: words.length, longPauseCount: 0 });
    expect(shared.cameraMetrics).toMatchObject({ seconds: 4, inView: 1, eyeContact: 0.5, headMovement: 'some', blinksPerMinute: 60 });
    const json = JSON.stringify({ speech: shared.speechMetrics, camera: shared.cameraMetrics });
    expect(json).not.toContain('Postgres');
    expect(json).not.toContain('"start"');
    expect(json).not.toContain('framesWithFace');
  });

  it('leaves the stored event itself untouched, so a later consent can send it whole', async () => {
    const before = JSON.stringify(turnEvent);
    await shareableEvent(turnEvent, NONE, lookup);
    expect(JSON.stringify(turnEvent)).toBe(before);
  });

  it("empties an interview's summary without scores", async () => {
    const completed: OutgoingEvent = {
      id: '01JDONE0000000000000000001', seq: 3, type: 'interview.completed', at: '2026-11-20T10:01:00.000Z',
      payload: { interviewId: 'iv-1', completedAt: '2026-11-20T10:01:00.000Z', endedEarly: false, summary: { engine: 'basic', overall: 70, dimensions: [{ key: 'coverage', label: 'Talking points', score: 4 }], strengths: ['Numbers'], improvements: ['Pace'], answered: 1, skipped: 0 } },
    };
    const summary = ((await shareableEvent(completed, { ...ALL, scores: false }, lookup)).payload as { summary: Record<string, unknown> }).summary;
    expect(summary).toMatchObject({ overall: 0, dimensions: [], strengths: [], improvements: [] });
  });
});
