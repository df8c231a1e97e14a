// Progress arithmetic and throttling, on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { ProgressTracker, type DownloadProgress } from './download-progress.ts';

function tracker(intervalMs = 250) {
  let now = 0;
  const reports: DownloadProgress[] = [];
  const progress = new ProgressTracker({ onProgress: (report) => reports.push(report), intervalMs, now: () => now });
  return { progress, reports, advance: (ms: number) => (now += ms) };
}

describe('ProgressTracker', () => {
  it('reports speed over the recent window and the time left', () => {
    const { progress, reports, advance } = tracker();
    progress.adjust(0, 10_000);
    progress.startFile('https://m/x.bin', 0);
    for (let i = 0; i < 4; i++) {
      advance(1000);
      progress.received(1000);
    }
    const last = reports.at(-1)!;
    expect(last).toMatchObject({ loadedBytes: 4000, totalBytes: 10_000, file: 'https://m/x.bin', resumedFromBytes: 0 });
    expect(last.bytesPerSecond).toBe(1000);
    expect(last.secondsLeft).toBe(6);
  });

  it('counts staged and cached bytes as loaded but not in the speed', () => {
    const { progress, reports, advance } = tracker();
    progress.adjust(5000, 10_000);
    progress.startFile('https://m/x.bin', 5000);
    advance(1000);
    progress.received(100);
    advance(1000);
    progress.received(100);
    expect(reports.at(-1)).toMatchObject({ loadedBytes: 5200, resumedFromBytes: 5000, bytesPerSecond: 100 });
    expect(progress.fetchedBytes).toBe(200);
  });

  it('drops reports closer than the interval, but never a forced one', () => {
    const { progress, reports, advance } = tracker(250);
    progress.adjust(0, 1000);
    progress.startFile('https://m/x.bin', 0);
    for (let i = 0; i < 10; i++) {
      advance(10);
      progress.received(100);
    }
    expect(reports).toHaveLength(1);
    progress.report(true);
    expect(reports.at(-1)).toMatchObject({ loadedBytes: 1000, secondsLeft: 0 });
  });

  it('has no speed and no estimate before anything arrived', () => {
    const { progress, reports } = tracker();
    progress.adjust(0, 1000);
    progress.startFile('https://m/x.bin', 0);
    expect(reports[0]).toMatchObject({ bytesPerSecond: 0, secondsLeft: null });
  });
});
