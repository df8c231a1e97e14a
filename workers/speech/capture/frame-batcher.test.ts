// Fixed-size frames out of arbitrary pieces: sizes, positions, fresh (transferable) arrays, flush.
import { describe, expect, it } from 'vitest';
import { FrameBatcher } from './frame-batcher.ts';

interface Emitted {
  frame: Float32Array;
  startSample: number;
}

function collecting(frameSamples: number): { batcher: FrameBatcher; frames: Emitted[] } {
  const frames: Emitted[] = [];
  const batcher = new FrameBatcher(frameSamples, (frame, startSample) => frames.push({ frame, startSample }));
  return { batcher, frames };
}

/** 0, 1, 2, … as samples, so a frame's contents show where it came from. */
function ramp(from: number, length: number): Float32Array {
  return Float32Array.from({ length }, (_, i) => from + i);
}

describe('FrameBatcher', () => {
  it('emits frames of exactly frameSamples with contiguous startSample, over ragged pieces', () => {
    const { batcher, frames } = collecting(512);
    let pushed = 0;
    for (const size of [128, 1, 0, 700, 3, 2000, 127, 511, 512, 513, 64]) {
      batcher.push(ramp(pushed, size));
      pushed += size;
    }
    expect(frames).toHaveLength(Math.floor(pushed / 512));
    frames.forEach(({ frame, startSample }, index) => {
      expect(frame).toHaveLength(512);
      expect(startSample).toBe(index * 512);
      // The samples are the input's, in order, none lost or repeated.
      expect(frame).toEqual(ramp(startSample, 512));
    });
  });

  it('emits several frames from one large piece, and none until a frame is full', () => {
    const { batcher, frames } = collecting(4);
    batcher.push(ramp(0, 3));
    expect(frames).toHaveLength(0);
    batcher.push(ramp(3, 1));
    expect(frames.map(({ startSample }) => startSample)).toEqual([0]);
    batcher.push(ramp(4, 10));
    expect(frames.map(({ startSample }) => startSample)).toEqual([0, 4, 8]);
    expect(frames.map(({ frame }) => Array.from(frame))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
  });

  it('gives each frame its own array: changing one leaves the next alone', () => {
    const { batcher, frames } = collecting(4);
    batcher.push(ramp(0, 4));
    frames[0]!.frame.fill(-1);
    batcher.push(ramp(4, 4));
    expect(Array.from(frames[1]!.frame)).toEqual([4, 5, 6, 7]);
    expect(frames[1]!.frame.buffer).not.toBe(frames[0]!.frame.buffer);
    expect(Array.from(frames[0]!.frame)).toEqual([-1, -1, -1, -1]);
  });

  it('gives each frame its own array: changing one inside the listener leaves the partial next frame alone', () => {
    // The listener runs mid-push, with the rest of the piece still to be copied into the next frame.
    const frames: number[][] = [];
    const batcher = new FrameBatcher(4, (frame) => {
      frames.push(Array.from(frame));
      frame.fill(-1);
    });
    batcher.push(ramp(0, 10));
    batcher.flush();
    expect(frames).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
  });

  it('copies its input: changing a piece after pushing it does not change the frames', () => {
    const { batcher, frames } = collecting(4);
    const piece = ramp(0, 6);
    batcher.push(piece);
    piece.fill(99);
    batcher.push(ramp(6, 2));
    expect(frames.map(({ frame }) => Array.from(frame))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
  });

  it('survives its frames’ buffers being transferred (detached) to another thread', () => {
    const { batcher, frames } = collecting(4);
    batcher.push(ramp(0, 6));
    const transferred = structuredClone(frames[0]!.frame.buffer, { transfer: [frames[0]!.frame.buffer] });
    expect(frames[0]!.frame.byteLength).toBe(0);
    expect(Array.from(new Float32Array(transferred))).toEqual([0, 1, 2, 3]);
    batcher.push(ramp(6, 6));
    batcher.flush();
    expect(frames.slice(1).map(({ frame }) => Array.from(frame))).toEqual([
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
  });

  it('flush() emits the partial frame, shorter, at the right position, and nothing when there is none', () => {
    const { batcher, frames } = collecting(4);
    batcher.flush();
    expect(frames).toHaveLength(0);
    batcher.push(ramp(0, 6));
    batcher.flush();
    expect(frames.map(({ frame, startSample }) => [Array.from(frame), startSample])).toEqual([
      [[0, 1, 2, 3], 0],
      [[4, 5], 4],
    ]);
    batcher.flush();
    expect(frames).toHaveLength(2);
    // Frames go on from where the flushed one ended.
    batcher.push(ramp(6, 4));
    expect(frames.map(({ startSample }) => startSample)).toEqual([0, 4, 6]);
    expect(Array.from(frames[2]!.frame)).toEqual([6, 7, 8, 9]);
  });

  it('flush() on a full boundary emits nothing more', () => {
    const { batcher, frames } = collecting(4);
    batcher.push(ramp(0, 8));
    batcher.flush();
    expect(frames.map(({ frame }) => frame.length)).toEqual([4, 4]);
  });

  it('counts samplesReceived, including those waiting in the partial frame', () => {
    const { batcher } = collecting(512);
    expect(batcher.samplesReceived).toBe(0);
    batcher.push(new Float32Array(100));
    expect(batcher.samplesReceived).toBe(100);
    batcher.push(new Float32Array(1000));
    expect(batcher.samplesReceived).toBe(1100);
    batcher.flush();
    expect(batcher.samplesReceived).toBe(1100);
    batcher.push(new Float32Array(0));
    expect(batcher.samplesReceived).toBe(1100);
  });

  it('samplesReceived after flush() is one past the last sample emitted (the capture’s endSample)', () => {
    const { batcher, frames } = collecting(512);
    batcher.push(new Float32Array(1300));
    batcher.flush();
    const last = frames[frames.length - 1]!;
    expect(last.startSample + last.frame.length).toBe(batcher.samplesReceived);
  });

  it.each([0, -1, 1.5, Number.NaN])('throws RangeError for frameSamples %s', (frameSamples) => {
    expect(() => new FrameBatcher(frameSamples, () => {})).toThrow(RangeError);
  });

  it('works with frames of one sample', () => {
    const { batcher, frames } = collecting(1);
    batcher.push(ramp(0, 3));
    expect(frames.map(({ frame, startSample }) => [Array.from(frame), startSample])).toEqual([
      [[0], 0],
      [[1], 1],
      [[2], 2],
    ]);
  });
});
