// Stored values to JSON and back, losslessly: IndexedDB keeps what structured clone keeps (Blobs,
// ArrayBuffers, typed arrays, Dates, Maps, Sets, undefined, NaN), and JSON keeps none of them. Each
// such value becomes a tagged object `{ "$ib": kind, … }`; bytes become base64. A stored plain object
// that happens to have its own `$ib` key is wrapped, so decoding never mistakes data for a tag.
// Owns: that encoding. Must not import: Dexie, Solid, the DOM beyond Blob (which Node has too).

export const TAG = '$ib';

const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedArrayKind = keyof typeof TYPED_ARRAYS;
type BytesKind = TypedArrayKind | 'ArrayBuffer' | 'DataView';

/** A value the file holds that cannot become a stored value again. The message names where it is. */
export class EncodedValueError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'EncodedValueError';
  }
}

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes arguments, so large arrays go through in chunks under the call-stack limit.
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// A key named "__proto__" in a file must stay a key: plain assignment would set the prototype instead.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function typedArrayKind(value: ArrayBufferView): TypedArrayKind | null {
  for (const [kind, ctor] of Object.entries(TYPED_ARRAYS)) if (value instanceof ctor) return kind as TypedArrayKind;
  return null;
}

/**
 * A stored value as JSON-safe data. Async because a Blob's bytes can only be read asynchronously;
 * run it outside any Dexie transaction (awaiting a Blob inside one would end the transaction).
 */
export async function encodeValue(value: unknown, path = '$'): Promise<unknown> {
  if (value === undefined) return { [TAG]: 'undefined' };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { [TAG]: 'number', value: String(value) };
  if (typeof value === 'bigint') return { [TAG]: 'bigint', value: value.toString() };
  if (typeof value !== 'object') throw new EncodedValueError(path, `a ${typeof value} cannot be stored`);

  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) items.push(await encodeValue(value[i], `${path}[${i}]`));
    return items;
  }
  if (value instanceof Date) return { [TAG]: 'date', iso: Number.isNaN(value.getTime()) ? null : value.toISOString() };
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    const base64 = bytesToBase64(new Uint8Array(await value.arrayBuffer()));
    if (typeof File !== 'undefined' && value instanceof File) {
      return { [TAG]: 'file', type: value.type, name: value.name, lastModified: value.lastModified, base64 };
    }
    return { [TAG]: 'blob', type: value.type, base64 };
  }
  if (value instanceof ArrayBuffer) return { [TAG]: 'bytes', kind: 'ArrayBuffer', base64: bytesToBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    const kind: BytesKind | null = value instanceof DataView ? 'DataView' : typedArrayKind(value);
    if (!kind) throw new EncodedValueError(path, 'an unknown kind of binary view cannot be exported');
    return { [TAG]: 'bytes', kind, base64: bytesToBase64(bytes) };
  }
  if (value instanceof Map) {
    const entries: unknown[] = [];
    let i = 0;
    for (const [key, item] of value) {
      entries.push([await encodeValue(key, `${path}<key ${i}>`), await encodeValue(item, `${path}<value ${i}>`)]);
      i++;
    }
    return { [TAG]: 'map', entries };
  }
  if (value instanceof Set) {
    const values: unknown[] = [];
    let i = 0;
    for (const item of value) values.push(await encodeValue(item, `${path}<item ${i++}>`));
    return { [TAG]: 'set', values };
  }
  if (value instanceof RegExp) return { [TAG]: 'regexp', source: value.source, flags: value.flags };

  // Structured clone reads every other object back as a plain one, own enumerable properties only.
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) setOwn(out, key, await encodeValue(record[key], `${path}.${key}`));
  return Object.prototype.hasOwnProperty.call(record, TAG) ? { [TAG]: 'object', value: out } : out;
}

