// Reads from the database as a Solid signal that updates whenever the data it read changes (Dexie's
// liveQuery), in this tab or another.
import { liveQuery } from 'dexie';
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { toStorageError } from '../data/storage-errors.ts';

export interface LiveQuery<T> {
  value: Accessor<T | undefined>;
  /** False until the first result arrived. */
  loaded: Accessor<boolean>;
  error: Accessor<Error | null>;
}

export function createLiveQuery<T>(query: () => Promise<T>): LiveQuery<T> {
  const [value, setValue] = createSignal<T>();
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<Error | null>(null);
  const subscription = liveQuery(query).subscribe({
    next: (result) => {
      setValue(() => result);
      setLoaded(true);
      setError(null);
    },
    error: (cause: unknown) => {
      const mapped = toStorageError(cause);
      setError(mapped instanceof Error ? mapped : new Error(String(mapped)));
      setLoaded(true);
    },
  });
  onCleanup(() => subscription.unsubscribe());
  return { value, loaded, error };
}
