import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeValue, EncodedValueError, encodeValue } from './value-codec.ts';

async function roundTrip(value: unknown): Promise<unknown> {
  return decodeValue(JSON.parse(JSON.stringify(await encodeValue(value))));
}

describe('value codec', () => {
  it('keeps plain JSON data as it is', async () => {
    const value = { id: 'a', n: 1.5, ok: true, none: null, list: [1, 'two', { three: 3 }] };
    expect(await encodeValue(value)).toEqual(value);
    expect(await roundTrip(value)).toEqual(value);
  });

  it('round-trips Blobs with their type and exact bytes, through JSON text', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const back = (await roundTrip({ audio: new Blob([bytes], { type: 'audio/webm;codecs=opus' }) })) as { audio: Blob };
    expect(back.audio).toBeInstanceOf(Blob);
    expect(back.audio.type).toBe('audio/webm;codecs=opus');
    expect(new Uint8Array(await back.audio.arrayBuffer())).toEqual(bytes);
  });

  it('round-trips Files with their name and date', async () => {
    const back = (await roundTrip(new File(['hello'], 'notes.txt', { type: 'text/plain', lastModified: 1_700_000_000_000 }))) as File;
    expect(back).toBeInstanceOf(File);
    expect(back.name).toBe('notes.txt');
    expect(back.lastModified).toBe(1_700_000_000_000);
    expect(await back.text()).toBe('hello');
  });

  it('round-trips ArrayBuffers, typed arrays and DataViews with their kind', async () => {
    const floats = new Float32Array([0.5, -1.25, 3e-5]);
    const back = (await roundTrip({ buffer: new Uint8Array([1, 2, 3]).buffer, floats, view: new DataView(new Uint8Array([9, 8]).buffer) })) as {
      buffer: ArrayBuffer;
      floats: Float32Array;
      view: DataView;
    };
    expect(back.buffer).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(back.buffer)]).toEqual([1, 2, 3]);
    expect(back.floats).toBeInstanceOf(Float32Array);
    expect([...back.floats]).toEqual([...floats]);
    expect(back.view).toBeInstanceOf(DataView);
    expect(back.view.getUint8(1)).toBe(8);
  });

  it('encodes only the viewed part of a typed array over a larger buffer', async () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const back = (await roundTrip(whole.subarray(2, 4))) as Uint8Array;
    expect([...back]).toEqual([3, 4]);
  });

  it('round-trips what JSON loses: dates, undefined, NaN, infinities, bigints, maps, sets, regexps', async () => {
    const value = {
      at: new Date('2026-01-31T10:00:00.000Z'),
      missing: undefined,
      nan: Number.NaN,
      up: Number.POSITIVE_INFINITY,
      down: Number.NEGATIVE_INFINITY,
      big: 12345678901234567890n,
      map: new Map<unknown, unknown>([['a', 1], [2, new Date(0)]]),
      set: new Set(['x', 'y']),
      pattern: /ab+c/gi,
    };
    const back = (await roundTrip(value)) as typeof value;
    expect(back.at).toEqual(value.at);
    expect('missing' in back).toBe(true);
    expect(back.missing).toBeUndefined();
    expect(back.nan).toBeNaN();
    expect(back.up).toBe(Number.POSITIVE_INFINITY);
    expect(back.down).toBe(Number.NEGATIVE_INFINITY);
    expect(back.big).toBe(value.big);
    expect(back.map).toEqual(value.map);
    expect(back.set).toEqual(value.set);
    expect(back.pattern).toEqual(value.pattern);
  });

  it('does not mistake stored data that looks like a tag for one', async () => {
    const value = { $ib: 'blob', type: 'text/plain', base64: 'aGk=' };
    const back = await roundTrip(value);
    expect(back).toEqual(value);
    expect(back).not.toBeInstanceOf(Blob);
  });

  it('keeps a key named __proto__ as a key, without touching the prototype', () => {
    const back = decodeValue(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names where a damaged value is', () => {
    expect(() => decodeValue({ rows: [{ audio: { $ib: 'blob', type: 'audio/webm', base64: '***' } }] })).toThrowError(
      new EncodedValueError('$.rows[0].audio', 'the bytes are not valid base64'),
    );
    expect(() => decodeValue({ $ib: 'blob', base64: 'aGk=' })).toThrow(/"type"/);
    expect(() => decodeValue({ $ib: 'teleport' })).toThrow(/unknown kind of value "teleport"/);
    expect(() => decodeValue({ $ib: 'bytes', kind: 'Float32Array', base64: 'AQI=' })).toThrow(/whole Float32Array/);
    expect(() => decodeValue({ $ib: 'date', iso: 'yesterday' })).toThrow(/not a date/);
  });

  it('encodes base64 the same way as Node', () => {
    const bytes = new Uint8Array(100_001).map((_, i) => (i * 7 + 3) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
  });
});
