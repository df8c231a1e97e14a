// A fixed-bucket latency histogram, as Prometheus keeps one: cumulative bucket counts, a sum and a
// count, and a quantile estimated the way histogram_quantile() does (linear inside the bucket), so
// the p95 on the dashboard and the one an external Prometheus computes from /metrics agree.
// Owns: the maths only. Must not import: Hono, a store, anything that does I/O.

/** Upper bounds in milliseconds; an implicit +Inf bucket follows the last. */
export const LATENCY_BUCKETS_MS: readonly number[] = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

export interface HistogramSnapshot {
  /** Upper bound (ms) and the number of observations at or below it, cumulative; the last is +Inf. */
  buckets: { le: number; count: number }[];
  sumMs: number;
  count: number;
}

export class LatencyHistogram {
  readonly #bounds: readonly number[];
  /** Per-bucket (not cumulative) counts; the extra last slot is +Inf. */
  readonly #counts: number[];
  #sum = 0;
  #count = 0;

  constructor(bounds: readonly number[] = LATENCY_BUCKETS_MS) {
    if (bounds.length === 0 || bounds.some((bound, i) => !(bound > 0) || (i > 0 && bound <= bounds[i - 1]!))) {
      throw new RangeError('Histogram bounds must be positive and strictly increasing, such as [5, 10, 25].');
    }
    this.#bounds = bounds;
    this.#counts = new Array<number>(bounds.length + 1).fill(0);
  }

  observe(ms: number): void {
    const value = Number.isFinite(ms) && ms > 0 ? ms : 0;
    let i = 0;
    while (i < this.#bounds.length && value > this.#bounds[i]!) i++;
    this.#counts[i]!++;
    this.#sum += value;
    this.#count++;
  }

  snapshot(): HistogramSnapshot {
    let running = 0;
    const buckets = this.#counts.map((n, i) => {
      running += n;
      return { le: i < this.#bounds.length ? this.#bounds[i]! : Number.POSITIVE_INFINITY, count: running };
    });
    return { buckets, sumMs: this.#sum, count: this.#count };
  }
}

/**
 * The q-quantile (0..1) of a snapshot, interpolated linearly inside its bucket from the bucket's lower
 * bound (0 for the first); an answer in the +Inf bucket is the highest finite bound, as in Prometheus.
 * Null without observations.
 */
export function histogramQuantile(snapshot: HistogramSnapshot, q: number): number | null {
  if (snapshot.count === 0) return null;
  const rank = Math.min(Math.max(q, 0), 1) * snapshot.count;
  let below = 0;
  let lower = 0;
  for (const bucket of snapshot.buckets) {
    if (bucket.count >= rank && bucket.count > below) {
      if (!Number.isFinite(bucket.le)) return lower;
      return lower + ((bucket.le - lower) * (rank - below)) / (bucket.count - below);
    }
    below = bucket.count;
    if (Number.isFinite(bucket.le)) lower = bucket.le;
  }
  return lower;
}
