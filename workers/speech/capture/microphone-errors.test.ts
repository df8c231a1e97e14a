// What each browser failure means for the candidate, and what the message tells them to do.
import { describe, expect, it } from 'vitest';
import { MicrophoneError, microphoneError, microphoneErrorFromGetUserMedia, problemFromGetUserMediaError, type MicrophoneProblem } from './microphone-errors.ts';

const PROBLEMS: MicrophoneProblem[] = ['denied', 'no-microphone', 'in-use', 'unsupported', 'ended', 'failed'];

/** What each problem's message must tell the candidate to do. */
const WHAT_TO_DO: Record<MicrophoneProblem, RegExp[]> = {
  denied: [/allow the microphone/i, /address bar|site settings/i, /try again/i],
  'no-microphone': [/plug one in|switch it on/i, /selected as the input/i, /try again/i],
  'in-use': [/another app or tab/i, /close other apps/i, /try again/i],
  unsupported: [/recent chrome, edge, firefox or safari/i, /https/i],
  ended: [/unplugged|access turned off/i, /check it/i, /start again/i],
  failed: [/reload the page/i, /restart the browser/i],
};

describe('problemFromGetUserMediaError', () => {
  it.each<[string, MicrophoneProblem]>([
    ['NotAllowedError', 'denied'],
    ['PermissionDeniedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'no-microphone'],
    ['DevicesNotFoundError', 'no-microphone'],
    ['OverconstrainedError', 'no-microphone'],
    ['NotReadableError', 'in-use'],
    ['TrackStartError', 'in-use'],
    ['AbortError', 'in-use'],
    ['NotSupportedError', 'unsupported'],
    ['InvalidStateError', 'failed'],
    ['UnknownError', 'failed'],
    ['', 'failed'],
  ])('maps a DOMException named %j to %s', (name, problem) => {
    expect(problemFromGetUserMediaError(new DOMException('whatever the browser says', name))).toBe(problem);
  });

  it('maps a TypeError (no audio requested, or an insecure page) to unsupported', () => {
    expect(problemFromGetUserMediaError(new TypeError('getUserMedia requires a secure context'))).toBe('unsupported');
  });

  it('maps an Error with a DOMException-like name the same way', () => {
    const error = new Error('legacy');
    error.name = 'NotAllowedError';
    expect(problemFromGetUserMediaError(error)).toBe('denied');
  });

  it.each([undefined, null, 'NotAllowedError', 42])('maps a thrown non-Error %j to failed', (thrown) => {
    expect(problemFromGetUserMediaError(thrown)).toBe('failed');
  });
});

describe('microphoneErrorFromGetUserMedia', () => {
  it.each<[string, MicrophoneProblem]>([
    ['NotAllowedError', 'denied'],
    ['NotFoundError', 'no-microphone'],
    ['OverconstrainedError', 'no-microphone'],
    ['NotReadableError', 'in-use'],
    ['AbortError', 'in-use'],
    ['NotSupportedError', 'unsupported'],
  ])('%s: a MicrophoneError (%s) saying what to do, without the browser’s words, keeping the cause', (name, problem) => {
    const cause = new DOMException('Permission denied by system xyzzy', name);
    const error = microphoneErrorFromGetUserMedia(cause);
    expect(error).toBeInstanceOf(MicrophoneError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MicrophoneError');
    expect(error.problem).toBe(problem);
    expect(error.cause).toBe(cause);
    for (const pattern of WHAT_TO_DO[problem]) expect(error.message).toMatch(pattern);
    expect(error.message).not.toContain('xyzzy');
    expect(error.message).not.toContain(name);
    expect(error.message).toBe(microphoneError(problem).message);
  });

  it('denied: tells the candidate to allow the microphone', () => {
    const error = microphoneErrorFromGetUserMedia(new DOMException('Permission denied', 'NotAllowedError'));
    expect(error.problem).toBe('denied');
    expect(error.message).toMatch(/allow the microphone for this site/i);
    expect(error.message).not.toContain('Permission denied');
  });

  it('failed: adds the browser’s name and message, since nothing else explains it', () => {
    const cause = new DOMException('The device did something odd', 'InvalidStateError');
    const error = microphoneErrorFromGetUserMedia(cause);
    expect(error.problem).toBe('failed');
    expect(error.message).toMatch(/reload the page/i);
    expect(error.message).toContain('(InvalidStateError: The device did something odd)');
    expect(error.cause).toBe(cause);
  });

  it('failed: gives just the name when the browser gave no message', () => {
    expect(microphoneErrorFromGetUserMedia(new DOMException('', 'UnknownError')).message).toMatch(/\(UnknownError\)$/);
  });

  it('failed: describes a thrown non-Error', () => {
    const error = microphoneErrorFromGetUserMedia('the audio service crashed');
    expect(error.problem).toBe('failed');
    expect(error.message).toContain('(the audio service crashed)');
    expect(error.cause).toBe('the audio service crashed');
  });

  it('passes a MicrophoneError through unchanged', () => {
    const original = microphoneError('in-use');
    expect(microphoneErrorFromGetUserMedia(original)).toBe(original);
  });
});

describe('microphoneError', () => {
  it.each(PROBLEMS)('%s: a message that tells the candidate what to do', (problem) => {
    const error = microphoneError(problem);
    expect(error.problem).toBe(problem);
    for (const pattern of WHAT_TO_DO[problem]) expect(error.message).toMatch(pattern);
    expect(error.message).toMatch(/\.$/);
    expect(error.cause).toBeUndefined();
    expect('cause' in error).toBe(false);
  });

  it('gives every problem its own message', () => {
    const messages = PROBLEMS.map((problem) => microphoneError(problem).message);
    expect(new Set(messages).size).toBe(PROBLEMS.length);
  });

  it('appends a detail in brackets, and keeps a cause', () => {
    const cause = new Error('inner');
    const error = microphoneError('unsupported', 'AudioWorklet is unavailable', cause);
    expect(error.message).toBe(`${microphoneError('unsupported').message} (AudioWorklet is unavailable)`);
    expect(error.cause).toBe(cause);
  });
});
