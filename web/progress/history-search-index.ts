// The questions-and-answers text the history search looks through, read only while there is
// something to search for: reading every turn costs more than the home screen should pay on every
// visit. It stays current while in use (Dexie's liveQuery), so a new answer is found at once.
// Owns: when the search text is read. Must not import: the screens.
import { liveQuery, type Subscription } from 'dexie';
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import { listTurnSearchText } from './history-reads.ts';

/** Null while not needed or not read yet; the search then looks at the interviews' own fields. */
export function createHistorySearchIndex(needed: Accessor<boolean>): Accessor<Map<string, string> | null> {
  const [index, setIndex] = createSignal<Map<string, string> | null>(null);
  let subscription: Subscription | null = null;
  const stop = () => {
    subscription?.unsubscribe();
    subscription = null;
  };
  createEffect(() => {
    if (!needed()) {
      stop();
      return;
    }
    if (subscription) return;
    subscription = liveQuery(listTurnSearchText).subscribe({
      next: (texts) => setIndex(texts),
      // Without the text the search still covers role, type and notes; the list says nothing is lost.
      error: (cause: unknown) => console.warn('The history search could not read questions and answers', cause),
    });
  });
  onCleanup(stop);
  return index;
}
