// Device settings as key/value rows: the device id, the outbox seq counter, and the organisation
// membership that sync needs (token, org, the name interviewers see, the pull cursor).
// Owns: reading and writing those keys. Must not import: Solid, the UI, fetch, the sync client.
import { ulid } from 'ulid';
import { getDb } from './db.ts';
import { withStorageErrors } from './storage-errors.ts';
import { readSetting } from './setting-rows.ts';

export interface OrgRef {
  id: string;
  name: string;
}

export interface SyncIdentity {
  deviceToken: string;
  org: OrgRef;
  candidateName: string;
  /** Set when the server refused the token (401): the candidate must join again. */
  needsRejoin: boolean;
}

/** The device's id, made on first use. It names this device to the server; it is not a secret. */
export function getDeviceId(): Promise<string> {
  return withStorageErrors(() =>
    getDb().transaction('rw', getDb().settings, async () => {
      const existing = await readSetting<string>('deviceId');
      if (existing) return existing;
      const id = ulid();
      await getDb().settings.put({ key: 'deviceId', value: id });
      return id;
    }),
  );
}

/** The organisation this device shares with, or null before the candidate joins one. */
export function getSyncIdentity(): Promise<SyncIdentity | null> {
  return withStorageErrors(async () => {
    const db = getDb();
    const rows = await db.settings.bulkGet(['deviceToken', 'org', 'candidateName', 'needsRejoin']);
    const [token, org, name, needsRejoin] = rows.map((row) => row?.value);
    if (typeof token !== 'string' || !org || typeof org !== 'object') return null;
    return {
      deviceToken: token,
      org: org as OrgRef,
      candidateName: typeof name === 'string' ? name : '',
      needsRejoin: needsRejoin === true,
    };
  });
}

export function saveSyncIdentity(identity: Omit<SyncIdentity, 'needsRejoin'>): Promise<void> {
  return withStorageErrors(async () => {
    await getDb().settings.bulkPut([
      { key: 'deviceToken', value: identity.deviceToken },
      { key: 'org', value: identity.org },
      { key: 'candidateName', value: identity.candidateName },
      { key: 'needsRejoin', value: false },
    ]);
  });
}

export function updateOrgName(name: string): Promise<void> {
  return withStorageErrors(() =>
    getDb().transaction('rw', getDb().settings, async () => {
      const org = await readSetting<OrgRef>('org');
      if (org && org.name !== name) await getDb().settings.put({ key: 'org', value: { ...org, name } });
    }),
  );
}

export function markNeedsRejoin(): Promise<void> {
  return withStorageErrors(async () => {
    await getDb().settings.put({ key: 'needsRejoin', value: true });
  });
}

/** Stops syncing. Pending events stay in the outbox and go out if the candidate joins again. */
export function clearSyncIdentity(): Promise<void> {
  return withStorageErrors(() => getDb().settings.bulkDelete(['deviceToken', 'org', 'needsRejoin', 'pullCursor']));
}

/** The name the candidate last gave, to prefill the join form. */
export function getCandidateName(): Promise<string> {
  return withStorageErrors(async () => (await readSetting<string>('candidateName')) ?? '');
}

export function getPullCursor(): Promise<string | null> {
  return withStorageErrors(async () => (await readSetting<string>('pullCursor')) ?? null);
}

export function savePullCursor(cursor: string): Promise<void> {
  return withStorageErrors(async () => {
    await getDb().settings.put({ key: 'pullCursor', value: cursor });
  });
}
