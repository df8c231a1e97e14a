import { describe, expect, it } from 'vitest';
import type { InterviewListItem } from '../protocol/index.ts';
import { BadCursorError, csvField, filterInterviews, interviewQuery, interviewsCsv, pageOfInterviews } from './interview-query.ts';

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
});

const ALL = [
  item('a', 'Grace Hopper', 'Backend engineer', '2026-11-01T09:00:00.000Z', 80),
  item('b', 'Alan Turing', 'Data scientist', '2026-11-02T09:00:00.000Z', 55),
  item('c', 'Ada Lovelace', 'Backend engineer', '2026-11-03T09:00:00.000Z', null),
  item('d', 'grace kelly', 'Frontend engineer', '2026-11-03T09:00:00.000Z', 70),
  item('e', 'Edsger Dijkstra', 'Backend engineer', '2026-11-05T23:30:00.000Z', 91),
];
const q = (raw: Record<string, string>) => interviewQuery.parse(raw);
const ids = (rows: InterviewListItem[]) => rows.map((row) => row.id);

describe('interview list query', () => {
  it('filters by candidate and role (any part, any case), dates (a bare to-date is the whole day) and score', () => {
    expect(ids(filterInterviews(ALL, q({ candidate: 'GRACE' })))).toEqual(['d', 'a']);
    expect(ids(filterInterviews(ALL, q({ role: 'backend' })))).toEqual(['e', 'c', 'a']);
    expect(ids(filterInterviews(ALL, q({ from: '2026-11-02', to: '2026-11-05' })))).toEqual(['e', 'd', 'c', 'b']);
    // Unscored interviews are left out by any score filter.
    expect(ids(filterInterviews(ALL, q({ minScore: '60', maxScore: '90' })))).toEqual(['d', 'a']);
  });

  it('sorts by start, overall (unscored lowest) or candidate, with the id breaking ties', () => {
    expect(ids(filterInterviews(ALL, q({ sort: 'startedAt', order: 'asc' })))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(filterInterviews(ALL, q({ sort: 'overall' })))).toEqual(['e', 'a', 'd', 'b', 'c']);
    expect(ids(filterInterviews(ALL, q({ sort: 'candidate', order: 'asc' })))).toEqual(['c', 'b', 'e', 'a', 'd']);
  });

  it('pages by keyset: rows synced between pages neither repeat nor push others off', () => {
    const first = pageOfInterviews(ALL, q({ limit: '2' }));
    expect(ids(first.interviews)).toEqual(['e', 'd']);
    // A newer interview and one in the middle arrive before the next page is asked for.
    const grown = [...ALL, item('f', 'New One', 'Backend engineer', '2026-11-09T09:00:00.000Z', 60), item('c2', 'Mid One', 'Backend engineer', '2026-11-02T12:00:00.000Z', 60)];
    const second = pageOfInterviews(grown, q({ limit: '2', cursor: first.nextCursor! }));
    expect(ids(second.interviews)).toEqual(['c', 'c2']);
    const third = pageOfInterviews(grown, q({ limit: '2', cursor: second.nextCursor! }));
    expect(ids(third.interviews)).toEqual(['b', 'a']);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give, or one from another sort', () => {
    const first = pageOfInterviews(ALL, q({ limit: '2' }));
    expect(() => pageOfInterviews(ALL, q({ cursor: 'not-a-cursor' }))).toThrow(BadCursorError);
    expect(() => pageOfInterviews(ALL, q({ sort: 'overall', cursor: first.nextCursor! }))).toThrow(BadCursorError);
  });

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
