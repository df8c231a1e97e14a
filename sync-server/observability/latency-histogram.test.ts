import { describe, expect, it } from 'vitest';
import { histogramQuantile, LatencyHistogram } from './latency-histogram.ts';

describe('LatencyHistogram', () => {
  it('keeps cumulative bucket counts, a sum and a count, with +Inf last', () => {
    const histogram = new LatencyHistogram([10, 100]);
    for (const ms of [1, 10, 11, 100, 5000, -3]) histogram.observe(ms);
    expect(histogram.snapshot()).toEqual({
      buckets: [
        { le: 10, count: 3 },
        { le: 100, count: 5 },
        { le: Number.POSITIVE_INFINITY, count: 6 },
      ],
      sumMs: 1 + 10 + 11 + 100 + 5000,
      count: 6,
    });
  });

  it('refuses bounds that are not strictly increasing', () => {
    expect(() => new LatencyHistogram([10, 10])).toThrow(/strictly increasing/);
    expect(() => new LatencyHistogram([])).toThrow(RangeError);
  });
});

describe('histogramQuantile', () => {
  it('is null without observations', () => {
    expect(histogramQuantile(new LatencyHistogram().snapshot(), 0.95)).toBeNull();
  });

  it('interpolates inside the bucket that holds the rank, as Prometheus does', () => {
    const histogram = new LatencyHistogram([100, 200, 400]);
    // 90 fast requests, 10 between 200 and 400 ms: rank 95 is the 5th of the 10 in (200, 400].
    for (let i = 0; i < 90; i++) histogram.observe(50);
    for (let i = 0; i < 10; i++) histogram.observe(300);
    expect(histogramQuantile(histogram.snapshot(), 0.95)).toBeCloseTo(300, 6);
    expect(histogramQuantile(histogram.snapshot(), 0.5)).toBeCloseTo((50 / 90) * 100, 6);
    expect(histogramQuantile(histogram.snapshot(), 0.9)).toBeCloseTo(100, 6);
  });

  it('answers the highest finite bound when the rank is in +Inf', () => {
    const histogram = new LatencyHistogram([10, 20]);
    for (let i = 0; i < 10; i++) histogram.observe(99_999);
    expect(histogramQuantile(histogram.snapshot(), 0.95)).toBe(20);
  });

  it('skips empty buckets below the rank', () => {
    const histogram = new LatencyHistogram([10, 20, 40]);
    histogram.observe(35);
    expect(histogramQuantile(histogram.snapshot(), 1)).toBe(40);
    expect(histogramQuantile(histogram.snapshot(), 0.5)).toBeCloseTo(30, 6);
  });
});
