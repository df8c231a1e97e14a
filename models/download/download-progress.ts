// Progress of one model download as the candidate sees it: bytes done of the total, speed over the
// last few seconds (not since the start, so a resumed or stalled download shows the real rate), time
// left, and which file. Reports are throttled so a fast connection does not flood the UI; the first
// report of each file and the last report are never dropped.
// Owns: the arithmetic and the throttle. Must not import: fetch, Cache Storage, the UI.

export interface DownloadProgress {
  loadedBytes: number;
  totalBytes: number;
  /** Over the last few seconds; 0 until something arrived over the network. */
  bytesPerSecond: number;
  /** null while the speed is unknown. */
  secondsLeft: number | null;
  /** The URL of the file being downloaded. */
  file: string;
  /** Where the current file's request started: above 0 when it resumed staged bytes with a Range request. */
  resumedFromBytes: number;
}

export interface ProgressTrackerOptions {
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
  intervalMs?: number | undefined;
  now?: (() => number) | undefined;
}

const SPEED_WINDOW_MS = 5_000;
const DEFAULT_INTERVAL_MS = 250;

export class ProgressTracker {
  loadedBytes = 0;
  totalBytes = 0;
  file = '';
  resumedFromBytes = 0;
  readonly #onProgress: ((progress: DownloadProgress) => void) | undefined;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #lastReport = Number.NEGATIVE_INFINITY;
  /** (time, bytes received over the network so far), oldest first, trimmed to the speed window. */
  readonly #samples: { at: number; received: number }[] = [];
  #received = 0;

  constructor(options: ProgressTrackerOptions = {}) {
    this.#onProgress = options.onProgress;
    this.#intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Bytes that came over the network, whatever happened to them after. */
  get fetchedBytes(): number {
    return this.#received;
  }

  startFile(url: string, resumedFromBytes: number): void {
    this.file = url;
    this.resumedFromBytes = resumedFromBytes;
    this.report(true);
  }

  /** Bytes that arrived over the network. */
  received(bytes: number): void {
    this.loadedBytes += bytes;
    this.#received += bytes;
    const at = this.#now();
    this.#samples.push({ at, received: this.#received });
    while (this.#samples.length > 2 && this.#samples[0]!.at < at - SPEED_WINDOW_MS) this.#samples.shift();
    this.report(false);
  }

  /** Bytes already on the device (cached, or staged before), or taken back when a file starts over. */
  adjust(loadedDelta: number, totalDelta = 0): void {
    this.loadedBytes += loadedDelta;
    this.totalBytes += totalDelta;
  }

  report(force: boolean): void {
    if (!this.#onProgress) return;
    const now = this.#now();
    if (!force && now - this.#lastReport < this.#intervalMs) return;
    this.#lastReport = now;
    const bytesPerSecond = this.#bytesPerSecond();
    const left = Math.max(0, this.totalBytes - this.loadedBytes);
    this.#onProgress({
      loadedBytes: this.loadedBytes,
      totalBytes: this.totalBytes,
      bytesPerSecond,
      secondsLeft: left === 0 ? 0 : bytesPerSecond > 0 ? left / bytesPerSecond : null,
      file: this.file,
      resumedFromBytes: this.resumedFromBytes,
    });
  }

  #bytesPerSecond(): number {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (!first || !last || last.at <= first.at) return 0;
    return ((last.received - first.received) * 1000) / (last.at - first.at);
  }
}
