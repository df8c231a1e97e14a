// Gives a MediaRecorder WebM file its duration. Recorded "live" (with a timeslice, and by older
// Chromium versions always), the Segment has an unknown size and Info has no Duration, so an <audio>
// element reports `duration` as Infinity and its scrubber cannot be used. (Chromium 156 without a
// timeslice finishes the file itself: Duration, SeekHead and Cues; such a file is left as it is.) This reads the blocks' timestamps, works out how long the audio
// is, and writes a Duration element into Info. Only Info grows, and the Segment's size is unknown
// (or is grown to match), so nothing else moves; a file with a SeekHead or Cues (whose byte offsets
// would move) is left as it was.
// Owns: the little EBML reading and writing this needs. Must not import: anything (pure; Node tests).

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  seekHead: 0x114d9b74,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  cluster: 0x1f43b675,
  cues: 0x1c53bb6b,
  tags: 0x1254c367,
  chapters: 0x1043a770,
  attachments: 0x1941a469,
  timecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
} as const;

/** Elements that sit directly in the Segment: one of these ends a Cluster of unknown size. */
const SEGMENT_CHILDREN = new Set<number>([ID.seekHead, ID.info, ID.tracks, ID.cluster, ID.cues, ID.tags, ID.chapters, ID.attachments]);

const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;

export interface WebmDurationResult {
  bytes: Uint8Array;
  /** The file's duration in seconds: the one written, or the one it already had; null when unknown. */
  durationSeconds: number | null;
  /** Why the file was left unchanged, when it was. */
  unchanged: string | null;
}

interface Element {
  id: number;
  /** Offset of the ID's first byte. */
  start: number;
  /** Offset of the first byte of the data. */
  dataStart: number;
  /** Offset one past the data; for an unknown size, the end of what contains it. */
  end: number;
  sizeLength: number;
  unknownSize: boolean;
}

/**
 * Duration from the blocks' timestamps (the last block's start plus one frame), written into Info. `fallbackSeconds` is used when the file holds no block.
 */
export function withWebmDuration(input: Uint8Array, fallbackSeconds: number | null = null): WebmDurationResult {
  const unchanged = (reason: string): WebmDurationResult => ({ bytes: input, durationSeconds: null, unchanged: reason });
  const magic = encodeId(ID.ebml);
  if (input.length < magic.length || magic.some((byte, i) => input[i] !== byte)) return unchanged('not a WebM file (no EBML header)');
  let header: Element;
  let segment: Element;
  try {
    header = readElement(input, 0, input.length);
    segment = readElement(input, header.end, input.length);
    if (segment.id !== ID.segment) return unchanged('no Segment after the EBML header');
  } catch (error) {
    return unchanged(`not a readable WebM file: ${(error as Error).message}`);
  }

  let info: Element | null = null;
  let timecodeScale = DEFAULT_TIMECODE_SCALE_NS;
  let existingDuration: number | null = null;
  let hasOffsets = false;
  const blockTimes: number[] = [];
  try {
    for (const child of children(input, segment)) {
      if (child.id === ID.seekHead || child.id === ID.cues) hasOffsets = true;
      if (child.id === ID.info) {
        if (child.unknownSize) return unchanged('Info has an unknown size');
        info = child;
        for (const field of children(input, child)) {
          if (field.id === ID.timecodeScale) timecodeScale = readUint(input, field) || DEFAULT_TIMECODE_SCALE_NS;
          else if (field.id === ID.duration) existingDuration = readFloat(input, field);
        }
      } else if (child.id === ID.cluster) {
        let clusterTime = 0;
        for (const part of children(input, child)) {
          if (part.id === ID.timecode) clusterTime = readUint(input, part);
          else if (part.id === ID.simpleBlock) blockTimes.push(clusterTime + blockTimecode(input, part));
          else if (part.id === ID.blockGroup) {
            for (const inner of children(input, part)) if (inner.id === ID.block) blockTimes.push(clusterTime + blockTimecode(input, inner));
          }
        }
      }
    }
  } catch (error) {
    // A file cut short (a recorder stopped mid-write) still has its earlier blocks; use what was read.
    if (!info) return unchanged(`the file could not be read: ${(error as Error).message}`);
  }
  if (!info) return unchanged('no Info element');
  const unitSeconds = timecodeScale / 1e9;
  // A recorder that finished its file (Chromium without a timeslice) wrote the duration itself.
  if (existingDuration !== null && existingDuration > 0) return { bytes: input, durationSeconds: existingDuration * unitSeconds, unchanged: 'the file already has a duration' };
  if (hasOffsets) return unchanged('the file has byte offsets (SeekHead or Cues) that a longer Info would break');

  let durationUnits: number;
  if (blockTimes.length > 0) {
    // The last frame lasts as long as the shortest step between blocks: frames are back to back, and
    // a longer step is a gap in the recording, not a frame.
    const sorted = [...blockTimes].sort((a, b) => a - b);
    let frame = Infinity;
    for (let i = 1; i < sorted.length; i++) if (sorted[i]! > sorted[i - 1]!) frame = Math.min(frame, sorted[i]! - sorted[i - 1]!);
    durationUnits = sorted[sorted.length - 1]! + (Number.isFinite(frame) ? frame : 0);
  } else if (fallbackSeconds !== null && fallbackSeconds > 0) {
    durationUnits = fallbackSeconds / unitSeconds;
  } else {
    return unchanged('no audio blocks and no measured duration');
  }

  // Info's fields, less any Duration already there, then the new Duration (a float64).
  const fields: Uint8Array[] = [];
  for (const field of children(input, info)) {
    if (field.id !== ID.duration) fields.push(input.subarray(field.start, field.end));
  }
  const duration = new Uint8Array(8);
  new DataView(duration.buffer).setFloat64(0, durationUnits);
  fields.push(concat([encodeId(ID.duration), encodeSize(8), duration]));
  const body = concat(fields);
  const newInfo = concat([encodeId(ID.info), encodeSize(body.length, info.sizeLength), body]);
  const growth = newInfo.length - (info.end - info.start);

  let segmentHeader = input.subarray(segment.start, segment.dataStart);
  if (!segment.unknownSize) {
    const size = segment.end - segment.dataStart + growth;
    segmentHeader = concat([encodeId(ID.segment), encodeSize(size, segment.sizeLength)]);
  }
  const bytes = concat([
    input.subarray(0, segment.start),
    segmentHeader,
    input.subarray(segment.dataStart, info.start),
    newInfo,
    input.subarray(info.end),
  ]);
  return { bytes, durationSeconds: durationUnits * unitSeconds, unchanged: null };
}

