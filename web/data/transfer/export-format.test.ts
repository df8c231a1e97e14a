import { describe, expect, it } from 'vitest';
import {
  checkRows,
  checkTurnsBelong,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  exportFileName,
  ExportFileUnreadableError,
  ForeignFileError,
  InvalidExportError,
  isPortableSetting,
  isValidKey,
  NewerExportError,
  parseExportText,
  parsePrimaryKey,
  SETTING_SCOPE,
} from './export-format.ts';
import { sampleInterview, sampleTurns } from './test-fixtures.ts';

function file(overrides: Record<string, unknown> = {}) {
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: '2026-01-31T10:00:00.000Z',
    app: { version: '0.1.0' },
    db: { name: 'interview-buddy', version: 2, schema: { interviews: 'id, startedAt', turns: 'id, interviewId', settings: 'key', outbox: 'id, &seq' } },
    tables: { interviews: [sampleInterview()], turns: sampleTurns(), settings: [] },
    excluded: { tables: ['outbox'], settings: ['deviceToken'] },
    ...overrides,
  };
}

const parse = (value: unknown, appDbVersion = 2) => parseExportText(typeof value === 'string' ? value : JSON.stringify(value), { appDbVersion });

describe('export file envelope', () => {
  it('accepts a file of ours', () => {
    const parsed = parse(file());
    expect(parsed.db.version).toBe(2);
    expect(parsed.tables.interviews).toHaveLength(1);
  });

  it('calls a truncated or empty file unreadable, not foreign', () => {
    const text = JSON.stringify(file());
    expect(() => parse(text.slice(0, Math.floor(text.length / 2)))).toThrow(ExportFileUnreadableError);
    expect(() => parse(text.slice(0, 40))).toThrow(/not complete JSON/);
    expect(() => parse('')).toThrow(ExportFileUnreadableError);
  });

  it('calls other JSON, other formats and other text foreign', () => {
    for (const foreign of [{ hello: 'world' }, [1, 2, 3], 'just text', 42, null, { format: 'other-app-export', tables: {} }]) {
      expect(() => parse(foreign), JSON.stringify(foreign)).toThrow(ForeignFileError);
    }
    expect(() => parse('name,score\nAda,5')).toThrow(ForeignFileError);
    expect(() => parse('%PDF-1.7 binary')).toThrow(ForeignFileError);
  });

  it('asks for an update for a newer format or database version, before checking anything else', () => {
    expect(() => parse({ format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION + 1, somethingElse: true })).toThrow(NewerExportError);
    expect(() => parse(file(), 1)).toThrow(/database version 2, this app has 1/);
  });

  it('lists what is wrong with a damaged envelope', () => {
    try {
      parse(file({ tables: { interviews: 'not a list' }, app: undefined }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidExportError);
      const details = (error as InvalidExportError).details.join('\n');
      expect(details).toMatch(/app/);
      expect(details).toMatch(/tables\.interviews/);
      expect((error as Error).message).toMatch(/Nothing was changed/);
    }
    expect(() => parse(file({ tables: { mystery: [{}] } }))).toThrow(/table "mystery" has rows but no schema/);
    expect(() => parse(file({ db: { name: 'x', version: 2, schema: { interviews: '[broken' } } }))).toThrow(/not a valid compound key/);
  });
});

describe('primary keys', () => {
  it('reads Dexie store definitions', () => {
    expect(parsePrimaryKey('id, startedAt')).toEqual({ keyPath: 'id', auto: false });
    expect(parsePrimaryKey('++id, turnId')).toEqual({ keyPath: 'id', auto: true });
    expect(parsePrimaryKey('&key')).toEqual({ keyPath: 'key', auto: false });
    expect(parsePrimaryKey('[interviewId+index], at')).toEqual({ keyPath: ['interviewId', 'index'], auto: false });
    expect(parsePrimaryKey('')).toEqual({ keyPath: null, auto: false });
    expect(parsePrimaryKey('++, name')).toEqual({ keyPath: null, auto: true });
    expect(parsePrimaryKey('meta.id')).toEqual({ keyPath: 'meta.id', auto: false });
  });

  it('knows which values IndexedDB accepts as keys', () => {
    expect(isValidKey('a')).toBe(true);
    expect(isValidKey(3)).toBe(true);
    expect(isValidKey(['a', 1])).toBe(true);
    expect(isValidKey(new Date(0))).toBe(true);
    expect(isValidKey(undefined)).toBe(false);
    expect(isValidKey(null)).toBe(false);
    expect(isValidKey(Number.NaN)).toBe(false);
    expect(isValidKey({ id: 1 })).toBe(false);
    expect(isValidKey(['a', null])).toBe(false);
  });
});

describe('rows', () => {
  it('accepts the rows the app writes', () => {
    expect(checkRows('interviews', [sampleInterview()], { keyPath: 'id', auto: false })).toEqual([]);
    expect(checkRows('turns', sampleTurns(), { keyPath: 'id', auto: false })).toEqual([]);
    expect(checkRows('settings', [{ key: 'cameraOn', value: true }], { keyPath: 'key', auto: false })).toEqual([]);
  });

  it('names the table, row and field of a wrong row', () => {
    const broken = { ...sampleInterview(), status: 'archived', spec: { ...sampleInterview().spec, seniority: 'wizard' } };
    const problems = checkRows('interviews', [sampleInterview('a'), broken], { keyPath: 'id', auto: false });
    expect(problems.some((problem) => problem.startsWith('interviews row 2: status:'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('interviews row 2: spec.seniority:'))).toBe(true);
    const turn = { ...sampleTurns()[0]!, score: { engine: 'basic', overall: 'high' } };
    expect(checkRows('turns', [turn], { keyPath: 'id', auto: false }).join('\n')).toMatch(/turns row 1: score\.overall/);
  });

  it('finds missing and repeated keys in any table, known or not', () => {
    expect(checkRows('recordings', [{ id: 1 }, { id: 1 }], { keyPath: 'id', auto: false })).toEqual(['recordings row 2: the key 1 appears twice']);
    expect(checkRows('recordings', [{ blob: 'x' }], { keyPath: 'id', auto: false })).toEqual(['recordings row 1: no valid id']);
    expect(checkRows('recordings', [{ blob: 'x' }], { keyPath: 'id', auto: true })).toEqual([]);
    expect(checkRows('recordings', ['text'], { keyPath: 'id', auto: false })).toEqual(['recordings row 1: not an object']);
    expect(checkRows('pairs', [[1, 'anything']], { keyPath: null, auto: false })).toEqual([]);
  });

  it('finds turns whose interview is not in the file', () => {
    expect(checkTurnsBelong([sampleInterview()], sampleTurns())).toEqual([]);
    expect(checkTurnsBelong([], sampleTurns().slice(0, 1))).toEqual(['turns row 1: its interview "01JTESTINTERVIEW0000000001" is not in the file']);
  });
});

describe('what travels', () => {
  it('never lets the organisation membership or the device identity travel', () => {
    for (const key of ['deviceToken', 'org', 'needsRejoin', 'pullCursor', 'deviceId', 'seq']) expect(isPortableSetting(key), key).toBe(false);
    expect(isPortableSetting('cameraOn')).toBe(true);
    // Unknown keys (a newer app's, a hand-edited file's) stay put too.
    expect(isPortableSetting('somethingNew')).toBe(false);
    expect(isPortableSetting('constructor')).toBe(false);
    expect(Object.values(SETTING_SCOPE).every((scope) => scope === 'portable' || scope === 'device')).toBe(true);
  });

  it('names files by the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59), 'json')).toBe('interview-buddy-2026-01-05.json');
    expect(exportFileName(new Date(2026, 10, 23), 'md', 'all')).toBe('interview-buddy-2026-11-23-all.md');
  });
});
