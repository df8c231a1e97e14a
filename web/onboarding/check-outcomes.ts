// What each device check found, in the candidate's terms: a status, one line on what it means, and
// what still works when something is missing. The device check controller gathers plain facts
// (an error name, a level, the probe's capabilities, a storage estimate); this turns them into
// message keys of the `onboarding` namespace, so the same facts read the same on every screen and in
// every language, and Node tests can check every branch.
// Owns: facts → outcome. Must not import: Solid, Dexie, the DOM, i18n (it returns keys, not text).
import { problemFromGetUserMediaError } from '../../workers/speech/capture/microphone-errors.ts';

export type CheckStatus = 'ok' | 'warning' | 'failed' | 'not-checked';

export type CheckId = 'camera' | 'microphone' | 'gpu' | 'storage' | 'install' | 'sample';

/** A key in web/i18n/locales/<language>/onboarding.json, with its placeholders' values. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export interface CheckOutcome {
  id: CheckId;
  status: CheckStatus;
  /** One line: what was found and what it means. */
  meaning: Message;
  /** What the candidate can still do without it; null when nothing is missing. */
  stillWorks: Message | null;
  /** A further line (e.g. how to keep data from being cleared), or null. */
  note: Message | null;
  /** The browser's or a library's own words about a failure, shown small and untranslated, or null. */
  detail: string | null;
}

/** Why a camera or microphone could not be used; getUserMedia's errors mean the same for both. */
export type DeviceProblem = 'denied' | 'missing' | 'in-use' | 'unsupported' | 'ended' | 'failed';

/** What a getUserMedia rejection (or a MicrophoneError) means, for the camera and the microphone alike. */
export function deviceProblemOf(error: unknown): DeviceProblem {
  if (typeof error === 'object' && error !== null && 'problem' in error && (error as { name?: unknown }).name === 'MicrophoneError') {
    const problem = (error as { problem: unknown }).problem;
    if (problem === 'no-microphone') return 'missing';
    if (problem === 'denied' || problem === 'in-use' || problem === 'unsupported' || problem === 'ended' || problem === 'failed') return problem;
  }
  const problem = problemFromGetUserMediaError(error);
  return problem === 'no-microphone' ? 'missing' : problem;
}

const outcome = (id: CheckId, status: CheckStatus, meaning: Message, stillWorks: Message | null = null, note: Message | null = null, detail: string | null = null): CheckOutcome => ({
  id,
  status,
  meaning,
  stillWorks,
  note,
  detail: detail || null,
});

// ---------------------------------------------------------------------------------------------- camera

export type FaceSeen =
  /** No frame analysed yet. */
  | 'waiting'
  /** A face, and the candidate looks at the camera. */
  | 'looking'
  /** A face, looking elsewhere. */
  | 'face'
  /** Frames analysed for a while, and no face in them. */
  | 'no-face';

export type CameraFacts =
  | { state: 'not-checked' }
  | { state: 'problem'; problem: DeviceProblem }
  /** The camera is on (or was, in the last check). `tracking`: whether the face tracker runs here. */
  | { state: 'working'; tracking: 'starting' | 'on' | 'unavailable'; face: FaceSeen; detail?: string };

const CAMERA_STILL_WORKS: Message = { key: 'checks.camera.stillWorks' };

export function cameraOutcome(facts: CameraFacts): CheckOutcome {
  switch (facts.state) {
    case 'not-checked':
      return outcome('camera', 'not-checked', { key: 'checks.camera.notChecked' });
    case 'problem':
      return outcome('camera', 'failed', { key: `checks.camera.problem.${facts.problem}` }, CAMERA_STILL_WORKS);
    case 'working':
      if (facts.tracking === 'unavailable') {
        return outcome('camera', 'warning', { key: 'checks.camera.trackingUnavailable' }, { key: 'checks.camera.stillWorksWithoutTracking' }, null, facts.detail ?? null);
      }
      if (facts.tracking === 'starting' || facts.face === 'waiting') return outcome('camera', 'not-checked', { key: 'checks.camera.lookingForFace' });
      if (facts.face === 'no-face') return outcome('camera', 'warning', { key: 'checks.camera.noFace' }, { key: 'checks.camera.stillWorksNoFace' });
      return outcome('camera', 'ok', { key: facts.face === 'looking' ? 'checks.camera.looking' : 'checks.camera.faceLookingAway' });
  }
}

/**
 * What the last frames showed: the face tracker says per frame whether there is a face and whether
 * the candidate looks at the camera; one frame flickers, so a short window of frames decides.
 */
