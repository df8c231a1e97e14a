import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInterviewState, snapshotOf } from '../interview/interview-machine.ts';
import { backupProgress, clearProgressBackup, readProgressBackup } from './draft-backup.ts';

class MemoryStorage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe('progress backup', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('round-trips a snapshot and clears it', () => {
    const snapshot = { ...snapshotOf(createInterviewState(2), 1_000), draft: 'typed just before the reload' };
    backupProgress('a', snapshot);
    backupProgress('b', snapshot);
    expect(readProgressBackup('a')).toEqual(snapshot);
    clearProgressBackup('a');
    expect(readProgressBackup('a')).toBeNull();
    clearProgressBackup();
    expect(readProgressBackup('b')).toBeNull();
  });

  it('ignores what it cannot read and works without localStorage', () => {
    globalThis.localStorage.setItem('interview-buddy:progress:x', '{not json');
    expect(readProgressBackup('x')).toBeNull();
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(() => backupProgress('x', snapshotOf(createInterviewState(1), 1))).not.toThrow();
    expect(readProgressBackup('x')).toBeNull();
  });
});
