// Any JavaScript value as short, readable text, the way a test report shows "expected" and "got":
// JSON-like, but it also says undefined, NaN, -0, 12n, Map, Set, functions and cycles, and it is
// bounded so a huge or endless structure cannot flood the screen.
// Owns: that text. Must not import: DOM, anything with side effects (the worker and the page use it).

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

export interface FormatOptions {
  /** Longest text returned; longer text ends with "…". */
  maxLength?: number;
}

export function formatValue(value: unknown, options: FormatOptions = {}): string {
  const maxLength = options.maxLength ?? 1_000;
  const text = format(value, 0, new Set());
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function format(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return value.name ? `[function ${value.name}]` : '[function]';
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.has(object)) return '[circular]';
  if (depth >= MAX_DEPTH) return Array.isArray(object) ? '[…]' : '{…}';
  seen.add(object);
  try {
    if (Array.isArray(object)) return `[${items(object, (item) => format(item, depth + 1, seen))}]`;
    if (object instanceof Map) return `Map(${object.size}) {${items([...object], ([key, item]) => `${format(key, depth + 1, seen)} => ${format(item, depth + 1, seen)}`)}}`;
    if (object instanceof Set) return `Set(${object.size}) {${items([...object], (item) => format(item, depth + 1, seen))}}`;
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : `Date(${object.toISOString()})`;
    if (object instanceof Error) return `${object.name}: ${object.message}`;
    if (object instanceof RegExp) return String(object);
    const prototype = Object.getPrototypeOf(object) as { constructor?: { name?: string } } | null;
    const name = prototype && prototype !== Object.prototype ? (prototype.constructor?.name ?? '') : '';
    const entries = Object.keys(object).map((key) => [key, (object as Record<string, unknown>)[key]] as const);
    const body = items(entries, ([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${format(item, depth + 1, seen)}`);
    return `${name ? `${name} ` : ''}{${body}}`;
  } finally {
    seen.delete(object);
  }
}

function items<T>(list: readonly T[], show: (item: T) => string): string {
  const shown = list.slice(0, MAX_ITEMS).map(show);
  if (list.length > MAX_ITEMS) shown.push(`… ${list.length - MAX_ITEMS} more`);
  return shown.join(', ');
}