export function faceSeenIn(frames: readonly { faceCount: number; eyeContact: boolean | null }[], minimumFrames: number): FaceSeen {
  if (frames.length === 0) return 'waiting';
  const withFace = frames.filter((frame) => frame.faceCount > 0);
  if (withFace.length === 0) return frames.length >= minimumFrames ? 'no-face' : 'waiting';
  return withFace.some((frame) => frame.eyeContact === true) ? 'looking' : 'face';
}

// ------------------------------------------------------------------------------------------ microphone

export type MicrophoneFacts =
  | { state: 'not-checked' }
  | { state: 'problem'; problem: DeviceProblem }
  /** Listening (or listened). `heard`: a level loud enough for speech; `seconds`: how long it has listened. */
  | { state: 'working'; heard: boolean; seconds: number };

/** RMS above this (about -36 dBFS) is a voice near the microphone, not room noise. */
export const SPEECH_RMS = 0.016;
/** Listening this long and hearing nothing louder than room noise means something is off. */
export const SILENT_AFTER_SECONDS = 6;

export function heardSpeech(rms: number): boolean {
  return rms >= SPEECH_RMS;
}

const MICROPHONE_STILL_WORKS: Message = { key: 'checks.microphone.stillWorks' };

export function microphoneOutcome(facts: MicrophoneFacts): CheckOutcome {
  switch (facts.state) {
    case 'not-checked':
      return outcome('microphone', 'not-checked', { key: 'checks.microphone.notChecked' });
    case 'problem':
      return outcome('microphone', 'failed', { key: `checks.microphone.problem.${facts.problem}` }, MICROPHONE_STILL_WORKS);
    case 'working':
      if (facts.heard) return outcome('microphone', 'ok', { key: 'checks.microphone.heard' });
      if (facts.seconds < SILENT_AFTER_SECONDS) return outcome('microphone', 'not-checked', { key: 'checks.microphone.saySomething' });
      return outcome('microphone', 'warning', { key: 'checks.microphone.silent' }, MICROPHONE_STILL_WORKS);
  }
}

// ------------------------------------------------------------------------------------ WebGPU and model

export type GpuFacts =
  | { state: 'not-checked' }
  | { state: 'error'; detail: string }
  | {
      state: 'checked';
      /** null: no usable WebGPU adapter. */
      adapter: { description: string; software: boolean } | null;
      unavailableReason: string | null;
      /** The recommended on-device model, or null when none fits. */
      tier: { label: string; vramMB: number } | null;
    };

const GPU_STILL_WORKS: Message = { key: 'checks.gpu.stillWorks' };

export function gpuOutcome(facts: GpuFacts): CheckOutcome {
  switch (facts.state) {
    case 'not-checked':
      return outcome('gpu', 'not-checked', { key: 'checks.gpu.notChecked' });
    case 'error':
      return outcome('gpu', 'failed', { key: 'checks.gpu.error' }, GPU_STILL_WORKS, null, facts.detail);
    case 'checked': {
      const adapter = facts.adapter;
      if (!adapter) return outcome('gpu', 'failed', { key: 'checks.gpu.none' }, GPU_STILL_WORKS, null, facts.unavailableReason);
      const name = adapter.description || (adapter.software ? 'SwiftShader' : 'WebGPU');
      if (adapter.software) {
        return facts.tier
          ? outcome('gpu', 'warning', { key: 'checks.gpu.software', params: { adapter: name, tier: facts.tier.label } }, { key: 'checks.gpu.stillWorksSoftware' })
          : outcome('gpu', 'warning', { key: 'checks.gpu.softwareNoTier', params: { adapter: name } }, GPU_STILL_WORKS);
      }
      if (!facts.tier) return outcome('gpu', 'warning', { key: 'checks.gpu.noTier', params: { adapter: name } }, GPU_STILL_WORKS);
      return outcome('gpu', 'ok', { key: 'checks.gpu.ok', params: { adapter: name, tier: facts.tier.label, megabytes: Math.round(facts.tier.vramMB) } });
    }
  }
}

// --------------------------------------------------------------------------------------------- storage

export type StorageFacts =
  | { state: 'not-checked' }
  | {
      state: 'checked';
      /** From navigator.storage.estimate(); null when the browser would not say. */
      estimate: { quotaBytes: number; usageBytes: number } | null;
      /** navigator.storage.persisted(); null when the browser has no such thing. */
      persisted: boolean | null;
    };

