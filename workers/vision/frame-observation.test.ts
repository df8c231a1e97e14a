import { describe, expect, it } from 'vitest';
import { observeFrame, type LandmarkerResultLike } from './frame-observation.ts';

const IDENTITY = { data: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] };
// Turned 40° to the side: cos/sin about the vertical axis, column-major.
const TURNED = { data: [0.766, 0, -0.643, 0, 0, 1, 0, 0, 0.643, 0, 0.766, 0, 0, 0, 0, 1] };

function face(x: number, size: number) {
  return [
    { x, y: 0.2 },
    { x: x + size, y: 0.2 + size },
  ];
}

function blendshapes(scores: Record<string, number>) {
  return { categories: Object.entries(scores).map(([categoryName, score]) => ({ categoryName, score })) };
}

describe('observeFrame', () => {
  it('says there is no face, and nothing else, when there is none', () => {
    expect(observeFrame({ faceLandmarks: [] }, 10, 4)).toEqual({ timestampMs: 10, faceCount: 0, pose: null, eyeContact: null, expression: null, processingMs: 4 });
  });

  it('describes the largest face: the candidate, nearest the camera', () => {
    const result: LandmarkerResultLike = {
      faceLandmarks: [face(0.1, 0.1), face(0.4, 0.4)],
      faceBlendshapes: [blendshapes({ eyeLookOutLeft: 0.9 }), blendshapes({ mouthSmileLeft: 0.6, mouthSmileRight: 0.4, browInnerUp: 0.3, mouthPressLeft: 0.2, mouthPressRight: 0.4 })],
      facialTransformationMatrixes: [TURNED, IDENTITY],
    };
    const observation = observeFrame(result, 0, 1);
    expect(observation.faceCount).toBe(2);
    expect(observation.pose).toEqual({ yaw: 0, pitch: 0, roll: 0 });
    expect(observation.eyeContact).toBe(true);
    expect(observation.expression).toEqual({ smile: 0.5, browRaise: 0.3, jawTension: 0.3, eyesClosed: false });
  });

  it('does not count eye contact when the head is turned away, the eyes look away, or the eyes are closed', () => {
    const one = (matrix: { data: number[] }, scores: Record<string, number>) =>
      observeFrame({ faceLandmarks: [face(0.3, 0.3)], faceBlendshapes: [blendshapes(scores)], facialTransformationMatrixes: [matrix] }, 0, 1);
    expect(one(TURNED, {}).eyeContact).toBe(false);
    expect(one(IDENTITY, { eyeLookDownLeft: 0.7, eyeLookDownRight: 0.7 }).eyeContact).toBe(false);
    expect(one(IDENTITY, { eyeBlinkLeft: 0.9, eyeBlinkRight: 0.8 })).toMatchObject({ eyeContact: false, expression: { eyesClosed: true } });
    expect(one(IDENTITY, { eyeLookDownLeft: 0.2 }).eyeContact).toBe(true);
    expect(one(IDENTITY, {}).eyeContact).toBeNull();
  });
});
