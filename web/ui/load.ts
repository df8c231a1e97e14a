// Loads data for a screen into plain signals. Solid's createResource is avoided on purpose: a Dexie
// read that resolves inside the router's navigation transition was lost there, leaving the screen
// blank until a reload. Plain signals set after the await are always committed.
import { createEffect, createSignal, on, type Accessor } from 'solid-js';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: unknown };

export function createLoad<K, T>(key: Accessor<K | undefined>, load: (key: K) => Promise<T>): Accessor<Loaded<T>> {
  const [state, setState] = createSignal<Loaded<T>>({ status: 'loading' });
  let latest = 0;
  createEffect(
    on(key, (current) => {
      if (current === undefined) return;
      const ticket = ++latest;
      setState({ status: 'loading' });
      load(current).then(
        (value) => {
          if (ticket === latest) setState({ status: 'ready', value });
        },
        (error: unknown) => {
          if (ticket === latest) setState({ status: 'error', error });
        },
      );
    }),
  );
  return state;
}

/** The loaded value, undefined while loading or after an error. */
export function valueOf<T>(state: Loaded<T>): T | undefined {
  return state.status === 'ready' ? state.value : undefined;
}

/** The error, as an Error, or undefined. */
export function errorOf<T>(state: Loaded<T>): Error | undefined {
  if (state.status !== 'error') return undefined;
  return state.error instanceof Error ? state.error : new Error(String(state.error));
}