function field<T>(tagged: Record<string, unknown>, name: string, check: (value: unknown) => value is T, path: string): T {
  const value = tagged[name];
  if (!check(value)) throw new EncodedValueError(path, `the "${String(tagged[TAG])}" value has no valid "${name}"`);
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && isPlainObject(value);

function decodeBase64(tagged: Record<string, unknown>, path: string): Uint8Array<ArrayBuffer> {
  const base64 = field(tagged, 'base64', isString, path);
  try {
    return base64ToBytes(base64);
  } catch {
    throw new EncodedValueError(path, 'the bytes are not valid base64');
  }
}

/** The inverse of `encodeValue`. Throws EncodedValueError, naming the path, on anything it did not make. */
export function decodeValue(value: unknown, path = '$'): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((item, i) => decodeValue(item, `${path}[${i}]`));
  if (!isPlain(value)) throw new EncodedValueError(path, `a ${typeof value} is not JSON data`);
  if (!Object.prototype.hasOwnProperty.call(value, TAG)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(out, key, decodeValue(value[key], `${path}.${key}`));
    return out;
  }

  const kind = value[TAG];
  switch (kind) {
    case 'undefined':
      return undefined;
    case 'number': {
      const text = field(value, 'value', isString, path);
      if (text === 'NaN') return Number.NaN;
      if (text === 'Infinity') return Number.POSITIVE_INFINITY;
      if (text === '-Infinity') return Number.NEGATIVE_INFINITY;
      throw new EncodedValueError(path, `"${text}" is not a number`);
    }
    case 'bigint': {
      const text = field(value, 'value', isString, path);
      if (!/^-?\d+$/.test(text)) throw new EncodedValueError(path, `"${text}" is not a whole number`);
      return BigInt(text);
    }
    case 'date': {
      const iso = value.iso;
      if (iso === null) return new Date(Number.NaN);
      const date = new Date(field(value, 'iso', isString, path));
      if (Number.isNaN(date.getTime())) throw new EncodedValueError(path, `"${String(iso)}" is not a date`);
      return date;
    }
    case 'blob':
      return new Blob([decodeBase64(value, path)], { type: field(value, 'type', isString, path) });
    case 'file':
      return new File([decodeBase64(value, path)], field(value, 'name', isString, path), {
        type: field(value, 'type', isString, path),
        lastModified: field(value, 'lastModified', isNumber, path),
      });
    case 'bytes': {
      const bytes = decodeBase64(value, path);
      const bytesKind = field(value, 'kind', isString, path);
      if (bytesKind === 'ArrayBuffer') return bytes.buffer;
      if (bytesKind === 'DataView') return new DataView(bytes.buffer);
      const ctor = (TYPED_ARRAYS as Record<string, (typeof TYPED_ARRAYS)[TypedArrayKind]>)[bytesKind];
      if (!ctor) throw new EncodedValueError(path, `"${bytesKind}" is not a kind of binary data`);
      if (bytes.byteLength % ctor.BYTES_PER_ELEMENT !== 0) throw new EncodedValueError(path, `the bytes do not fill a whole ${bytesKind}`);
      return new ctor(bytes.buffer);
    }
    case 'map': {
      const entries = field(value, 'entries', isArray, path);
      return new Map(
        entries.map((entry, i) => {
          if (!Array.isArray(entry) || entry.length !== 2) throw new EncodedValueError(`${path}<entry ${i}>`, 'a map entry must be [key, value]');
          return [decodeValue(entry[0], `${path}<key ${i}>`), decodeValue(entry[1], `${path}<value ${i}>`)];
        }),
      );
    }
    case 'set':
      return new Set(field(value, 'values', isArray, path).map((item, i) => decodeValue(item, `${path}<item ${i}>`)));
    case 'regexp':
      try {
        return new RegExp(field(value, 'source', isString, path), field(value, 'flags', isString, path));
      } catch {
        throw new EncodedValueError(path, 'not a valid regular expression');
      }
    case 'object': {
      const inner = field(value, 'value', isPlain, path);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(inner)) setOwn(out, key, decodeValue(inner[key], `${path}.${key}`));
      return out;
    }
    default:
      throw new EncodedValueError(path, `unknown kind of value "${String(kind)}"`);
  }
}
