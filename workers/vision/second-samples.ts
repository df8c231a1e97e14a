// Frames folded into one sample per second of the answer: what is stored with the turn and drawn in
// the report. Per-frame data is dropped once folded, so an answer of any length keeps only a few
// numbers a second.
// Owns: FrameObservation[] → VisionSample[]. Must not import: MediaPipe, DOM.
import type { FrameObservation, VisionSample } from './api.ts';

interface Bucket {
  frames: number;
  withFace: number;
  several: number;
  eyeContact: number;
  poses: { yaw: number; pitch: number; roll: number }[];
  movement: number[];
  smile: number[];
  browRaise: number[];
  jawTension: number[];
  blinks: number;
}

export class SecondSampler {
  #startMs = 0;
  #buckets = new Map<number, Bucket>();
  #lastPose: { yaw: number; pitch: number } | null = null;
  #eyesWereClosed = false;

  start(startMs: number): void {
    this.#startMs = startMs;
    this.#buckets.clear();
    this.#lastPose = null;
    this.#eyesWereClosed = false;
  }

  add(observation: FrameObservation): void {
    const second = Math.floor((observation.timestampMs - this.#startMs) / 1000);
    if (second < 0) return;
    const bucket = this.#bucket(second);
    bucket.frames++;
    if (observation.faceCount === 0) {
      this.#lastPose = null;
      return;
    }
    bucket.withFace++;
    if (observation.faceCount > 1) bucket.several++;
    if (observation.eyeContact) bucket.eyeContact++;
    const pose = observation.pose;
    if (pose) {
      bucket.poses.push(pose);
      if (this.#lastPose) bucket.movement.push((Math.abs(pose.yaw - this.#lastPose.yaw) + Math.abs(pose.pitch - this.#lastPose.pitch)) / 2);
      this.#lastPose = pose;
    }
    const expression = observation.expression;
    if (expression) {
      bucket.smile.push(expression.smile);
      bucket.browRaise.push(expression.browRaise);
      bucket.jawTension.push(expression.jawTension);
      // A blink is counted when the eyes close, not for every closed frame.
      if (expression.eyesClosed && !this.#eyesWereClosed) bucket.blinks++;
      this.#eyesWereClosed = expression.eyesClosed;
    }
  }

  samples(): VisionSample[] {
    return [...this.#buckets.entries()].sort(([a], [b]) => a - b).map(([second, bucket]) => toSample(second, bucket));
  }

  #bucket(second: number): Bucket {
    let bucket = this.#buckets.get(second);
    if (!bucket) {
      bucket = { frames: 0, withFace: 0, several: 0, eyeContact: 0, poses: [], movement: [], smile: [], browRaise: [], jawTension: [], blinks: 0 };
      this.#buckets.set(second, bucket);
    }
    return bucket;
  }
}

function toSample(second: number, bucket: Bucket): VisionSample {
  const average = (values: number[]) => (values.length === 0 ? null : round(values.reduce((sum, value) => sum + value, 0) / values.length));
  return {
    second,
    frames: bucket.frames,
    framesWithFace: bucket.withFace,
    framesWithSeveralFaces: bucket.several,
    eyeContact: bucket.withFace === 0 ? null : round(bucket.eyeContact / bucket.withFace),
    yaw: average(bucket.poses.map((pose) => pose.yaw)),
    pitch: average(bucket.poses.map((pose) => pose.pitch)),
    roll: average(bucket.poses.map((pose) => pose.roll)),
    headMovement: average(bucket.movement),
    smile: average(bucket.smile),
    browRaise: average(bucket.browRaise),
    jawTension: average(bucket.jawTension),
    blinks: bucket.blinks,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
