import { describe, expect, it } from 'vitest';
import { catalogues } from '../i18n/all-catalogues.ts';
import { microphoneError } from '../../workers/speech/capture/microphone-errors.ts';
import {
  cameraOutcome,
  deviceProblemOf,
  faceSeenIn,
  gpuOutcome,
  heardSpeech,
  installOutcome,
  microphoneOutcome,
  ROOM_FOR_MODEL_BYTES,
  sampleOutcome,
  SILENT_AFTER_SECONDS,
  storageOutcome,
  summariseOutcomes,
  TOO_LITTLE_BYTES,
  type CheckOutcome,
  type DeviceProblem,
  type Message,
} from './check-outcomes.ts';

const PROBLEMS: DeviceProblem[] = ['denied', 'missing', 'in-use', 'unsupported', 'ended', 'failed'];
const bytes = (value: number) => `${value} B`;
const GB = 1000 * 1000 * 1000;

/** One of every branch, so the catalogue check below sees every key the module can produce. */
function everyOutcome(): CheckOutcome[] {
  return [
    cameraOutcome({ state: 'not-checked' }),
    ...PROBLEMS.map((problem) => cameraOutcome({ state: 'problem', problem })),
    cameraOutcome({ state: 'working', tracking: 'starting', face: 'waiting' }),
    cameraOutcome({ state: 'working', tracking: 'on', face: 'waiting' }),
    cameraOutcome({ state: 'working', tracking: 'on', face: 'looking' }),
    cameraOutcome({ state: 'working', tracking: 'on', face: 'face' }),
    cameraOutcome({ state: 'working', tracking: 'on', face: 'no-face' }),
    cameraOutcome({ state: 'working', tracking: 'unavailable', face: 'waiting', detail: 'model 404' }),
    microphoneOutcome({ state: 'not-checked' }),
    ...PROBLEMS.map((problem) => microphoneOutcome({ state: 'problem', problem })),
    microphoneOutcome({ state: 'working', heard: true, seconds: 1 }),
    microphoneOutcome({ state: 'working', heard: false, seconds: 1 }),
    microphoneOutcome({ state: 'working', heard: false, seconds: SILENT_AFTER_SECONDS }),
    gpuOutcome({ state: 'not-checked' }),
    gpuOutcome({ state: 'error', detail: 'boom' }),
    gpuOutcome({ state: 'checked', adapter: null, unavailableReason: 'This browser has no WebGPU.', tier: null }),
    gpuOutcome({ state: 'checked', adapter: { description: 'google swiftshader', software: true }, unavailableReason: null, tier: { label: 'Tiny', vramMB: 376 } }),
    gpuOutcome({ state: 'checked', adapter: { description: 'google swiftshader', software: true }, unavailableReason: null, tier: null }),
    gpuOutcome({ state: 'checked', adapter: { description: 'nvidia', software: false }, unavailableReason: null, tier: null }),
    gpuOutcome({ state: 'checked', adapter: { description: 'nvidia', software: false }, unavailableReason: null, tier: { label: 'Large', vramMB: 2951.5 } }),
    storageOutcome({ state: 'not-checked' }, bytes),
    storageOutcome({ state: 'checked', estimate: null, persisted: null }, bytes),
    storageOutcome({ state: 'checked', estimate: { quotaBytes: 10 * 1000 * 1000, usageBytes: 0 }, persisted: false }, bytes),
    storageOutcome({ state: 'checked', estimate: { quotaBytes: 0.5 * GB, usageBytes: 0 }, persisted: true }, bytes),
    storageOutcome({ state: 'checked', estimate: { quotaBytes: 10 * GB, usageBytes: GB }, persisted: false }, bytes),
    installOutcome({ standalone: true, promptAvailable: false, installedNow: false }),
    installOutcome({ standalone: false, promptAvailable: false, installedNow: true }),
    installOutcome({ standalone: false, promptAvailable: true, installedNow: false }),
    installOutcome({ standalone: false, promptAvailable: false, installedNow: false }),
    sampleOutcome({ state: 'not-tried' }),
    sampleOutcome({ state: 'error', detail: 'bank broken' }),
    sampleOutcome({ state: 'scored', answeredBy: 'voice', voiceProblem: null, overall: 71.6 }),
    sampleOutcome({ state: 'scored', answeredBy: 'typing', voiceProblem: null, overall: 40 }),
    sampleOutcome({ state: 'scored', answeredBy: 'typing', voiceProblem: 'Voice transcription is not available: … You can type your answers.', overall: 40 }),
  ];
}

function lookUp(language: string, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogues[language]?.onboarding);
}

