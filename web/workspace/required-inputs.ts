// What an interviewer's template requires of the candidate's device (camera, microphone), and what is
// wrong when one is missing, as codes the UI words from the `assigned` catalogue. An assigned
// interview does not start, and does not go on, while a required input is missing.
// - getUserMedia's error names map to what the candidate can do about them (allow it in the site
//   settings, plug one in, close the app that holds it, use another browser).
// - Voice required: typing is off (the template asked for spoken answers), except when speech to text
//   cannot run on this device at all, where typing is the only way to answer: then it stays on and the
//   screen says why.
// Owns: requirement and problem codes. Must not import: DOM globals, Dexie, Solid, i18n.
import type { InterviewTemplate } from '../../sync-server/protocol/interview-template.ts';

export type RequiredInput = 'camera' | 'microphone';
export type InputProblem = 'denied' | 'not-found' | 'in-use' | 'unsupported' | 'stopped' | 'other';

export interface MissingInput {
  input: RequiredInput;
  problem: InputProblem;
  /** The browser's own words, for 'other'. */
  detail?: string;
}

type Requirements = Pick<InterviewTemplate, 'cameraRequired' | 'voiceRequired'>;

export function requiredInputsOf(template: Requirements): RequiredInput[] {
  return [...(template.cameraRequired ? (['camera'] as const) : []), ...(template.voiceRequired ? (['microphone'] as const) : [])];
}

/** What a failed getUserMedia (or a missing mediaDevices) means for the candidate. */
export function problemOfMediaError(error: unknown): Pick<MissingInput, 'problem' | 'detail'> {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return { problem: 'denied' };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return { problem: 'not-found' };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return { problem: 'in-use' };
    case 'TypeError':
      // No mediaDevices (an insecure page, an old browser) reads as a TypeError when called.
      return { problem: 'unsupported' };
    default: {
      const message = typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);
      return { problem: 'other', detail: message.slice(0, 200) };
    }
  }
}

/** Catalogue key (in `assigned`) of what to tell the candidate about one missing input. */
export function problemKey(missing: MissingInput): string {
  return `inputs.problem.${missing.input}.${missing.problem}`;
}

export type VoiceStatus = 'off' | 'starting' | 'listening' | 'transcribing' | 'unavailable' | 'failed';

/** Whether the candidate may type the answer. */
export function typingAllowed(template: Requirements | null | undefined, voice: VoiceStatus): boolean {
  if (!template?.voiceRequired) return true;
  return voice === 'unavailable';
}

/**
 * The required inputs missing now. `camera` is the interview camera's status: 'off' after the
 * interview tried to start it counts as missing (the candidate turned it off, or it never came on),
 * 'starting' does not; `cameraLost` says the live track ended. `microphone` is the last check of it.
 */
export function missingInputs(
  template: Requirements | null | undefined,
  now: { camera: 'off' | 'starting' | 'on' | 'failed'; cameraTried: boolean; cameraLost: boolean; cameraProblem: MissingInput | null; microphone: MissingInput | null },
): MissingInput[] {
  if (!template) return [];
  const missing: MissingInput[] = [];
  if (template.cameraRequired) {
    if (now.cameraLost) missing.push({ input: 'camera', problem: 'stopped' });
    else if (now.camera === 'failed' || (now.camera === 'off' && now.cameraTried)) missing.push(now.cameraProblem ?? { input: 'camera', problem: now.camera === 'off' ? 'stopped' : 'other' });
  }
  if (template.voiceRequired && now.microphone) missing.push(now.microphone);
  return missing;
}
