// The WebM duration patch on files built here byte by byte: the duration read from the blocks'
// timestamps, Info grown and everything else unchanged, an old Duration replaced, a known Segment
// size grown with it, and the files it must leave alone.
import { describe, expect, it } from 'vitest';
import { ebmlForTests, withWebmDuration } from './webm-duration.ts';

const { ID, encodeId, encodeSize, concat } = ebmlForTests;
const UNKNOWN_SIZE = Uint8Array.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);

function element(id: number, ...body: Uint8Array[]): Uint8Array {
  const data = concat(body);
  return concat([encodeId(id), encodeSize(data.length), data]);
}

function unknownSizeElement(id: number, ...body: Uint8Array[]): Uint8Array {
  return concat([encodeId(id), UNKNOWN_SIZE, ...body]);
}

function uint(id: number, value: number, bytes = 4): Uint8Array {
  const data = new Uint8Array(bytes);
  for (let i = bytes - 1, rest = value; i >= 0; i--, rest = Math.floor(rest / 256)) data[i] = rest % 256;
  return element(id, data);
}

function float(id: number, value: number): Uint8Array {
  const data = new Uint8Array(8);
  new DataView(data.buffer).setFloat64(0, value);
  return element(id, data);
}

const ascii = (id: number, text: string) => element(id, new TextEncoder().encode(text));

/** A SimpleBlock on track 1 at `relative` units from its cluster, with a few bytes of "audio". */
function simpleBlock(relative: number): Uint8Array {
  const header = new Uint8Array(4);
  header[0] = 0x81; // track 1
  new DataView(header.buffer).setInt16(1, relative);
  header[3] = 0x80; // keyframe
  return element(ID.simpleBlock, header, Uint8Array.from([1, 2, 3, 4, 5]));
}

const ebmlHeader = element(ID.ebml, ascii(0x4282, 'webm'));
const tracks = element(ID.tracks, element(0xae, uint(0xd7, 1, 1)));

function info(...extra: Uint8Array[]): Uint8Array {
  return element(ID.info, uint(ID.timecodeScale, 1_000_000, 3), ascii(0x4d80, 'Chrome'), ...extra);
}

/** What Chromium's MediaRecorder writes: live, unknown sizes, no Duration, no SeekHead or Cues. */
function liveRecording(): Uint8Array {
  return concat([
    ebmlHeader,
    unknownSizeElement(
      ID.segment,
      info(),
      tracks,
      unknownSizeElement(ID.cluster, uint(ID.timecode, 0, 1), simpleBlock(0), simpleBlock(20), simpleBlock(40)),
      unknownSizeElement(ID.cluster, uint(ID.timecode, 1000, 2), simpleBlock(0), simpleBlock(20)),
    ),
  ]);
}

/** The Duration in Info (in TimecodeScale units), read the way a player does, or null. */
function durationIn(bytes: Uint8Array): number | null {
  const id = encodeId(ID.duration);
  for (let at = 0; at + 11 <= bytes.length; at++) {
    if (bytes[at] === id[0] && bytes[at + 1] === id[1] && bytes[at + 2] === 0x88) return new DataView(bytes.buffer, bytes.byteOffset + at + 3, 8).getFloat64(0);
  }
  return null;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let at = 0; at + needle.length <= haystack.length; at++) {
    for (let i = 0; i < needle.length; i++) if (haystack[at + i] !== needle[i]) continue outer;
    return at;
  }
  return -1;
}

