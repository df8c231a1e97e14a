// The sync status as a Solid signal, for components. The store itself stays free of Solid so the
// sync client can run (and be tested) without it.
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { syncStore, type SyncSnapshot } from '../sync/sync-state.ts';

export function useSyncSnapshot(): Accessor<SyncSnapshot> {
  const [snapshot, setSnapshot] = createSignal(syncStore.get());
  onCleanup(syncStore.subscribe((next) => setSnapshot(() => next)));
  return snapshot;
}
