// The progress backup in real Chromium, on its real localStorage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInterviewState, snapshotOf } from '../interview/interview-machine.ts';
import { backupProgress, clearProgressBackup, readProgressBackup } from './draft-backup.ts';

const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');

/** Makes `localStorage` behave as where site data is blocked: reading the property throws. */
function blockSiteData(): void {
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  });
}

describe('progress backup', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    localStorage.clear();
  });

  it('round-trips a snapshot and clears it, leaving other keys alone', () => {
    localStorage.setItem('someone-else', 'kept');
    const snapshot = { ...snapshotOf(createInterviewState(2), 1_000), draft: 'typed just before the reload' };
    backupProgress('a', snapshot);
    backupProgress('b', snapshot);
    expect(readProgressBackup('a')).toEqual(snapshot);
    clearProgressBackup('a');
    expect(readProgressBackup('a')).toBeNull();
    expect(readProgressBackup('b')).toEqual(snapshot);
    clearProgressBackup();
    expect(readProgressBackup('b')).toBeNull();
    expect(localStorage.getItem('someone-else')).toBe('kept');
  });

  it('ignores what it cannot read', () => {
    localStorage.setItem('interview-buddy:progress:x', '{not json');
    localStorage.setItem('interview-buddy:progress:y', JSON.stringify({ v: 2, savedAt: 1 }));
    expect(readProgressBackup('x')).toBeNull();
    expect(readProgressBackup('y')).toBeNull();
  });

  it('keeps the last copy when storage is full', () => {
    const snapshot = snapshotOf(createInterviewState(1), 1);
    backupProgress('x', snapshot);
    // Chromium gives an origin about 5 MB of localStorage (UTF-16, so 10 MB of bytes here).
    expect(() => backupProgress('x', { ...snapshot, draft: 'x'.repeat(6_000_000) })).not.toThrow();
    expect(readProgressBackup('x')).toEqual(snapshot);
  });

  it('works where site data is blocked', () => {
    blockSiteData();
    expect(() => backupProgress('x', snapshotOf(createInterviewState(1), 1))).not.toThrow();
    expect(readProgressBackup('x')).toBeNull();
    expect(() => clearProgressBackup()).not.toThrow();
  });
});
