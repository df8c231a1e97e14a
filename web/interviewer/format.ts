const TYPE_LABELS: Record<string, string> = {
  behavioural: 'Behavioural',
  technical: 'Technical',
  'system-design': 'System design',
  mixed: 'Mixed',
};

export const labelOfType = (type: string): string => TYPE_LABELS[type] ?? type;

export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
