import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { isQuotaError, onStorageProblem, StorageFullError, StorageUnavailableError, toStorageError, withStorageErrors, withStorageWrite } from './storage-errors.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storage errors', () => {
  it('recognises a full disk however it is wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Error('outer', { cause: quota() }))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('fine'), quota()] })).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new Error('Something else'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('maps to errors with messages for the candidate', () => {
    const full = toStorageError(new Dexie.AbortError('aborted', quota()));
    expect(full).toBeInstanceOf(StorageFullError);
    expect((full as Error).message).toContain('Nothing you saved was lost');

    expect(toStorageError(new Dexie.MissingAPIError('IndexedDB API missing'))).toBeInstanceOf(StorageUnavailableError);
    expect(toStorageError(new Dexie.OpenFailedError('open failed', new DOMException('x', 'InvalidStateError')))).toBeInstanceOf(StorageUnavailableError);
    const other = new TypeError('bug');
    expect(toStorageError(other)).toBe(other);
  });

  it('announces a problem, and its end once a write succeeds again', async () => {
    const seen = vi.fn();
    const stop = onStorageProblem(seen);
    await expect(withStorageErrors(() => Promise.reject(quota()))).rejects.toBeInstanceOf(StorageFullError);
    expect(seen).toHaveBeenLastCalledWith(expect.any(StorageFullError));
    // A read that works says nothing about space; a write that works does.
    await withStorageErrors(() => Promise.resolve(1));
    expect(seen).toHaveBeenCalledTimes(1);
    await withStorageWrite(() => Promise.resolve(1));
    expect(seen).toHaveBeenLastCalledWith(null);
    stop();
  });

  it('leaves other errors alone and does not announce them', async () => {
    const seen = vi.fn();
    const stop = onStorageProblem(seen);
    await expect(withStorageErrors(() => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
    expect(seen).not.toHaveBeenCalled();
    stop();
  });
});
