import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingInputs, problemKey, problemOfMediaError, requiredInputsOf, typingAllowed, type InputProblem, type RequiredInput } from './required-inputs.ts';

const template = (cameraRequired: boolean, voiceRequired: boolean) => ({ cameraRequired, voiceRequired });
const idle = { camera: 'off' as const, cameraTried: false, cameraLost: false, cameraProblem: null, microphone: null };

describe('what an assigned template requires of the device', () => {
  it('lists the camera and the microphone as the template asks', () => {
    expect(requiredInputsOf(template(false, false))).toEqual([]);
    expect(requiredInputsOf(template(true, false))).toEqual(['camera']);
    expect(requiredInputsOf(template(true, true))).toEqual(['camera', 'microphone']);
    expect(requiredInputsOf(template(false, true))).toEqual(['microphone']);
  });

  it("reads getUserMedia's errors as what the candidate can do", () => {
    expect(problemOfMediaError(new DOMException('no', 'NotAllowedError'))).toEqual({ problem: 'denied' });
    expect(problemOfMediaError(new DOMException('none', 'NotFoundError'))).toEqual({ problem: 'not-found' });
    expect(problemOfMediaError(new DOMException('busy', 'NotReadableError'))).toEqual({ problem: 'in-use' });
    expect(problemOfMediaError(new TypeError('no mediaDevices'))).toEqual({ problem: 'unsupported' });
    expect(problemOfMediaError(new Error('strange'))).toEqual({ problem: 'other', detail: 'strange' });
    expect(problemOfMediaError('odd')).toEqual({ problem: 'other', detail: 'odd' });
  });

  it('has words in English and Spanish for every input and problem', () => {
    const problems: InputProblem[] = ['denied', 'not-found', 'in-use', 'unsupported', 'stopped', 'other'];
    for (const language of ['en', 'es']) {
      const catalogue = JSON.parse(readFileSync(new URL(`../i18n/locales/${language}/assigned.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
      for (const input of ['camera', 'microphone'] as RequiredInput[]) {
        for (const problem of problems) {
          const value = problemKey({ input, problem })
            .split('.')
            .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
          expect(typeof value, `${language} ${input} ${problem}`).toBe('string');
        }
      }
    }
  });
});

describe('the required inputs missing during an assigned interview', () => {
  it('asks nothing of an interview not from a template, or whose template requires nothing', () => {
    expect(missingInputs(null, { ...idle, camera: 'failed' })).toEqual([]);
    expect(missingInputs(template(false, false), { ...idle, camera: 'failed', cameraTried: true })).toEqual([]);
  });

  it('does not count a camera still starting, or not yet tried, as missing', () => {
    expect(missingInputs(template(true, false), { ...idle, camera: 'starting', cameraTried: true })).toEqual([]);
    expect(missingInputs(template(true, false), idle)).toEqual([]);
    expect(missingInputs(template(true, false), { ...idle, camera: 'on', cameraTried: true })).toEqual([]);
  });

  it('counts a camera that failed, was turned off, or whose track ended', () => {
    expect(missingInputs(template(true, false), { ...idle, camera: 'failed', cameraTried: true, cameraProblem: { input: 'camera', problem: 'denied' } })).toEqual([
      { input: 'camera', problem: 'denied' },
    ]);
    expect(missingInputs(template(true, false), { ...idle, camera: 'off', cameraTried: true })).toEqual([{ input: 'camera', problem: 'stopped' }]);
    expect(missingInputs(template(true, false), { ...idle, camera: 'on', cameraTried: true, cameraLost: true })).toEqual([{ input: 'camera', problem: 'stopped' }]);
  });

  it('counts a required microphone that could not open or stopped', () => {
    expect(missingInputs(template(false, true), { ...idle, microphone: { input: 'microphone', problem: 'not-found' } })).toEqual([{ input: 'microphone', problem: 'not-found' }]);
    expect(missingInputs(template(false, false), { ...idle, microphone: { input: 'microphone', problem: 'not-found' } })).toEqual([]);
  });
});

describe('typing an answer', () => {
  it('is allowed unless the template requires voice', () => {
    expect(typingAllowed(null, 'off')).toBe(true);
    expect(typingAllowed(template(true, false), 'off')).toBe(true);
    expect(typingAllowed(template(false, true), 'off')).toBe(false);
    expect(typingAllowed(template(false, true), 'listening')).toBe(false);
    expect(typingAllowed(template(false, true), 'failed')).toBe(false);
  });

  it('comes back when voice is required but speech to text cannot run on this device', () => {
    expect(typingAllowed(template(false, true), 'unavailable')).toBe(true);
  });
});