function readElement(bytes: Uint8Array, at: number, parentEnd: number): Element {
  const id = readVint(bytes, at, true);
  const size = readVint(bytes, at + id.length, false);
  const dataStart = at + id.length + size.length;
  const end = size.unknown ? parentEnd : dataStart + size.value;
  if (end > parentEnd) throw new RangeError(`element 0x${id.value.toString(16)} at ${at} runs past its container`);
  return { id: id.value, start: at, dataStart, end, sizeLength: size.length, unknownSize: size.unknown };
}

/** The children of `parent`; a child of unknown size ends where a sibling-level element begins. */
function* children(bytes: Uint8Array, parent: Element): Generator<Element> {
  let at = parent.dataStart;
  while (at < parent.end) {
    // An unknown-size Cluster has no end of its own: it ends where the next Segment-level element starts.
    if (parent.unknownSize && parent.id !== ID.segment && SEGMENT_CHILDREN.has(readVint(bytes, at, true).value)) {
      parent.end = at;
      return;
    }
    const child = readElement(bytes, at, parent.end);
    yield child;
    at = child.end;
  }
}

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } {
  const first = bytes[at];
  if (first === undefined) throw new RangeError(`no data at ${at}`);
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8) throw new RangeError(`bad variable-length integer at ${at}`);
  if (at + length > bytes.length) throw new RangeError(`variable-length integer at ${at} runs past the end`);
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = (first & (0xff >> length)) === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    if (bytes[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function readFloat(bytes: Uint8Array, element: Element): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset + element.dataStart, element.end - element.dataStart);
  if (view.byteLength === 4) return view.getFloat32(0);
  if (view.byteLength === 8) return view.getFloat64(0);
  return null;
}

function readUint(bytes: Uint8Array, element: Element): number {
  let value = 0;
  for (let i = element.dataStart; i < element.end; i++) value = value * 256 + bytes[i]!;
  return value;
}

/** A (Simple)Block's timestamp relative to its Cluster: a signed 16-bit number after the track number. */
function blockTimecode(bytes: Uint8Array, block: Element): number {
  const track = readVint(bytes, block.dataStart, false);
  const at = block.dataStart + track.length;
  if (at + 2 > block.end) throw new RangeError(`block at ${block.start} is too short`);
  const raw = (bytes[at]! << 8) | bytes[at + 1]!;
  return raw >= 0x8000 ? raw - 0x10000 : raw;
}

function encodeId(id: number): Uint8Array {
  const out: number[] = [];
  for (let rest = id; rest > 0; rest = Math.floor(rest / 256)) out.unshift(rest % 256);
  return Uint8Array.from(out);
}

/** A data size as a variable-length integer, `minLength` bytes or more (never the all-ones "unknown"). */
function encodeSize(size: number, minLength = 1): Uint8Array {
  let length = minLength;
  while (size >= 2 ** (7 * length) - 1) length++;
  if (length > 8) throw new RangeError(`size ${size} is too large`);
  const out = new Uint8Array(length);
  let rest = size;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0]! |= 0x80 >> (length - 1);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** For tests: the pieces of EBML that build a file. */
export const ebmlForTests = { ID, encodeId, encodeSize, concat };
