// What a device's sharing consent means for the rows and the stored events: which fields an incoming
// event may write, and how a stored payload is redacted when an item is revoked. Shared by the SQLite
// and PostgreSQL stores so that both keep exactly the same things.
// Owns: consent as the stores apply it, and the shared-recording types. Must not import: a database driver.
import { sharingConsent, type SharingConsent, type SharingItem, type SyncEventOf } from '../protocol/index.ts';

/** A device that never said (an older app) shares what it shared before consent was asked: everything it sends. */
export const UNDECLARED_CONSENT: SharingConsent = { transcript: true, scores: true, speechMetrics: true, cameraMetrics: true, audio: true };

export function parseStoredConsent(raw: string | null | undefined): SharingConsent {
  if (!raw) return UNDECLARED_CONSENT;
  const parsed = sharingConsent.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : UNDECLARED_CONSENT;
}

/** A turn as it may be stored: the items not consented to are emptied, whatever the device sent. */
export function consentedTurn(turn: SyncEventOf<'turn.answered'>['payload'], consent: SharingConsent) {
  return {
    answer: consent.transcript ? turn.answer : '',
    score: consent.scores ? turn.score : null,
    speechMetrics: consent.speechMetrics ? (turn.speechMetrics ?? null) : null,
    cameraMetrics: consent.cameraMetrics ? (turn.cameraMetrics ?? null) : null,
  };
}

/** The summary is the scores' aggregate (with strengths and improvements drawn from the scoring), so it goes with them. */
export function consentedSummary(summary: SyncEventOf<'interview.completed'>['payload']['summary'], consent: SharingConsent) {
  return consent.scores ? summary : null;
}

/**
 * A stored event's payload with the revoked items removed; null when nothing changes. Payloads already
 * redacted by a deletion carry no items and are left alone.
 */
export function redactStoredPayload(type: string, payload: string, revoked: readonly SharingItem[]): string | null {
  const value = JSON.parse(payload) as Record<string, unknown>;
  if (value.redacted === true) return null;
  const next = { ...value };
  if (type === 'turn.answered') {
    if (revoked.includes('transcript')) {
      next.answer = '';
      if (next.followUp && typeof next.followUp === 'object') next.followUp = { ...(next.followUp as object), answer: '' };
    }
    if (revoked.includes('scores')) next.score = null;
    if (revoked.includes('speechMetrics')) delete next.speechMetrics;
    if (revoked.includes('cameraMetrics')) delete next.cameraMetrics;
  } else if (type === 'interview.completed') {
    if (revoked.includes('scores')) next.summary = null;
  } else {
    return null;
  }
  const text = JSON.stringify(next);
  return text === payload ? null : text;
}

/** The event types whose stored payloads hold shareable items. */
export const CONSENT_BEARING_EVENTS = ['turn.answered', 'interview.completed'] as const;

export interface NewSharedRecording {
  device: { id: string; orgId: string };
  interviewId: string;
  turnId: string;
  recordingId: string;
  mimeType: string;
  audio: Uint8Array;
  now: string;
}

/** Why a recording was or was not stored. */
export type PutRecordingOutcome = 'stored' | 'duplicate' | 'not-consented' | 'unknown-interview';

export interface SharedRecording {
  mimeType: string;
  audio: Uint8Array;
}

/** A turn event's payload as stored: the same items emptied as in the row. */
export function storedTurnPayload(turn: SyncEventOf<'turn.answered'>['payload'], consent: SharingConsent) {
  const kept = consentedTurn(turn, consent);
  const followUp = turn.followUp && !consent.transcript ? { ...turn.followUp, answer: '' } : turn.followUp;
  const { speechMetrics: _speech, cameraMetrics: _camera, ...rest } = turn;
  return {
    ...rest,
    answer: kept.answer,
    score: kept.score,
    ...(followUp === undefined ? {} : { followUp }),
    ...(kept.speechMetrics ? { speechMetrics: kept.speechMetrics } : {}),
    ...(kept.cameraMetrics ? { cameraMetrics: kept.cameraMetrics } : {}),
  };
}
