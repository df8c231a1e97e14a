// How the progress screens write numbers, dates and names, in the interface language: dimension
// names by their stable key (the scorer's own label when the key is one we do not know), rubric
// means to one decimal, speech metrics in their units, dates as the candidate's locale writes them.
// Owns: display text of the progress feature. Must not import: Dexie.
import type { InterviewRecord } from '../data/db.ts';
import { intlLocale, t } from '../i18n/i18n.ts';
import type { SpeechMetricKey } from './speech-progress.ts';

const KNOWN_DIMENSIONS = new Set(['coverage', 'structure', 'specificity', 'length', 'fillers', 'relevance', 'depth', 'communication', 'role_knowledge']);

export function dimensionName(key: string, storedLabel: string): string {
  return KNOWN_DIMENSIONS.has(key) ? t(`progress:dimensions.${key}`) : storedLabel;
}

export function dimensionTip(key: string): string {
  return t(KNOWN_DIMENSIONS.has(key) ? `progress:tips.${key}` : 'progress:tips.other');
}

function number(value: number, digits: number): string {
  return new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A 1–5 mean, one decimal: "3.5", "3,5". */
export function formatScore(value: number): string {
  return number(value, 1);
}

export function formatOverallScore(value: number): string {
  return number(value, 0);
}

/** Pace and thinking time in whole numbers; counts and rates with a decimal only when they have one. */
export function formatSpeech(key: SpeechMetricKey, value: number): string {
  return key === 'pace' || key === 'thinking' ? number(value, 0) : formatPlain(value);
}

/** As few decimals as the value needs, up to one: "120", "2.5" (axis ticks, target ends). */
export function formatPlain(value: number): string {
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(value);
}

export type ValueKind = 'score' | 'overall' | SpeechMetricKey;

/** A value with its unit, as people read it: "3.5 out of 5", "150 words per minute", "12% of the answer". */
export function withUnit(kind: ValueKind, value: string): string {
  return t(`progress:values.${kind}`, { value });
}

export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium' }).format(new Date(iso));
}

/** Under a chart's axis, where room is short: "12 Mar". */
export function formatShortDay(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'short' }).format(new Date(iso));
}

/** "Software Engineer · Behavioural", to tell interviews apart in tooltips and tables. */
export function interviewName(interview: InterviewRecord): string {
  return `${interview.spec.role} · ${t(`progress:types.${interview.spec.type}`)}`;
}

/** "A, B and C" in the interface language. */
export function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(intlLocale(), { style: 'long', type: 'conjunction' }).format(items);
}
