// "Delete everything": the candidate's data leaves this device, and the organisation's server too.
// Interviews go through the interview repository's own delete (deleteEverything), which appends an
// `interview.deleted` event for each one the server may have, so the copies shared earlier are deleted
// at the next sync. For those events to be sent, a device that joined an organisation stays joined:
// its membership settings are kept, and the screen says how to leave afterwards. Every other table
// (including ones added after this was written) is emptied, preferences are removed, and the
// downloaded AI models go too when the candidate asks.
// Kept: the device's id and event counter (the server knows this device by them), the membership when
// joined, and the display preferences in localStorage (language, theme), which are about the screen.
// Owns: what "everything" means. Must not import: Solid, the UI, fetch.
import type { SettingKey } from '../db.ts';
import { getDb } from '../db.ts';
import { deleteEverything } from '../interviews.ts';
import { notifyOutboxChanged } from '../outbox.ts';
import { getSyncIdentity } from '../settings.ts';
import { withStorageWrite } from '../storage-errors.ts';

/** Settings that survive: the device's identity always; the membership while joined; the model choice while the models stay. */
const ALWAYS_KEPT: readonly SettingKey[] = ['deviceId', 'seq'];
const KEPT_WHILE_JOINED: readonly SettingKey[] = ['deviceToken', 'org', 'candidateName', 'needsRejoin', 'pullCursor', 'clientConfig'];
const KEPT_WITH_MODELS: readonly SettingKey[] = ['localModel'];

/** Tables the repository already emptied, and the ones handled row by row below. */
const HANDLED_TABLES = new Set(['interviews', 'turns', 'settings', 'outbox']);

// The service worker's precache is the app itself (it must keep working offline); every other Cache
// Storage cache holds models or their runtimes: web-llm's, the download's staging, transformers.js's
// Whisper files, the speech and vision runtimes.
const APP_SHELL_CACHE = /^workbox-precache/;

export interface EraseOptions {
  /** Also delete downloaded AI models and their runtimes (they can be downloaded again). */
  models: boolean;
  now?: Date;
}

export interface EraseResult {
  interviews: number;
  /** The organisation the deletions will reach at the next sync, or null when the device never joined. */
  orgName: string | null;
  modelCachesDeleted: number;
}

/** Deletes the candidate's data from this device (and, through sync, from the organisation). */
export async function eraseEverything(options: EraseOptions): Promise<EraseResult> {
  const identity = await getSyncIdentity();
  const interviews = await deleteEverything(options.now);
  await withStorageWrite(async () => {
    const db = getDb();
    const kept = new Set<string>([...ALWAYS_KEPT, ...(identity ? KEPT_WHILE_JOINED : []), ...(options.models ? [] : KEPT_WITH_MODELS)]);
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) if (!HANDLED_TABLES.has(table.name)) await table.clear();
      await db.settings.filter((row) => !kept.has(row.key)).delete();
      // Deletion events carry only an interview's id and must still reach the server; any other event
      // describes data that no longer exists here.
      await db.outbox.filter((row) => row.type !== 'interview.deleted').delete();
    });
  });
  notifyOutboxChanged();
  const modelCachesDeleted = options.models ? await deleteModelCaches() : 0;
  return { interviews, orgName: identity?.org.name ?? null, modelCachesDeleted };
}

/** Deletes every Cache Storage cache except the app's own precache; returns how many went. */
export async function deleteModelCaches(): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  let deleted = 0;
  for (const name of await caches.keys()) {
    if (APP_SHELL_CACHE.test(name)) continue;
    if (await caches.delete(name)) deleted++;
  }
  return deleted;
}