describe('withWebmDuration', () => {
  it('writes the last block’s time plus one frame into Info of a live recording, moving nothing else', () => {
    const input = liveRecording();
    const { bytes, durationSeconds, unchanged } = withWebmDuration(input);
    expect(unchanged).toBeNull();
    // Blocks at 0, 20, 40 ms, then 1000 and 1020 ms: the last frame ends at 1040 ms.
    expect(durationSeconds).toBeCloseTo(1.04, 9);
    expect(durationIn(bytes)).toBe(1040);
    expect(durationIn(input)).toBeNull();
    // Info grew by one Duration element (2 ID + 1 size + 8 data bytes); the rest is byte for byte the same.
    expect(bytes.length).toBe(input.length + 11);
    const infoStart = indexOf(input, encodeId(ID.info));
    const oldInfo = info();
    expect(bytes.subarray(0, infoStart)).toEqual(input.subarray(0, infoStart));
    expect(bytes.subarray(infoStart + oldInfo.length + 11)).toEqual(input.subarray(infoStart + oldInfo.length));
    // Idempotent: a second pass replaces the Duration rather than adding another.
    const again = withWebmDuration(bytes);
    expect(again.bytes).toEqual(bytes);
  });

  it('leaves a file that already has its Duration (and SeekHead and Cues) as it is, and reports that duration', () => {
    const finished = concat([
      ebmlHeader,
      unknownSizeElement(ID.segment, element(ID.seekHead, uint(0x4dbb, 1)), info(float(ID.duration, 2940)), tracks, element(ID.cluster, uint(ID.timecode, 0, 1), simpleBlock(0), simpleBlock(60)), element(ID.cues, uint(0xbb, 1))),
    ]);
    expect(withWebmDuration(finished, 9)).toEqual({ bytes: finished, durationSeconds: 2.94, unchanged: 'the file already has a duration' });
  });

  it('reads a different TimecodeScale and blocks inside BlockGroups', () => {
    const group = element(ID.blockGroup, element(ID.block, Uint8Array.from([0x81, 0x00, 0x0a, 0x00, 9, 9])));
    const input = concat([
      ebmlHeader,
      unknownSizeElement(ID.segment, element(ID.info, uint(ID.timecodeScale, 10_000_000)), tracks, unknownSizeElement(ID.cluster, uint(ID.timecode, 0, 1), simpleBlock(0), group)),
    ]);
    // Units of 10 ms: blocks at 0 and 10 units, so 20 units = 0.2 s.
    expect(withWebmDuration(input).durationSeconds).toBeCloseTo(0.2, 9);
  });

  it('grows a known Segment size with Info', () => {
    const body = concat([info(), tracks, element(ID.cluster, uint(ID.timecode, 0, 1), simpleBlock(0), simpleBlock(20))]);
    const input = concat([ebmlHeader, encodeId(ID.segment), encodeSize(body.length, 8), body]);
    const { bytes } = withWebmDuration(input);
    const sizeAt = ebmlHeader.length + 4;
    const size = new DataView(bytes.buffer, bytes.byteOffset + sizeAt, 8).getBigUint64(0) & 0x00ff_ffff_ffff_ffffn;
    expect(Number(size)).toBe(body.length + 11);
    expect(bytes.length - (sizeAt + 8)).toBe(body.length + 11);
    expect(durationIn(bytes)).toBe(40);
  });

  it('keeps the blocks read before a file that was cut short', () => {
    const whole = liveRecording();
    const { durationSeconds } = withWebmDuration(whole.subarray(0, whole.length - 3));
    // The last block (1020 ms) is cut off; the one before it (1000 ms) is the last whole one, and a
    // frame is the shortest step between blocks (20 ms), not the jump between clusters.
    expect(durationSeconds).toBeCloseTo(1.02, 9);
  });

  it('uses the measured duration when there is no block, and leaves what it cannot patch alone', () => {
    const empty = concat([ebmlHeader, unknownSizeElement(ID.segment, info(), tracks)]);
    expect(withWebmDuration(empty, 2.5).durationSeconds).toBe(2.5);
    expect(withWebmDuration(empty).unchanged).toMatch(/no audio blocks/);

    const withSeekHead = concat([ebmlHeader, unknownSizeElement(ID.segment, element(ID.seekHead, uint(0x4dbb, 1)), info(), tracks)]);
    const seek = withWebmDuration(withSeekHead, 1);
    expect(seek.unchanged).toMatch(/SeekHead or Cues/);
    expect(seek.bytes).toBe(withSeekHead);

    const ogg = new TextEncoder().encode('OggS\0\x02 not webm');
    expect(withWebmDuration(ogg, 1)).toEqual({ bytes: ogg, durationSeconds: null, unchanged: 'not a WebM file (no EBML header)' });
    expect(withWebmDuration(ebmlHeader.subarray(0, 6), 1).unchanged).toMatch(/not a readable WebM file/);
  });
});
