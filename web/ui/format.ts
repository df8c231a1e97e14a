// Formatting for display: clocks, dates, labels, score levels. Pure; no DOM.
import type { EngineKind, InterviewType, QuestionKind, Seniority } from '../../sync-server/protocol/index.ts';

/** 0:00-style clock: mm:ss, or h:mm:ss past an hour. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** "2 minutes 5 seconds", for screen readers and summaries. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

export function formatRelative(epochMs: number, now: number = Date.now()): string {
  const seconds = Math.round((now - epochMs) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return dateTime.format(new Date(epochMs));
}

export const SENIORITY_LABELS: Record<Seniority, string> = { junior: 'Junior', mid: 'Mid-level', senior: 'Senior' };

/** What each engine is called when the UI says which one scored (labels with a model name are stored per interview). */
export const ENGINE_KIND_LABELS: Record<EngineKind, string> = { local: 'the on-device model', cloud: 'cloud AI', basic: 'basic scoring' };

export const INTERVIEW_TYPE_LABELS: Record<InterviewType, string> = {
  behavioural: 'Behavioural',
  technical: 'Technical',
  'system-design': 'System design',
  mixed: 'Mixed',
};

/** The label of an interview type that came from elsewhere (the server), falling back to the raw value. */
export function interviewTypeLabel(type: string): string {
  return INTERVIEW_TYPE_LABELS[type as InterviewType] ?? type;
}

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  behavioural: 'Behavioural',
  technical: 'Technical',
  'system-design': 'System design',
};

export type ScoreLevel = 'high' | 'mid' | 'low';

/** For an overall score out of 100. */
export function overallLevel(overall: number): ScoreLevel {
  if (overall >= 75) return 'high';
  if (overall >= 50) return 'mid';
  return 'low';
}

/** For a dimension score from 1 to 5. */
export function dimensionLevel(score: number): ScoreLevel {
  if (score >= 4) return 'high';
  if (score >= 3) return 'mid';
  return 'low';
}

export function formatOverall(overall: number): string {
  return String(Math.round(overall));
}

export function formatDimension(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

/** "1.4 GB", "380 MB", "12 KB": storage and download sizes in the units people read. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
