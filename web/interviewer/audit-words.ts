// What one audit entry says, in the interface language: who did it, the action in words, what it was
// done to, and a one-line summary of its detail. An action, target kind or detail field this file
// does not know is shown as recorded rather than hidden, so new server entries stay readable.
// Owns: audit entry → text. Must not import: Solid components, Dexie.
import type { AuditEntry } from '../../sync-server/protocol/index.ts';
import { t } from '../i18n/i18n.ts';
import { formatDate } from '../ui/format.ts';

/** The catalogue's words for `key`, or null when it has none. */
function known(key: string, values?: Record<string, unknown>): string | null {
  const text = t(key, { ...values, defaultValue: '' });
  return text === '' ? null : text;
}

export function auditActionText(action: string): string {
  return known(`audit:actions.${action}`) ?? action;
}

export function auditActorText(actor: AuditEntry['actor']): string {
  const label = actor.label ?? actor.id ?? '';
  switch (actor.type) {
    case 'user':
      return label || t('audit:actor.anonymous');
    case 'device':
      return t('audit:actor.device', { label });
    case 'system':
      return t('audit:actor.system');
    case 'anonymous':
      return t('audit:actor.anonymous');
  }
}

/**
 * "User Bob Builder (bob@acme.test)" for "user:01H…": `names` says who or what an id is where the
 * page knows (the team); otherwise the id is shown.
 */
export function auditTargetText(target: string | null, names?: ReadonlyMap<string, string>): string {
  if (!target) return t('audit:none');
  const colon = target.indexOf(':');
  if (colon <= 0) return target;
  return known(`audit:targets.${target.slice(0, colon)}`, { id: names?.get(target) ?? target.slice(colon + 1) }) ?? target;
}

/** Fields that only name records by id: the target column already says what the entry is about. */
const ID_FIELDS = new Set(['comment', 'override', 'turn', 'session', 'event', 'invitation', 'template', 'assignment', 'interview', 'control', 'device']);

function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object') {
    const pairs = Object.entries(value as Record<string, unknown>).map(([key, inner]) => `${key}=${typeof inner === 'string' ? inner : JSON.stringify(inner)}`);
    return pairs.join(', ');
  }
  return JSON.stringify(value) ?? '';
}

const MAX_VALUE = 80;
const clip = (text: string) => (text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text);

/** A short, readable summary of an entry's detail ("email ada@acme.test · 3 failed attempts"). */
export function auditDetailText(entry: Pick<AuditEntry, 'action' | 'detail'>): string {
  const detail = entry.detail;
  const parts: string[] = [];
  const used = new Set<string>();
  const take = (key: string, words: (value: unknown) => string | null) => {
    if (!(key in detail) || detail[key] === null || detail[key] === undefined) return;
    used.add(key);
    const text = words(detail[key]);
    if (text) parts.push(text);
  };
  take('name', (value) => t('audit:detail.name', { value: clip(plain(value)) }));
  take('email', (value) => t('audit:detail.email', { value: plain(value) }));
  take('role', (value) => t('audit:detail.role', { value: known(`team:roles.${plain(value)}`) ?? plain(value) }));
  take('failures', (value) => t('audit:detail.failures', { count: Number(value) }));
  take('lockedForSeconds', (value) => t('audit:detail.lockedFor', { seconds: Number(value) }));
  take('label', (value) => t('audit:detail.label', { value: clip(plain(value)) }));
  take('maxUses', (value) => t('audit:detail.maxUses', { count: Number(value) }));
  take('expiresAt', (value) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? t('audit:detail.expires', { date: formatDate(value) }) : plain(value)));
  take('rows', (value) => t('audit:detail.rows', { count: Number(value) }));
  take('filters', (value) => {
    const text = plain(value);
    return text ? t('audit:detail.filters', { value: clip(text) }) : null;
  });
  if ('dimension' in detail && 'from' in detail && 'to' in detail) {
    for (const key of ['dimension', 'from', 'to']) used.add(key);
    parts.push(t('audit:detail.override', { dimension: plain(detail.dimension), from: plain(detail.from), to: plain(detail.to) }));
  }
  take('reason', (value) =>
    entry.action.startsWith('sign_in.') && value === 'disabled' ? t('audit:detail.reasonDisabled') : t('audit:detail.reason', { value: clip(plain(value)) }),
  );
  take('action', (value) => t('audit:detail.action', { value: known(`workspace:review.action.${plain(value)}`) ?? plain(value) }));
  for (const [key, value] of Object.entries(detail)) {
    if (used.has(key) || ID_FIELDS.has(key) || value === null || value === undefined) continue;
    parts.push(t('audit:detail.other', { key, value: clip(plain(value)) }));
  }
  return parts.length > 0 ? parts.join(' · ') : t('audit:none');
}
