// The geometry of the progress charts: the value axis (fixed 1–5 for rubric scores, "nice" round
// ticks for the rest), where each interview's point goes, and the line through them. Interviews are
// spaced evenly in date order rather than by elapsed time: practice comes in bursts (three in an
// evening, then nothing for a week), and on a time axis a burst would be one unreadable blob.
// Owns: scales and coordinates. Must not import: Solid, the DOM.

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

export interface Frame {
  width: number;
  height: number;
  /** Room for the value labels on the left and the dates below. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const RUBRIC_SCALE: Scale = { min: 1, max: 5, ticks: [1, 2, 3, 4, 5] };
export const OVERALL_SCALE: Scale = { min: 0, max: 100, ticks: [0, 25, 50, 75, 100] };

/** A step of 1, 2, 2.5 or 5 times a power of ten, giving about `count` intervals over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Round ticks covering every value and everything in `include` (a target range, say). Negative
 * values never occur in these metrics, so the axis never goes below 0.
 */
export function niceScale(values: readonly number[], include: readonly number[] = [], intervals = 4): Scale {
  const all = [...values, ...include].filter(Number.isFinite);
  let low = all.length ? Math.min(...all) : 0;
  let high = all.length ? Math.max(...all) : 1;
  if (high - low < 1e-9) {
    // One value: a band around it, so the point sits mid-chart rather than on an edge.
    const pad = Math.max(1, Math.abs(high) * 0.25);
    low -= pad;
    high += pad;
  }
  low = Math.max(0, low);
  const step = niceStep(high - low, intervals);
  const min = Math.max(0, Math.floor(low / step + 1e-9) * step);
  const max = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 1000; tick += step) ticks.push(Math.round(tick * 1000) / 1000);
  return { min, max, ticks };
}

/** Evenly spaced across the plot; a lone point in the middle. */
export function xPositions(count: number, frame: Frame): number[] {
  const inner = frame.width - frame.left - frame.right;
  if (count <= 0) return [];
  if (count === 1) return [frame.left + inner / 2];
  return Array.from({ length: count }, (_, index) => frame.left + (inner * index) / (count - 1));
}

/** The vertical position of a value, clamped to the plot so an outlier stays visible on its edge. */
export function yPosition(value: number, scale: Scale, frame: Frame): number {
  const inner = frame.height - frame.top - frame.bottom;
  const share = scale.max === scale.min ? 0.5 : (value - scale.min) / (scale.max - scale.min);
  return frame.top + inner * (1 - Math.min(1, Math.max(0, share)));
}

export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
}

/** Which points get a date under the axis: the first, the last, and evenly between when there is room. */
export function labelledIndexes(count: number, room: number): number[] {
  if (count <= 0) return [];
  room = Math.max(2, room);
  if (count <= room) return Array.from({ length: count }, (_, index) => index);
  const indexes = new Set<number>();
  for (let slot = 0; slot < room; slot++) indexes.add(Math.round((slot * (count - 1)) / (room - 1)));
  return [...indexes].sort((a, b) => a - b);
}
