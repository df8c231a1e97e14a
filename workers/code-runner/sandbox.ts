// Locks the runner worker's globals down before candidate code runs: no network (fetch, XHR,
// WebSocket, EventSource, WebTransport, importScripts, nested workers, font loading), no storage
// (IndexedDB, Cache Storage, the origin-private file system, BroadcastChannel, Web Locks), no talking to the page (postMessage:
// the worker keeps its own reference), and no way to compile code at run time that would slip past
// the compile step (eval, the Function constructors, string timers), because `import()` in such
// code would reach the network. A worker has no DOM to begin with.
// This is defence in depth inside one short-lived worker that the page terminates at the time limit;
// a Content-Security-Policy on the worker script (connect-src 'none') would be a second wall, and
// needs the server to send it with the worker's script, which it does not do yet.
// Owns: the list of what candidate code must not reach. Must not import: anything (it runs first).

export class SandboxRestrictionError extends Error {
  override name = 'SandboxRestrictionError';
  constructor(what: string) {
    super(`${what} is not available here: challenge code runs without network, storage or access to the page. Solve it with plain JavaScript.`);
  }
}

/** Functions and constructors that are replaced by one that throws. */
const BLOCKED_CALLABLES = [
  'fetch',
  'fetchLater',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'importScripts',
  'Worker',
  'SharedWorker',
  // A font face loads its url() from the network, and workers have fonts too.
  'FontFace',
  'BroadcastChannel',
  'postMessage',
  'eval',
  'Function',
  'webkitRequestFileSystem',
  'webkitRequestFileSystemSync',
  'webkitResolveLocalFileSystemURL',
  'webkitResolveLocalFileSystemSyncURL',
] as const;

/** Objects whose every use throws. */
const BLOCKED_OBJECTS = ['indexedDB', 'caches', 'cookieStore', 'fonts'] as const;
const BLOCKED_NAVIGATOR = ['sendBeacon', 'storage', 'serviceWorker', 'locks'] as const;

function blockedCallable(what: string): () => never {
  const blocked = function () {
    throw new SandboxRestrictionError(what);
  };
  Object.defineProperty(blocked, 'name', { value: what });
  return blocked;
}

/** Properties already replaced (they are made non-configurable, so a second replace would throw). */
const replaced = new WeakMap<object, Set<string>>();

/** Replaces `name` wherever it is defined along `target`'s prototype chain; returns false if one could not be. */
function replace(target: object, name: string, make: (descriptor: PropertyDescriptor) => PropertyDescriptor): boolean {
  let ok = true;
  for (let holder: object | null = target; holder; holder = Object.getPrototypeOf(holder) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(holder, name);
    if (!descriptor || replaced.get(holder)?.has(name)) continue;
    try {
      Object.defineProperty(holder, name, { ...make(descriptor), configurable: false });
      let names = replaced.get(holder);
      if (!names) replaced.set(holder, (names = new Set()));
      names.add(name);
    } catch {
      ok = false;
    }
  }
  return ok;
}

const asValue = (value: unknown) => (descriptor: PropertyDescriptor): PropertyDescriptor => ({ value, writable: false, enumerable: descriptor.enumerable ?? false });
const asThrowingGetter = (what: string) => (descriptor: PropertyDescriptor): PropertyDescriptor => ({
  get() {
    throw new SandboxRestrictionError(what);
  },
  enumerable: descriptor.enumerable ?? false,
});

export interface LockDownResult {
  /** Names that were there and could not be replaced: the worker refuses to run candidate code then. */
  failed: string[];
}

/** Locks `scope` (the worker's global) down. Call once, after the runner has taken what it needs. */
export function lockDown(scope: typeof globalThis): LockDownResult {
  const failed: string[] = [];
  const must = (ok: boolean, name: string) => {
    if (!ok) failed.push(name);
  };

  for (const name of BLOCKED_CALLABLES) must(replace(scope, name, asValue(blockedCallable(name))), name);
  for (const name of BLOCKED_OBJECTS) must(replace(scope, name, asThrowingGetter(name)), name);
  const navigator = (scope as { navigator?: object }).navigator;
  if (navigator) for (const name of BLOCKED_NAVIGATOR) must(replace(navigator, name, asThrowingGetter(`navigator.${name}`)), `navigator.${name}`);

  // Every kind of function can reach its constructor, which compiles strings like eval does.
  const functionPrototypes = [
    Function.prototype,
    Object.getPrototypeOf(async function () {}) as object,
    Object.getPrototypeOf(function* () {}) as object,
    Object.getPrototypeOf(async function* () {}) as object,
  ];
  for (const prototype of functionPrototypes) must(replace(prototype, 'constructor', asValue(blockedCallable('The Function constructor'))), 'Function constructor');

  // Timers given a string compile it as code.
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const original = scope[name] as (handler: unknown, ...rest: unknown[]) => number;
    if (typeof original !== 'function') continue;
    const guarded = (handler: unknown, ...rest: unknown[]) => {
      if (typeof handler !== 'function') throw new SandboxRestrictionError(`${name} with a string of code`);
      return original.call(scope, handler, ...rest);
    };
    must(replace(scope, name, asValue(guarded)), name);
  }
  return { failed };
}
