import { describe, expect, it } from 'vitest';
import { MetricNameError, renderPrometheus } from './prometheus-text.ts';
import { parsePrometheus } from './prometheus-test-parser.ts';

describe('renderPrometheus', () => {
  it('writes HELP and TYPE lines, then samples with escaped labels', () => {
    const text = renderPrometheus([
      { name: 'ib_things_total', help: 'Things.\nCounted.', type: 'counter', samples: [{ labels: { route: '/a/:id', note: 'say "hi" \\ bye\n' }, value: 3 }] },
      { name: 'ib_ratio', help: 'A ratio.', type: 'gauge', samples: [{ value: 0.25 }] },
    ]);
    expect(text).toBe(
      [
        '# HELP ib_things_total Things.\\nCounted.',
        '# TYPE ib_things_total counter',
        'ib_things_total{route="/a/:id",note="say \\"hi\\" \\\\ bye\\n"} 3',
        '# HELP ib_ratio A ratio.',
        '# TYPE ib_ratio gauge',
        'ib_ratio 0.25',
        '',
      ].join('\n'),
    );
    const parsed = parsePrometheus(text);
    expect(parsed.samples[0]!.labels.note).toBe('say "hi" \\ bye\n');
  });

  it('writes a histogram as cumulative buckets with le, then _sum and _count', () => {
    const text = renderPrometheus([
      {
        name: 'ib_latency_seconds',
        help: 'Latency.',
        type: 'histogram',
        samples: [{ labels: { route: '/x' }, buckets: [{ le: 0.1, count: 2 }, { le: Number.POSITIVE_INFINITY, count: 3 }], sum: 1.5, count: 3 }],
      },
    ]);
    expect(text.split('\n').slice(2, 6)).toEqual([
      'ib_latency_seconds_bucket{route="/x",le="0.1"} 2',
      'ib_latency_seconds_bucket{route="/x",le="+Inf"} 3',
      'ib_latency_seconds_sum{route="/x"} 1.5',
      'ib_latency_seconds_count{route="/x"} 3',
    ]);
    expect(parsePrometheus(text).samples).toHaveLength(4);
  });

  it('refuses invalid metric and label names, and a family declared twice', () => {
    expect(() => renderPrometheus([{ name: '1bad', help: '', type: 'gauge', samples: [] }])).toThrow(MetricNameError);
    expect(() => renderPrometheus([{ name: 'ok', help: '', type: 'gauge', samples: [{ labels: { 'bad-label': 'x' }, value: 1 }] }])).toThrow(/label name/);
    const family = { name: 'twice', help: '', type: 'gauge' as const, samples: [] };
    expect(() => renderPrometheus([family, family])).toThrow(/declared twice/);
  });
});

describe('parsePrometheus (the test parser itself)', () => {
  it('rejects what the format forbids, so the format tests can fail', () => {
    expect(() => parsePrometheus('ib_x 1\n')).toThrow(/before its TYPE/);
    expect(() => parsePrometheus('# TYPE ib_x counter\nib_x 1\n')).toThrow(/_total/);
    expect(() => parsePrometheus('# TYPE ib_x gauge\nib_x{a=1} 1\n')).toThrow(/bad labels/);
    expect(() => parsePrometheus('# TYPE ib_x gauge\nib_x one\n')).toThrow(/bad value/);
    expect(() => parsePrometheus('# TYPE ib_x gauge\nib_x 1')).toThrow(/newline/);
  });
});
