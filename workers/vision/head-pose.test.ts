import { describe, expect, it } from 'vitest';
import { headPoseFromMatrix } from './head-pose.ts';

/** A 4x4 column-major matrix from a 3x3 rotation (rows), scaled, with a translation. */
function matrix(rows: number[][], scale = 1): number[] {
  const data = new Array<number>(16).fill(0);
  for (let row = 0; row < 3; row++) for (let column = 0; column < 3; column++) data[column * 4 + row] = rows[row]![column]! * scale;
  data[12] = 3;
  data[13] = -2;
  data[14] = -40;
  data[15] = 1;
  return data;
}

const rad = (degrees: number) => (degrees * Math.PI) / 180;
const rotY = (a: number) => [[Math.cos(a), 0, Math.sin(a)], [0, 1, 0], [-Math.sin(a), 0, Math.cos(a)]];
const rotX = (a: number) => [[1, 0, 0], [0, Math.cos(a), -Math.sin(a)], [0, Math.sin(a), Math.cos(a)]];
const rotZ = (a: number) => [[Math.cos(a), -Math.sin(a), 0], [Math.sin(a), Math.cos(a), 0], [0, 0, 1]];
const multiply = (a: number[][], b: number[][]) => a.map((row) => b[0]!.map((_, column) => row.reduce((sum, value, k) => sum + value * b[k]![column]!, 0)));

describe('headPoseFromMatrix', () => {
  it('reads a frontal face as zero angles, whatever its scale and position', () => {
    expect(headPoseFromMatrix(matrix(rotX(0), 7.5))).toEqual({ yaw: 0, pitch: 0, roll: 0 });
  });

  it('reads a turn, a nod and a tilt apart, and together in yaw-pitch-roll order', () => {
    expect(headPoseFromMatrix(matrix(rotY(rad(30))))?.yaw).toBeCloseTo(30, 1);
    expect(headPoseFromMatrix(matrix(rotX(rad(-20))))?.pitch).toBeCloseTo(-20, 1);
    expect(headPoseFromMatrix(matrix(rotZ(rad(12))))?.roll).toBeCloseTo(12, 1);
    const combined = multiply(multiply(rotY(rad(25)), rotX(rad(10))), rotZ(rad(-5)));
    expect(headPoseFromMatrix(matrix(combined, 3))).toEqual({ yaw: 25, pitch: 10, roll: -5 });
  });

  it('gives null for a matrix that is too short or degenerate', () => {
    expect(headPoseFromMatrix([1, 0, 0])).toBeNull();
    expect(headPoseFromMatrix(new Array<number>(16).fill(0))).toBeNull();
  });
});
