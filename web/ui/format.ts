// Formatting for display: clocks, dates, labels, score levels. No DOM. Words come from the `format`
// catalogue and dates and numbers follow the interface language (intlLocale), read at call time, so
// a call inside JSX or a memo follows a language switch.
import type { EngineKind, InterviewType, QuestionKind, Seniority } from '../../sync-server/protocol/index.ts';
import { intlLocale, t } from '../i18n/i18n.ts';

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
  if (minutes === 0) return t('format:duration.seconds', { seconds });
  return seconds === 0 ? t('format:duration.minutes', { minutes }) : t('format:duration.minutesSeconds', { minutes, seconds });
}

// One formatter per language and style: building an Intl formatter is slow, using one is not.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(style: 'dateTime' | 'date'): Intl.DateTimeFormat {
  const locale = intlLocale();
  const key = `${locale} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, style === 'dateTime' ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' });
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDateTime(iso: string): string {
  return dateFormat('dateTime').format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateFormat('date').format(new Date(iso));
}

export function formatRelative(epochMs: number, now: number = Date.now()): string {
  const seconds = Math.round((now - epochMs) / 1000);
  if (seconds < 45) return t('format:relative.justNow');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('format:relative.minutesAgo', { minutes });
  return dateFormat('dateTime').format(new Date(epochMs));
}

/**
 * A record of labels whose values are read from the catalogue on each access, so existing callers
 * (`SENIORITY_LABELS[level]` in JSX) show the interface language and follow a switch. The keys stay
 * enumerable, so `Object.keys` still lists them.
 */
function translatedLabels<K extends string>(keys: readonly K[], prefix: string): Record<K, string> {
  const labels = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(labels, key, { enumerable: true, get: () => t(`${prefix}.${key}`) });
  return labels;
}

export const SENIORITY_LABELS: Record<Seniority, string> = translatedLabels(['junior', 'mid', 'senior'], 'format:seniority');

/** What each engine is called when the UI says which one scored (labels with a model name are stored per interview). */
export const ENGINE_KIND_LABELS: Record<EngineKind, string> = translatedLabels(['local', 'cloud', 'basic'], 'format:engineKind');

export const INTERVIEW_TYPE_LABELS: Record<InterviewType, string> = translatedLabels(['behavioural', 'technical', 'system-design', 'mixed'], 'format:interviewType');

/** The label of an interview type that came from elsewhere (the server), falling back to the raw value. */
export function interviewTypeLabel(type: string): string {
  return INTERVIEW_TYPE_LABELS[type as InterviewType] ?? type;
}

/** An on-device model tier's name ("Small · Qwen2.5 0.5B") and what it is good for, in the interface language. */
export function modelTierLabel(tier: { id: string; label: string }): string {
  return t(`format:modelTier.${tier.id}.label`, { defaultValue: tier.label });
}

export function modelTierBlurb(tier: { id: string; blurb: string }): string {
  return t(`format:modelTier.${tier.id}.blurb`, { defaultValue: tier.blurb });
}

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = translatedLabels(['behavioural', 'technical', 'system-design'], 'format:interviewType');

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

/** English only: new code says "3 words" through a `_one`/`_other` catalogue key with `count`. */
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
  const digits = value >= 10 || unit === 0 ? 0 : 1;
  const number = new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
  return `${number} ${units[unit]}`;
}
