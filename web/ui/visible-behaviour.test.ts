import { afterEach, describe, expect, it } from 'vitest';
import type { VisionSample } from '../../workers/vision/api.ts';
import { setUiLanguage } from '../i18n/i18n.ts';
import { answerBehaviour, describeAnswerBehaviour, describeInterviewBehaviour, VISIBLE_BEHAVIOUR_NOTE, visibleBehaviourNote } from './visible-behaviour.ts';

function sample(second: number, over: Partial<VisionSample> = {}): VisionSample {
  return {
    second,
    frames: 15,
    framesWithFace: 15,
    framesWithSeveralFaces: 0,
    eyeContact: 1,
    yaw: 0,
    pitch: 0,
    roll: 0,
    headMovement: 0.5,
    smile: 0.1,
    browRaise: 0.1,
    jawTension: 0.05,
    blinks: 0,
    ...over,
  };
}

describe('visible behaviour in words', () => {
  it('weights eye contact by frames with a face, and names what was seen', () => {
    const samples = [sample(0), sample(1, { eyeContact: 0.5 }), sample(2, { eyeContact: 0, smile: 0.7, headMovement: 2 }), sample(3, { framesWithFace: 0, eyeContact: null })];
    const behaviour = answerBehaviour(samples);
    expect(behaviour).toMatchObject({ seconds: 4, inView: 0.75, smiledSeconds: 1, headMovement: 'some', otherFaceSeconds: 0 });
    expect(behaviour.eyeContact).toBeCloseTo(0.5, 5);
    expect(describeAnswerBehaviour(behaviour)).toBe('Looked at the camera 50% of the time, in view 75% of the time, some head movement, smiled in 1 of 4 seconds.');
  });

  it('names a busy head as a lot of head movement', () => {
    const busy = answerBehaviour([sample(0, { headMovement: 4 }), sample(1, { headMovement: 5 })]);
    expect(busy.headMovement).toBe('a lot');
    expect(describeAnswerBehaviour(busy)).toBe('Looked at the camera 100% of the time, a lot of head movement, no smiles seen.');
  });

  it('says when nothing or no face was seen, and when another face was in view', () => {
    expect(describeAnswerBehaviour(answerBehaviour([]))).toBe('The camera saw nothing during this answer.');
    expect(describeAnswerBehaviour(answerBehaviour([sample(0, { framesWithFace: 0, eyeContact: null })]))).toBe('No face was in view during this answer.');
    const crowded = answerBehaviour([sample(0, { framesWithSeveralFaces: 3 }), sample(1)]);
    expect(describeAnswerBehaviour(crowded)).toBe('Looked at the camera 100% of the time, head steady, no smiles seen. Another face was in view for 1 s.');
  });

  it('sums up the interview over the answers the camera saw', () => {
    const answers = [answerBehaviour([sample(0), sample(1)]), answerBehaviour([sample(0, { eyeContact: 0, smile: 0.9 }), sample(1, { eyeContact: 0 })]), answerBehaviour([])];
    expect(describeInterviewBehaviour(answers)).toBe('Looked at the camera 50% of the time across 2 answers, and smiled in 1 of 2.');
    expect(describeInterviewBehaviour([answerBehaviour([])])).toBeNull();
  });

  describe('in Spanish', () => {
    afterEach(() => setUiLanguage('en'));

    it('says the same things in Spanish, with Spanish numbers and plurals', () => {
      setUiLanguage('es');
      const samples = [sample(0), sample(1, { eyeContact: 0.5 }), sample(2, { eyeContact: 0, smile: 0.7, headMovement: 2 }), sample(3, { framesWithFace: 0, eyeContact: null })];
      // Intl writes "50 %" with a narrow no-break space in Spanish.
      const spaced = (text: string) => text.replace(/\u202f|\u00a0/g, ' ');
      expect(spaced(describeAnswerBehaviour(answerBehaviour(samples)))).toBe(
        'Miraste a la cámara el 50 % del tiempo, estuviste a la vista el 75 % del tiempo, algo de movimiento de cabeza, sonreíste en 1 de 4 segundos.',
      );
      expect(describeAnswerBehaviour(answerBehaviour([]))).toBe('La cámara no vio nada durante esta respuesta.');
      const crowded = answerBehaviour([sample(0, { framesWithSeveralFaces: 3 }), sample(1)]);
      expect(spaced(describeAnswerBehaviour(crowded))).toBe('Miraste a la cámara el 100 % del tiempo, cabeza quieta, no se vio ninguna sonrisa. Había otra cara a la vista durante 1 s.');
      expect(spaced(describeInterviewBehaviour([answerBehaviour([sample(0)])])!)).toBe('Miraste a la cámara el 100 % del tiempo en una respuesta, y sonreíste en 0 de 1.');
      expect(visibleBehaviourNote()).toMatch(/^Esto describe lo que vio la cámara/);
    });

    it('keeps the English note for callers not yet translated, word for word the catalogue\'s', () => {
      setUiLanguage('en');
      expect(visibleBehaviourNote()).toBe(VISIBLE_BEHAVIOUR_NOTE);
    });
  });
});
