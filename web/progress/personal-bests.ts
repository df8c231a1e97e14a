// Personal bests: the highest overall score, the best mean of each rubric dimension, and the best
// speech delivery, each with the interview it came from. A record belongs to the first interview
// that reached it: equalling a best later does not take it over.
// Speech bests count only interviews with enough words to judge (the report's own minimum), so a
// three-word answer cannot hold "fewest fillers". The best pace is the one inside the target range
// nearest its middle; a faster or slower pace is no record, so with none inside there is no best.
// Owns: choosing bests. Must not import: Dexie, Solid, the DOM.
import { dimensionSeries, overallSeries } from './dimension-progress.ts';
import type { HistoryEntry, SeriesPoint } from './history-entry.ts';
import { SPEECH_METRICS, SPEECH_TARGETS, speechOverTime, type SpeechMetricKey } from './speech-progress.ts';

export interface PersonalBest {
  /** 'overall', a dimension key, or a speech metric key. */
  key: string;
  value: number;
  interviewId: string;
  at: string;
  /** How many interviews it was chosen from. */
  among: number;
}

export interface DimensionBest extends PersonalBest {
  label: string;
}

export interface SpeechBest extends PersonalBest {
  key: SpeechMetricKey;
}

export interface PersonalBests {
  overall: PersonalBest | null;
  dimensions: DimensionBest[];
  speech: SpeechBest[];
}

const SAME = 1e-9;

/** The point scoring best by `better` (positive when a beats b); the earliest among equals. */
function bestPoint(points: readonly SeriesPoint[], better: (a: number, b: number) => number): SeriesPoint | null {
  let best: SeriesPoint | null = null;
  for (const point of points) {
    if (!best || better(point.value, best.value) > SAME) best = point;
  }
  return best;
}

const higher = (a: number, b: number) => a - b;
const lower = (a: number, b: number) => b - a;

function asBest(key: string, point: SeriesPoint, among: number): PersonalBest {
  return { key, value: point.value, interviewId: point.interviewId, at: point.at, among };
}

export function personalBests(entries: readonly HistoryEntry[]): PersonalBests {
  const overallPoints = overallSeries(entries);
  const overallBest = bestPoint(overallPoints, higher);

  const dimensions = dimensionSeries(entries).flatMap((series) => {
    const point = bestPoint(series.points, higher);
    return point ? [{ ...asBest(series.key, point, series.points.length), label: series.label }] : [];
  });

  const judged = speechOverTime(entries).filter((item) => item.judged);
  const speech: SpeechBest[] = [];
  for (const key of SPEECH_METRICS) {
    const points = judged.flatMap((item) => {
      const value = item.values[key];
      return value === undefined ? [] : [{ interviewId: item.interviewId, at: item.at, value }];
    });
    const target = SPEECH_TARGETS[key];
    let point: SeriesPoint | null;
    if (key === 'pace') {
      const middle = (target.min + target.max) / 2;
      const inside = points.filter((candidate) => candidate.value >= target.min - SAME && candidate.value <= target.max + SAME);
      point = bestPoint(inside, (a, b) => Math.abs(b - middle) - Math.abs(a - middle));
    } else {
      point = bestPoint(points, lower);
    }
    if (point) speech.push({ ...asBest(key, point, points.length), key });
  }

  return { overall: overallBest ? asBest('overall', overallBest, overallPoints.length) : null, dimensions, speech };
}
