import { describe, expect, it } from 'vitest';
import type { FrameObservation } from './api.ts';
import { SecondSampler } from './second-samples.ts';

function frame(timestampMs: number, over: Partial<FrameObservation> = {}): FrameObservation {
  return {
    timestampMs,
    faceCount: 1,
    pose: { yaw: 0, pitch: 0, roll: 0 },
    eyeContact: true,
    expression: { smile: 0.2, browRaise: 0.1, jawTension: 0.05, eyesClosed: false },
    processingMs: 30,
    ...over,
  };
}

describe('SecondSampler', () => {
  it('folds frames into one sample per second of the answer, counted from its start', () => {
    const sampler = new SecondSampler();
    sampler.start(1_000);
    sampler.add(frame(900)); // before the answer: not counted
    sampler.add(frame(1_000));
    sampler.add(frame(1_500, { eyeContact: false, pose: { yaw: 10, pitch: 4, roll: 0 } }));
    sampler.add(frame(2_100, { faceCount: 0, pose: null, eyeContact: null, expression: null }));
    sampler.add(frame(2_600, { faceCount: 2 }));
    const samples = sampler.samples();
    expect(samples.map((sample) => sample.second)).toEqual([0, 1]);
    expect(samples[0]).toMatchObject({ frames: 2, framesWithFace: 2, eyeContact: 0.5, yaw: 5, pitch: 2, headMovement: 7, smile: 0.2, blinks: 0 });
    expect(samples[1]).toMatchObject({ frames: 2, framesWithFace: 1, framesWithSeveralFaces: 1, eyeContact: 1, headMovement: null });
  });

  it('counts a blink when the eyes close, not once per closed frame', () => {
    const sampler = new SecondSampler();
    sampler.start(0);
    const closed = { smile: 0, browRaise: 0, jawTension: 0, eyesClosed: true };
    [false, true, true, false, true, false].forEach((eyesClosed, index) =>
      sampler.add(frame(index * 100, { expression: eyesClosed ? closed : { ...closed, eyesClosed: false } })),
    );
    expect(sampler.samples()[0]!.blinks).toBe(2);
  });

  it('has no eye-contact figure for a second without a face, and starts afresh for a new answer', () => {
    const sampler = new SecondSampler();
    sampler.start(0);
    sampler.add(frame(100, { faceCount: 0, pose: null, eyeContact: null, expression: null }));
    expect(sampler.samples()[0]).toMatchObject({ frames: 1, framesWithFace: 0, eyeContact: null, smile: null });
    sampler.start(5_000);
    expect(sampler.samples()).toEqual([]);
  });
});
