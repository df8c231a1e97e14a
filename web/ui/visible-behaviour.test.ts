import { describe, expect, it } from 'vitest';
import type { VisionSample } from '../../workers/vision/api.ts';
import { answerBehaviour, describeAnswerBehaviour, describeInterviewBehaviour } from './visible-behaviour.ts';

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
});
