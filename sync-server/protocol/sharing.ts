import { z } from 'zod';

// What a candidate shares with the organisation they joined, item by item, and the numbers-only
// metrics that ride on a turn when they share them. The device filters what it pushes by this
// consent, and the server, told of each change by a `consent.changed` event, deletes what was revoked
// and drops the same items from anything that still arrives.

export const SHARING_ITEMS = ['transcript', 'scores', 'speechMetrics', 'cameraMetrics', 'audio'] as const;
export type SharingItem = (typeof SHARING_ITEMS)[number];

export const sharingConsent = z.object({
  transcript: z.boolean(),
  scores: z.boolean(),
  speechMetrics: z.boolean(),
  cameraMetrics: z.boolean(),
  audio: z.boolean(),
});
export type SharingConsent = z.infer<typeof sharingConsent>;

/** What a device shares until its candidate says otherwise: what was shared before consent was asked. */
export const DEFAULT_SHARING_CONSENT: SharingConsent = {
  transcript: true,
  scores: true,
  speechMetrics: false,
  cameraMetrics: false,
  audio: false,
};

/** Delivery numbers of one spoken answer: counts, rates and durations; never words or audio. */
export const sharedSpeechMetrics = z.object({
  wordCount: z.number().int().min(0),
  talkTimeWpm: z.number().min(0).max(2_000),
  wholeAnswerWpm: z.number().min(0).max(2_000),
  fillerCount: z.number().int().min(0),
  fillersPer100Words: z.number().min(0).max(100),
  longPauseCount: z.number().int().min(0),
  thinkingShare: z.number().min(0).max(1),
  repeatCount: z.number().int().min(0),
  durationSeconds: z.number().min(0),
});
export type SharedSpeechMetrics = z.infer<typeof sharedSpeechMetrics>;

/** Visible behaviour over one answer, from the 1-second camera samples; never frames. */
export const sharedCameraMetrics = z.object({
  seconds: z.number().int().min(0),
  inView: z.number().min(0).max(1),
  eyeContact: z.number().min(0).max(1).nullable(),
  smiledSeconds: z.number().int().min(0),
  headMovement: z.enum(['steady', 'some', 'a lot']).nullable(),
  blinksPerMinute: z.number().min(0).nullable(),
  otherFaceSeconds: z.number().int().min(0),
});
export type SharedCameraMetrics = z.infer<typeof sharedCameraMetrics>;

/** Recordings the server takes: Opus as MediaRecorder writes it. */
export const SHARED_AUDIO_TYPES = ['audio/webm', 'audio/ogg'] as const;
export const MAX_SHARED_AUDIO_BYTES = 5 * 1024 * 1024;

/** Items on in `before` and off in `after`. */
export function revokedItems(before: SharingConsent | null, after: SharingConsent): SharingItem[] {
  return SHARING_ITEMS.filter((item) => (before ? before[item] : true) && !after[item]);
}

/** Items off in `before` and on in `after`. */
export function grantedItems(before: SharingConsent, after: SharingConsent): SharingItem[] {
  return SHARING_ITEMS.filter((item) => !before[item] && after[item]);
}
