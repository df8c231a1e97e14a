// What of an outbox event leaves the device: the event as stored, minus the items the candidate does
// not share, plus the numbers-only metrics they do share (computed here, at push time, from the turn's
// words and camera samples, so a change of consent applies to the whole history). Never words with
// times, never camera samples, never audio: only aggregates.
// Owns: the consent filter on pushed events. Must not import: Solid, fetch.
import type { SharedCameraMetrics, SharedSpeechMetrics, SharingConsent, SyncEventOf } from '../../sync-server/protocol/index.ts';
import { speechMetrics } from '../../workers/speech/metrics/index.ts';
import type { TurnRecord } from '../data/db.ts';
import type { OutgoingEvent } from '../data/outbox.ts';
import { answerBehaviour } from '../ui/visible-behaviour.ts';

type TurnPayload = SyncEventOf<'turn.answered'>['payload'];
type CompletedPayload = SyncEventOf<'interview.completed'>['payload'];

/** The turn's stored record, for the metrics; null when it is gone (the interview was deleted). */
export type TurnLookup = (interviewId: string, turnId: string) => Promise<TurnRecord | null>;

export async function shareableEvent(event: OutgoingEvent, consent: SharingConsent, lookupTurn: TurnLookup): Promise<OutgoingEvent> {
  if (event.type === 'turn.answered') {
    const turn = event.payload as TurnPayload;
    const record = consent.speechMetrics || consent.cameraMetrics ? await lookupTurn(turn.interviewId, turn.turnId) : null;
    const { speechMetrics: _speech, cameraMetrics: _camera, ...rest } = turn;
    const speech = consent.speechMetrics && record?.voice ? speechFigures(record.voice) : null;
    const camera = consent.cameraMetrics && record?.vision?.length ? cameraFigures(record.vision) : null;
    const payload: TurnPayload = {
      ...rest,
      answer: consent.transcript ? turn.answer : '',
      score: consent.scores ? turn.score : null,
      ...(turn.followUp ? { followUp: consent.transcript ? turn.followUp : { ...turn.followUp, answer: '' } } : turn.followUp === null ? { followUp: null } : {}),
      ...(speech ? { speechMetrics: speech } : {}),
      ...(camera ? { cameraMetrics: camera } : {}),
    };
    return { ...event, payload };
  }
  if (event.type === 'interview.completed' && !consent.scores) {
    const completed = event.payload as CompletedPayload;
    // The summary is required by the protocol; without scores it goes out emptied, and the server keeps none of it.
    const summary: CompletedPayload['summary'] = { ...completed.summary, overall: 0, dimensions: [], strengths: [], improvements: [], practicePlan: [] };
    return { ...event, payload: { ...completed, summary } };
  }
  return event;
}

function speechFigures(voice: NonNullable<TurnRecord['voice']>): SharedSpeechMetrics | null {
  if (voice.words.length === 0) return null;
  const metrics = speechMetrics({ words: voice.words, language: voice.language, answerEndSeconds: voice.recordingSeconds });
  const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
  return {
    wordCount: metrics.pace.wordCount,
    talkTimeWpm: round(metrics.pace.talkTimeWpm, 1),
    wholeAnswerWpm: round(metrics.pace.wholeAnswerWpm, 1),
    fillerCount: metrics.fillers.count,
    fillersPer100Words: round(metrics.fillers.per100Words, 1),
    longPauseCount: metrics.pauses.count,
    thinkingShare: round(metrics.talkTime.thinkingShare),
    repeatCount: metrics.repeats.count,
    durationSeconds: round(metrics.span.durationSeconds, 1),
  };
}

function cameraFigures(samples: NonNullable<TurnRecord['vision']>): SharedCameraMetrics {
  const behaviour = answerBehaviour(samples);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return { ...behaviour, inView: round(behaviour.inView)!, eyeContact: round(behaviour.eyeContact) };
}
