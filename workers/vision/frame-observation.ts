// What one FaceLandmarker result says about visible behaviour: how many faces, and for the largest
// one (the candidate, nearest the camera) the head pose, whether they look at the camera, and a few
// expression signals. These are observations ("looked away", "smiled"), never claims about feelings.
// Owns: result → FrameObservation. Must not import: MediaPipe at runtime (its result is plain data).
import type { ExpressionSignals, FrameObservation, HeadPose } from './api.ts';
import { headPoseFromMatrix } from './head-pose.ts';

/** The parts of MediaPipe's FaceLandmarkerResult this reads. */
export interface LandmarkerResultLike {
  faceLandmarks: readonly (readonly { x: number; y: number }[])[];
  faceBlendshapes?: readonly { categories: readonly { categoryName: string; score: number }[] }[];
  facialTransformationMatrixes?: readonly { data: ArrayLike<number> }[];
}

// A head turned or nodded further than this is not facing the camera, whatever the eyes do.
const MAX_FRONTAL_DEGREES = 15;
// Eye-look blendshapes above this mean the eyes are turned well away from straight ahead.
const MAX_EYE_LOOK = 0.45;
const EYES_CLOSED = 0.5;

export function observeFrame(result: LandmarkerResultLike, timestampMs: number, processingMs: number): FrameObservation {
  const faceCount = result.faceLandmarks.length;
  if (faceCount === 0) return { timestampMs, faceCount, pose: null, eyeContact: null, expression: null, processingMs };
  const main = largestFace(result.faceLandmarks);
  const matrix = result.facialTransformationMatrixes?.[main];
  const pose = matrix ? headPoseFromMatrix(matrix.data) : null;
  const scores = blendshapeScores(result.faceBlendshapes?.[main]?.categories ?? []);
  return {
    timestampMs,
    faceCount,
    pose,
    eyeContact: looksAtCamera(pose, scores),
    expression: scores.size > 0 ? expressionOf(scores) : null,
    processingMs,
  };
}

function largestFace(faces: LandmarkerResultLike['faceLandmarks']): number {
  let best = 0;
  let bestArea = -1;
  faces.forEach((landmarks, index) => {
    let minX = 1, maxX = 0, minY = 1, maxY = 0;
    for (const point of landmarks) {
      minX = Math.min(minX, point.x);
      maxX = Math.max(maxX, point.x);
      minY = Math.min(minY, point.y);
      maxY = Math.max(maxY, point.y);
    }
    const area = Math.max(0, maxX - minX) * Math.max(0, maxY - minY);
    if (area > bestArea) {
      best = index;
      bestArea = area;
    }
  });
  return best;
}

function blendshapeScores(categories: readonly { categoryName: string; score: number }[]): Map<string, number> {
  return new Map(categories.map((category) => [category.categoryName, category.score]));
}

const mean = (scores: Map<string, number>, ...names: string[]) => names.reduce((sum, name) => sum + (scores.get(name) ?? 0), 0) / names.length;

/** Null when there is too little to tell: no blendshapes for the eyes, and a head that faces the camera. */
function looksAtCamera(pose: HeadPose | null, scores: Map<string, number>): boolean | null {
  if (pose && (Math.abs(pose.yaw) > MAX_FRONTAL_DEGREES || Math.abs(pose.pitch) > MAX_FRONTAL_DEGREES)) return false;
  if (scores.size === 0) return null;
  const eyesAway = ['eyeLookInLeft', 'eyeLookOutLeft', 'eyeLookUpLeft', 'eyeLookDownLeft', 'eyeLookInRight', 'eyeLookOutRight', 'eyeLookUpRight', 'eyeLookDownRight'].some(
    (name) => (scores.get(name) ?? 0) > MAX_EYE_LOOK,
  );
  return !eyesAway && mean(scores, 'eyeBlinkLeft', 'eyeBlinkRight') < EYES_CLOSED;
}

function expressionOf(scores: Map<string, number>): ExpressionSignals {
  return {
    smile: round(mean(scores, 'mouthSmileLeft', 'mouthSmileRight')),
    browRaise: round(Math.max(scores.get('browInnerUp') ?? 0, mean(scores, 'browOuterUpLeft', 'browOuterUpRight'))),
    jawTension: round(Math.max(mean(scores, 'mouthPressLeft', 'mouthPressRight'), mean(scores, 'mouthRollLower', 'mouthRollUpper'))),
    eyesClosed: mean(scores, 'eyeBlinkLeft', 'eyeBlinkRight') >= EYES_CLOSED,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
