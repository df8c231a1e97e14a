// One setting row read or written: the primitive that the settings modules (sync identity, AI
// preferences, interview preferences) share. Reads run inside the caller's transaction when there is
// one; writes map a full disk to StorageFullError.
// Owns: the settings table's key/value access. Must not import: Solid, the UI.
import { getDb, type SettingKey } from './db.ts';
import { withStorageErrors } from './storage-errors.ts';

export async function readSetting<T>(key: SettingKey): Promise<T | undefined> {
  const row = await getDb().settings.get(key);
  return row?.value as T | undefined;
}

export function writeSetting(key: SettingKey, value: unknown): Promise<void> {
  return withStorageErrors(async () => {
    await getDb().settings.put({ key, value });
  });
}
