// The store as the app uses it when it caches (read-cache/): the same Store, whose access-token lookup
// goes through the session cache, and whose writes tell the caches what they changed, after they
// commit and before the caller answers. Here, rather than in each route, so that no caller (a route,
// the live stream's session check, a later feature) can write without the caches hearing of it:
// - a push that accepted anything, or a stored shared recording: that organisation's interview texts;
// - a sign-out, a disabled or deleted member, a reused refresh token: every remembered session.
// A thrown write (nothing committed) invalidates nothing.
// Owns: which store writes invalidate what. Must not import: Hono, a database driver.
import type { Store } from '../db/store.ts';
import type { InterviewReadCache } from './interview-read-cache.ts';
import type { SessionCache } from './session-cache.ts';

export function invalidatingStore(store: Store, caches: { reads: InterviewReadCache; sessions: SessionCache }): Store {
  const { reads, sessions } = caches;
  const overrides: Partial<Store> = {
    findAccessSession: (accessHash, now) => sessions.find(accessHash, now),
    ingest: async (device, items, now) => {
      const outcome = await store.ingest(device, items, now);
      if (outcome.accepted.length > 0) await reads.invalidate(device.orgId);
      return outcome;
    },
    putRecording: async (input) => {
      const outcome = await store.putRecording(input);
      if (outcome === 'stored') await reads.invalidate(input.device.orgId);
      return outcome;
    },
    revokeSessionByAccessToken: async (accessHash, reason, now) => {
      const user = await store.revokeSessionByAccessToken(accessHash, reason, now);
      await sessions.forgetAll();
      return user;
    },
    setUserDisabled: async (input) => {
      const change = await store.setUserDisabled(input);
      if (input.disabled) await sessions.forgetAll();
      return change;
    },
    deleteUser: async (input) => {
      const change = await store.deleteUser(input);
      await sessions.forgetAll();
      return change;
    },
    rotateRefreshToken: async (input) => {
      const result = await store.rotateRefreshToken(input);
      if (!result.ok && result.reason === 'reused') await sessions.forgetAll();
      return result;
    },
  };
  // Every other member is the store's own, bound once (the stores keep private state on `this`).
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, name) {
      if (Object.hasOwn(overrides, name)) return overrides[name as keyof Store];
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      if (!bound.has(name)) bound.set(name, (value as (...args: unknown[]) => unknown).bind(target));
      return bound.get(name);
    },
  });
}