/** Below this a save can fail: an interview with its turns is tens of KB, but IndexedDB needs room to work. */
export const TOO_LITTLE_BYTES = 50 * 1000 * 1000;
/** The smallest on-device model takes a few hundred MB and the larger ones up to about 4 GB. */
export const ROOM_FOR_MODEL_BYTES = 1000 * 1000 * 1000;

export function freeBytesOf(estimate: { quotaBytes: number; usageBytes: number }): number {
  return Math.max(0, estimate.quotaBytes - estimate.usageBytes);
}

/** `formatBytes` is passed in so this module stays free of the UI's formatting. */
export function storageOutcome(facts: StorageFacts, formatBytes: (bytes: number) => string): CheckOutcome {
  if (facts.state === 'not-checked') return outcome('storage', 'not-checked', { key: 'checks.storage.notChecked' });
  const note: Message | null = facts.persisted === false ? { key: 'checks.storage.notPersisted' } : facts.persisted === true ? { key: 'checks.storage.persisted' } : null;
  if (!facts.estimate) return outcome('storage', 'warning', { key: 'checks.storage.unknown' }, { key: 'checks.storage.stillWorksUnknown' }, note);
  const free = freeBytesOf(facts.estimate);
  const params = { free: formatBytes(free) };
  if (free < TOO_LITTLE_BYTES) return outcome('storage', 'failed', { key: 'checks.storage.full', params }, { key: 'checks.storage.stillWorksFull' }, note);
  if (free < ROOM_FOR_MODEL_BYTES) return outcome('storage', 'warning', { key: 'checks.storage.low', params }, { key: 'checks.storage.stillWorksLow' }, note);
  return outcome('storage', 'ok', { key: 'checks.storage.ok', params }, null, note);
}

// --------------------------------------------------------------------------------------------- install

export interface InstallFacts {
  /** Running as an installed app (display-mode: standalone, or iOS's navigator.standalone). */
  standalone: boolean;
  /** The browser offered to install (beforeinstallprompt fired and was kept). */
  promptAvailable: boolean;
  /** Installed during this visit (appinstalled), while still in the browser tab. */
  installedNow: boolean;
}

export function installOutcome(facts: InstallFacts): CheckOutcome {
  if (facts.standalone) return outcome('install', 'ok', { key: 'checks.install.standalone' });
  if (facts.installedNow) return outcome('install', 'ok', { key: 'checks.install.installedNow' });
  // Not installed is not broken: everything works in the tab, so this is a warning with a way forward.
  return outcome('install', 'warning', { key: facts.promptAvailable ? 'checks.install.offer' : 'checks.install.fromMenu' }, { key: 'checks.install.stillWorks' });
}

// ---------------------------------------------------------------------------------------------- sample

export type SampleFacts =
  | { state: 'not-tried' }
  | {
      state: 'scored';
      /** How the answer got into the box: spoken and transcribed, or typed. */
      answeredBy: 'voice' | 'typing';
      /** Set when the candidate tried to answer aloud and transcription could not run. */
      voiceProblem: string | null;
      overall: number;
    }
  | { state: 'error'; detail: string };

export function sampleOutcome(facts: SampleFacts): CheckOutcome {
  switch (facts.state) {
    case 'not-tried':
      return outcome('sample', 'not-checked', { key: 'checks.sample.notTried' });
    case 'error':
      return outcome('sample', 'failed', { key: 'checks.sample.error' }, { key: 'checks.sample.stillWorksError' }, null, facts.detail);
    case 'scored':
      if (facts.voiceProblem) {
        return outcome(
          'sample',
          'warning',
          { key: 'checks.sample.voiceUnavailable', params: { overall: Math.round(facts.overall) } },
          { key: 'checks.sample.stillWorksTyping' },
          null,
          facts.voiceProblem,
        );
      }
      return outcome('sample', 'ok', { key: facts.answeredBy === 'voice' ? 'checks.sample.scoredVoice' : 'checks.sample.scoredTyped', params: { overall: Math.round(facts.overall) } });
  }
}

// ------------------------------------------------------------------------------------------- summary

export interface CheckSummary {
  ok: number;
  warning: number;
  failed: number;
  notChecked: number;
}

export function summariseOutcomes(outcomes: readonly CheckOutcome[]): CheckSummary {
  const count = (status: CheckStatus) => outcomes.filter((each) => each.status === status).length;
  return { ok: count('ok'), warning: count('warning'), failed: count('failed'), notChecked: count('not-checked') };
}