describe('device check outcomes', () => {
  it('says, for every check that fails or has limits, what it means and what still works', () => {
    for (const outcome of everyOutcome()) {
      const where = `${outcome.id} ${outcome.meaning.key}`;
      if (outcome.status === 'failed' || outcome.status === 'warning') expect(outcome.stillWorks, where).not.toBeNull();
      if (outcome.status === 'ok' || outcome.status === 'not-checked') expect(outcome.stillWorks, where).toBeNull();
    }
  });

  it('uses only keys that exist in English and Spanish, with every placeholder given a value', () => {
    const messages: Message[] = everyOutcome().flatMap((outcome) => [outcome.meaning, outcome.stillWorks, outcome.note].filter((message): message is Message => message !== null));
    expect(messages.length).toBeGreaterThan(40);
    for (const message of messages) {
      for (const language of ['en', 'es']) {
        const text = lookUp(language, message.key);
        expect(typeof text, `${language}: onboarding:${message.key}`).toBe('string');
        const placeholders = [...(text as string).matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]!);
        for (const name of placeholders) expect(message.params?.[name], `${language}: ${message.key} needs {{${name}}}`).toBeDefined();
      }
    }
  });

  it('reads getUserMedia failures the same way for the camera and the microphone', () => {
    expect(deviceProblemOf(new DOMException('Permission denied', 'NotAllowedError'))).toBe('denied');
    expect(deviceProblemOf(new DOMException('Requested device not found', 'NotFoundError'))).toBe('missing');
    expect(deviceProblemOf(new DOMException('Could not start video source', 'NotReadableError'))).toBe('in-use');
    expect(deviceProblemOf(new DOMException('no', 'NotSupportedError'))).toBe('unsupported');
    expect(deviceProblemOf(new Error('something odd'))).toBe('failed');
    // The capture module's own errors carry the problem already.
    expect(deviceProblemOf(microphoneError('no-microphone'))).toBe('missing');
    expect(deviceProblemOf(microphoneError('denied'))).toBe('denied');
    expect(deviceProblemOf(microphoneError('ended'))).toBe('ended');
    expect(deviceProblemOf(microphoneError('unsupported'))).toBe('unsupported');
  });

  it('fails a denied or missing camera, and says interviews work without it', () => {
    const denied = cameraOutcome({ state: 'problem', problem: 'denied' });
    expect(denied).toMatchObject({ status: 'failed', meaning: { key: 'checks.camera.problem.denied' }, stillWorks: { key: 'checks.camera.stillWorks' } });
    expect(cameraOutcome({ state: 'problem', problem: 'missing' }).meaning.key).toBe('checks.camera.problem.missing');
  });

  it('passes the camera once a face is found, and warns when there is none or tracking cannot run', () => {
    expect(cameraOutcome({ state: 'working', tracking: 'on', face: 'looking' }).status).toBe('ok');
    expect(cameraOutcome({ state: 'working', tracking: 'on', face: 'face' })).toMatchObject({ status: 'ok', meaning: { key: 'checks.camera.faceLookingAway' } });
    expect(cameraOutcome({ state: 'working', tracking: 'on', face: 'no-face' }).status).toBe('warning');
    expect(cameraOutcome({ state: 'working', tracking: 'on', face: 'waiting' }).status).toBe('not-checked');
    const untracked = cameraOutcome({ state: 'working', tracking: 'unavailable', face: 'waiting', detail: 'HTTP 404' });
    expect(untracked).toMatchObject({ status: 'warning', detail: 'HTTP 404', stillWorks: { key: 'checks.camera.stillWorksWithoutTracking' } });
  });

  it('decides face / looking / no face over a window of frames, not one frame', () => {
    expect(faceSeenIn([], 10)).toBe('waiting');
    expect(faceSeenIn([{ faceCount: 0, eyeContact: null }], 10)).toBe('waiting');
    const empty = Array.from({ length: 10 }, () => ({ faceCount: 0, eyeContact: null }));
    expect(faceSeenIn(empty, 10)).toBe('no-face');
    expect(faceSeenIn([...empty.slice(1), { faceCount: 1, eyeContact: false }], 10)).toBe('face');
    expect(faceSeenIn([{ faceCount: 1, eyeContact: false }, { faceCount: 1, eyeContact: true }], 10)).toBe('looking');
  });

  it('passes the microphone when speech-level sound is heard, and warns about silence only after a while', () => {
    expect(heardSpeech(0.001)).toBe(false);
    expect(heardSpeech(0.1)).toBe(true);
    expect(microphoneOutcome({ state: 'working', heard: true, seconds: 0.5 }).status).toBe('ok');
    expect(microphoneOutcome({ state: 'working', heard: false, seconds: SILENT_AFTER_SECONDS - 1 }).status).toBe('not-checked');
    expect(microphoneOutcome({ state: 'working', heard: false, seconds: SILENT_AFTER_SECONDS })).toMatchObject({ status: 'warning', stillWorks: { key: 'checks.microphone.stillWorks' } });
    expect(microphoneOutcome({ state: 'problem', problem: 'denied' })).toMatchObject({ status: 'failed', stillWorks: { key: 'checks.microphone.stillWorks' } });
  });

  it('says a software adapter (SwiftShader) means the smallest model only, with basic scoring the better choice', () => {
    const software = gpuOutcome({ state: 'checked', adapter: { description: 'google swiftshader', software: true }, unavailableReason: null, tier: { label: 'Tiny · SmolLM2 360M', vramMB: 376 } });
    expect(software).toMatchObject({ status: 'warning', meaning: { key: 'checks.gpu.software', params: { adapter: 'google swiftshader', tier: 'Tiny · SmolLM2 360M' } }, stillWorks: { key: 'checks.gpu.stillWorksSoftware' } });
    const none = gpuOutcome({ state: 'checked', adapter: null, unavailableReason: 'This browser has no WebGPU (try a recent Chrome or Edge).', tier: null });
    expect(none).toMatchObject({ status: 'failed', detail: 'This browser has no WebGPU (try a recent Chrome or Edge).', stillWorks: { key: 'checks.gpu.stillWorks' } });
    const hardware = gpuOutcome({ state: 'checked', adapter: { description: 'nvidia ampere', software: false }, unavailableReason: null, tier: { label: 'Large', vramMB: 2951.5 } });
    expect(hardware).toMatchObject({ status: 'ok', meaning: { params: { megabytes: 2952 } } });
    // An adapter without a description is still named.
    expect(gpuOutcome({ state: 'checked', adapter: { description: '', software: true }, unavailableReason: null, tier: null }).meaning.params?.adapter).toBe('SwiftShader');
  });

  it('grades free storage: too little to save, enough for interviews only, room for a model', () => {
    const checked = (free: number, persisted: boolean | null = true) => storageOutcome({ state: 'checked', estimate: { quotaBytes: free + 5, usageBytes: 5 }, persisted }, bytes);
    expect(checked(TOO_LITTLE_BYTES - 1).status).toBe('failed');
    expect(checked(TOO_LITTLE_BYTES)).toMatchObject({ status: 'warning', meaning: { key: 'checks.storage.low', params: { free: `${TOO_LITTLE_BYTES} B` } } });
    expect(checked(ROOM_FOR_MODEL_BYTES).status).toBe('ok');
    expect(checked(ROOM_FOR_MODEL_BYTES, false).note).toEqual({ key: 'checks.storage.notPersisted' });
    expect(checked(ROOM_FOR_MODEL_BYTES, null).note).toBeNull();
    // Usage above the quota (it happens with some estimates) is no free space, not a negative amount.
    expect(storageOutcome({ state: 'checked', estimate: { quotaBytes: 5, usageBytes: 9 }, persisted: null }, bytes).meaning.params?.free).toBe('0 B');
  });

  it('offers installing, or explains the browser menu when the browser made no offer, and passes once installed', () => {
    expect(installOutcome({ standalone: false, promptAvailable: true, installedNow: false })).toMatchObject({ status: 'warning', meaning: { key: 'checks.install.offer' } });
    expect(installOutcome({ standalone: false, promptAvailable: false, installedNow: false })).toMatchObject({ status: 'warning', meaning: { key: 'checks.install.fromMenu' }, stillWorks: { key: 'checks.install.stillWorks' } });
    expect(installOutcome({ standalone: true, promptAvailable: false, installedNow: false }).status).toBe('ok');
  });

  it('says typing still works when the sample could not be answered aloud', () => {
    const typed = sampleOutcome({ state: 'scored', answeredBy: 'typing', voiceProblem: 'Voice transcription is not available: x. You can type your answers.', overall: 52.4 });
    expect(typed).toMatchObject({ status: 'warning', meaning: { params: { overall: 52 } }, stillWorks: { key: 'checks.sample.stillWorksTyping' } });
    expect(sampleOutcome({ state: 'scored', answeredBy: 'voice', voiceProblem: null, overall: 80 }).status).toBe('ok');
  });

  it('counts outcomes by status for the summary line', () => {
    const summary = summariseOutcomes([
      cameraOutcome({ state: 'problem', problem: 'denied' }),
      microphoneOutcome({ state: 'not-checked' }),
      installOutcome({ standalone: false, promptAvailable: false, installedNow: false }),
      installOutcome({ standalone: true, promptAvailable: false, installedNow: false }),
    ]);
    expect(summary).toEqual({ ok: 1, warning: 1, failed: 1, notChecked: 1 });
  });
});
