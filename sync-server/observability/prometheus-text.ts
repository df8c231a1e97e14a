// Renders metric families in the Prometheus text exposition format (version 0.0.4): a HELP and a TYPE
// line per family, then its samples; label values escaped; histograms as cumulative `_bucket{le}`
// series with `_sum` and `_count`.
// Owns: the text format only. Must not import: Hono, a store, the gateway.

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type Labels = Record<string, string>;

export interface Sample {
  labels?: Labels;
  value: number;
}

export interface HistogramSample {
  labels?: Labels;
  /** Cumulative counts per upper bound; the last bound is +Inf. */
  buckets: { le: number; count: number }[];
  sum: number;
  count: number;
}

export type MetricFamily =
  | { name: string; help: string; type: 'counter' | 'gauge'; samples: Sample[] }
  | { name: string; help: string; type: 'histogram'; samples: HistogramSample[] };

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export class MetricNameError extends Error {
  override name = 'MetricNameError';
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function labelText(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return '';
  for (const [name] of entries) {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) throw new MetricNameError(`"${name}" is not a valid Prometheus label name: use letters, digits and underscores, not starting with a digit or "__".`);
  }
  return `{${entries.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

export function renderPrometheus(families: MetricFamily[]): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const family of families) {
    if (!METRIC_NAME.test(family.name)) throw new MetricNameError(`"${family.name}" is not a valid Prometheus metric name: use letters, digits, underscores and colons, not starting with a digit.`);
    if (seen.has(family.name)) throw new MetricNameError(`The metric "${family.name}" is declared twice; give each family one name.`);
    seen.add(family.name);
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    if (family.type === 'histogram') {
      for (const sample of family.samples) {
        for (const bucket of sample.buckets) {
          lines.push(`${family.name}_bucket${labelText({ ...sample.labels, le: formatValue(bucket.le) })} ${bucket.count}`);
        }
        lines.push(`${family.name}_sum${labelText(sample.labels)} ${formatValue(sample.sum)}`, `${family.name}_count${labelText(sample.labels)} ${sample.count}`);
      }
    } else {
      for (const sample of family.samples) lines.push(`${family.name}${labelText(sample.labels)} ${formatValue(sample.value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
