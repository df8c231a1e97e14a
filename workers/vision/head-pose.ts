// Head pose from MediaPipe's facial transformation matrix: the rotation that takes the canonical face
// to the detected one. Yaw is a turn left or right, pitch a nod, roll a tilt, in degrees.
// Owns: matrix → angles. Must not import: MediaPipe (the matrix is plain numbers).
import type { HeadPose } from './api.ts';

const DEGREES = 180 / Math.PI;

/**
 * `data` is the 4x4 matrix as MediaPipe gives it: 16 numbers, column-major (element (row r, column c)
 * at c * 4 + r). The rotation is read as R = Ry(yaw) · Rx(pitch) · Rz(roll), the usual order for a
 * head: turn, then nod, then tilt.
 */
export function headPoseFromMatrix(data: ArrayLike<number>): HeadPose | null {
  if (data.length < 16) return null;
  const at = (row: number, column: number) => data[column * 4 + row]!;
  // Scale is divided out column by column, since the matrix also scales the canonical face.
  const scale = [0, 1, 2].map((column) => Math.hypot(at(0, column), at(1, column), at(2, column)));
  if (scale.some((s) => !Number.isFinite(s) || s === 0)) return null;
  const r = (row: number, column: number) => at(row, column) / scale[column]!;
  const pitch = Math.asin(Math.max(-1, Math.min(1, -r(1, 2))));
  const yaw = Math.atan2(r(0, 2), r(2, 2));
  const roll = Math.atan2(r(1, 0), r(1, 1));
  return { yaw: round(yaw * DEGREES), pitch: round(pitch * DEGREES), roll: round(roll * DEGREES) };
}

// `+ 0` turns -0 (asin(-0)) into 0.
const round = (value: number) => Math.round(value * 10) / 10 + 0;
