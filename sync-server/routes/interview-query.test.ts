import { describe, expect, it } from 'vitest';
import type { InterviewListItem } from '../protocol/index.ts';
import { csvField, interviewQuery, interviewsCsv } from './interview-query.ts';

const item = (id: string, candidateName: string, role: string, startedAt: string, overall: number | null): InterviewListItem => ({
  id,
  candidateName,
  role,
  seniority: 'mid',
  type: 'behavioural',
  startedAt,
  completedAt: overall === null ? null : startedAt,
  overall,
  engine: 'basic',
  templateId: null,
});

const ALL = [
  item('a', 'Grace Hopper', 'Backend engineer', '2026-11-01T09:00:00.000Z', 80),
  item('b', 'Alan Turing', 'Data scientist', '2026-11-02T09:00:00.000Z', 55),
  item('c', 'Ada Lovelace', 'Backend engineer', '2026-11-03T09:00:00.000Z', null),
  item('d', 'grace kelly', 'Frontend engineer', '2026-11-03T09:00:00.000Z', 70),
  item('e', 'Edsger Dijkstra', 'Backend engineer', '2026-11-05T23:30:00.000Z', 91),
];

describe('interview list query', () => {
  it('explains bad parameters', () => {
    const problems = (raw: Record<string, string>) => {
      const parsed = interviewQuery.safeParse(raw);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(problems({ sort: 'age' })).toEqual(['sort: must be startedAt, overall or candidate']);
    expect(problems({ minScore: '101' })).toEqual(['minScore: must be from 0 to 100']);
    expect(problems({ from: 'yesterday' })[0]).toMatch(/^from: must be a date such as 2026-11-23/);
    expect(problems({ minScore: '80', maxScore: '20' })).toEqual(['minScore: minScore must not be above maxScore']);
    expect(problems({ limit: '0' })[0]).toMatch(/^limit:/);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Hopper, Grace')).toBe('"Hopper, Grace"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const start of ['+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) expect(csvField(start).replace(/^"/, '').startsWith(`'`)).toBe(true);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('has a header row and one CRLF-ended row per interview', () => {
    const csv = interviewsCsv([ALL[0]!, ALL[2]!]);
    expect(csv.split('\r\n')).toEqual([
      'id,candidate,role,seniority,type,started_at,completed_at,overall,engine',
      'a,Grace Hopper,Backend engineer,mid,behavioural,2026-11-01T09:00:00.000Z,2026-11-01T09:00:00.000Z,80,basic',
      'c,Ada Lovelace,Backend engineer,mid,behavioural,2026-11-03T09:00:00.000Z,,,basic',
      '',
    ]);
  });
});
