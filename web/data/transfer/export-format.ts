// The candidate's data as one JSON file: what it holds, what it leaves out and why, and how a file is
// checked before anything is written. Export and import are generic over the database's tables, so a
// table added later travels without changes here; the tables this module knows get their rows checked
// against the shapes the screens rely on, the others only for a usable primary key.
// Owns: the file format (versioned), the policy of what is device-only, the import errors.
// Must not import: Dexie, Solid, the UI (the format is pure so Node tests it).
import { z } from 'zod';
import { engineKind, interviewType, questionKind, seniority } from '../../../sync-server/protocol/index.ts';
import type { SettingKey } from '../db.ts';

export const EXPORT_FORMAT = 'interview-buddy-export';
/** Bumped when the file's own layout changes (not when a table changes: db.version says that). */
export const EXPORT_FORMAT_VERSION = 1;

/**
 * Tables that describe this device rather than the candidate's data. The outbox holds sync events made
 * by this device with its own sequence numbers; another device replaying them would push events the
 * server ties to the first device (and rejects), or share interviews the candidate never shared from it.
 */
export const DEVICE_ONLY_TABLES: readonly string[] = ['outbox'];

/**
 * Every setting is either the candidate's (travels) or this device's (stays). A Record over SettingKey,
 * so adding a key to db.ts does not compile until someone decides which it is. The organisation
 * membership is device-only because its token is a credential: a restored device must join again.
 */
export const SETTING_SCOPE: Record<SettingKey, 'portable' | 'device'> = {
  deviceId: 'device',
  seq: 'device',
  deviceToken: 'device',
  org: 'device',
  needsRejoin: 'device',
  pullCursor: 'device',
  // The model files are not in the file, so the choice would point at a model this device lacks.
  localModel: 'device',
  // The organisation's server config, as last seen: belongs with the membership.
  clientConfig: 'device',
  candidateName: 'portable',
  aiPreference: 'portable',
  cameraOn: 'portable',
  speakQuestions: 'portable',
  questionVoice: 'portable',
  answerSilenceSeconds: 'portable',
  // The candidate has seen the first-run tour; a restored device need not offer it again.
  onboarding: 'portable',
  // Whether spoken answers' audio is kept: the candidate's privacy choice, which should follow them.
  keepRecordings: 'portable',
  // What this device shares with its organisation, and which recordings it has sent: they belong with the membership.
  sharingConsent: 'device',
  sharedRecordings: 'device',
};

/** Keys not listed (a newer app's, a hand-edited file's) are treated as device-only: never leak, never overwrite. */
export function isPortableSetting(key: unknown): boolean {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(SETTING_SCOPE, key) && SETTING_SCOPE[key as SettingKey] === 'portable';
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  exportedAt: string;
  app: { version: string };
  /** `version` is the Dexie schema version; `schema` each table's Dexie store definition at that version. */
  db: { name: string; version: number; schema: Record<string, string> };
  /**
   * Encoded rows per table (value-codec.ts). Tables with an outbound primary key hold [key, value]
   * pairs, because the key is not inside the value.
   */
  tables: Record<string, unknown[]>;
  /** What was deliberately left out, by name only, so a reader of the file knows it is not missing by accident. */
  excluded: { tables: string[]; settings: string[] };
}

// ---------- Errors ----------

/** Why a file cannot be imported. Nothing has been written when one is thrown. */
export type ImportProblem = 'unreadable' | 'foreign' | 'newer' | 'invalid';

export class ImportFileError extends Error {
  constructor(
    readonly problem: ImportProblem,
    message: string,
    /** For `invalid`: the first few problems, "table row n: field: what is wrong". */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export class ExportFileUnreadableError extends ImportFileError {
  constructor(reason: string) {
    super(
      'unreadable',
      `This file is not complete JSON (${reason}). It may have been cut short while copying or downloading: export it again on the other device and import the new file. Nothing was changed.`,
    );
    this.name = 'ExportFileUnreadableError';
  }
}

export class ForeignFileError extends ImportFileError {
  constructor() {
    super(
      'foreign',
      'This file is not an Interview Buddy export. Choose a file made with "Export everything (JSON)", named like interview-buddy-2026-01-31.json. Nothing was changed.',
    );
    this.name = 'ForeignFileError';
  }
}

export class NewerExportError extends ImportFileError {
  constructor(what: string) {
    super(
      'newer',
      `This file was made by a newer version of Interview Buddy (${what}). Update this app (reload the page while online) and import it again. Nothing was changed.`,
    );
    this.name = 'NewerExportError';
  }
}

export class InvalidExportError extends ImportFileError {
  constructor(details: string[]) {
    super(
      'invalid',
      `This export is damaged or was edited, so it was not imported: ${details.slice(0, 3).join('; ')}${details.length > 3 ? ' …' : ''}. Export it again from the other device. Nothing was changed.`,
      details,
    );
    this.name = 'InvalidExportError';
  }
}

// ---------- Envelope ----------

const envelope = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.number().int().min(1),
  exportedAt: z.string(),
  app: z.object({ version: z.string() }),
  db: z.object({
    name: z.string(),
    version: z.number().int().min(1),
    schema: z.record(z.string(), z.string()),
  }),
  tables: z.record(z.string(), z.array(z.unknown())),
  excluded: z.object({ tables: z.array(z.string()), settings: z.array(z.string()) }).optional(),
});

function issuesOf(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((issue) => `${prefix}${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
}

/**
 * The file's text, checked as far as the envelope: ours, not newer than this app, tables matching the
 * schema it declares. Rows are checked by `checkRows` after decoding (and after any upgrade).
 */
export function parseExportText(text: string, options: { appDbVersion: number }): ExportFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (text.trim() === '') throw new ExportFileUnreadableError('the file is empty');
    const looksOurs = text.includes(`"${EXPORT_FORMAT}"`);
    if (!looksOurs && !/^\s*[[{]/.test(text)) throw new ForeignFileError();
    throw new ExportFileUnreadableError(error instanceof Error ? error.message : 'it does not parse');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || (parsed as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new ForeignFileError();
  }
  const formatVersion = (parsed as { formatVersion?: unknown }).formatVersion;
  if (typeof formatVersion === 'number' && formatVersion > EXPORT_FORMAT_VERSION) {
    throw new NewerExportError(`file format ${formatVersion}, this app reads up to ${EXPORT_FORMAT_VERSION}`);
  }
  const result = envelope.safeParse(parsed);
  if (!result.success) throw new InvalidExportError(issuesOf(result.error, ''));
  const file = result.data;
  if (file.db.version > options.appDbVersion) {
    throw new NewerExportError(`database version ${file.db.version}, this app has ${options.appDbVersion}`);
  }
  const problems: string[] = [];
  for (const name of Object.keys(file.tables)) {
    if (!(name in file.db.schema)) problems.push(`table "${name}" has rows but no schema`);
  }
  for (const [name, schema] of Object.entries(file.db.schema)) {
    try {
      parsePrimaryKey(schema);
    } catch (error) {
      problems.push(`table "${name}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) throw new InvalidExportError(problems);
  return { ...file, excluded: file.excluded ?? { tables: [], settings: [] } };
}

// ---------- Primary keys ----------

export interface PrimaryKey {
  /** Null for an outbound key (kept beside the value, not inside it). */
  keyPath: string | string[] | null;
  auto: boolean;
}

/** The primary key of a Dexie store definition ("id, startedAt", "++id", "[a+b], c", "", "++"). */
export function parsePrimaryKey(schema: string): PrimaryKey {
  const first = (schema.split(',')[0] ?? '').trim();
  const auto = first.startsWith('++');
  const bare = first.replace(/^(\+\+|&|\*)/, '');
  if (bare === '') return { keyPath: null, auto };
  if (bare.startsWith('[')) {
    if (!bare.endsWith(']')) throw new Error(`"${first}" is not a valid compound key`);
    const parts = bare.slice(1, -1).split('+').map((part) => part.trim());
    if (parts.some((part) => !/^[\w$.]+$/.test(part))) throw new Error(`"${first}" is not a valid compound key`);
    return { keyPath: parts, auto };
  }
  if (!/^[\w$.]+$/.test(bare)) throw new Error(`"${first}" is not a valid primary key`);
  return { keyPath: bare, auto };
}

function readPath(value: unknown, path: string): unknown {
  let node = value;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The value at a key path, as Dexie reads it (compound paths give an array). */
export function keyOf(row: unknown, keyPath: string | string[]): unknown {
  return Array.isArray(keyPath) ? keyPath.map((path) => readPath(row, path)) : readPath(row, keyPath);
}

/** Whether IndexedDB accepts this as a key: strings, finite numbers, valid dates, binary data, arrays of keys. */
export function isValidKey(key: unknown): boolean {
  if (typeof key === 'string') return true;
  if (typeof key === 'number') return !Number.isNaN(key);
  if (key instanceof Date) return !Number.isNaN(key.getTime());
  if (key instanceof ArrayBuffer || ArrayBuffer.isView(key)) return true;
  if (Array.isArray(key)) return key.every(isValidKey);
  return false;
}

// ---------- Rows ----------

const isoTime = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'not a date and time');

const summaryRow = z.object({
  engine: engineKind,
  overall: z.number().min(0).max(100),
  dimensions: z.array(z.object({ key: z.string(), label: z.string(), score: z.number() })),
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  answered: z.number().int().min(0),
  skipped: z.number().int().min(0),
  practicePlan: z.array(z.string()).optional(),
});

const scoreRow = z.object({
  engine: engineKind,
  overall: z.number().min(0).max(100),
  dimensions: z.array(z.object({ key: z.string(), label: z.string(), score: z.number(), reason: z.string(), evidence: z.array(z.string()) })),
  flags: z.array(z.string()),
  feedback: z.string().optional(),
  exampleAnswer: z.string().optional(),
});

// What the screens need to render an interview, not the engines' content limits: an export must import
// even when an engine wrote something longer than the sync protocol would accept.
const interviewRow = z.object({
  id: z.string().min(1),
  spec: z.object({
    role: z.string(),
    seniority,
    type: interviewType,
    questionCount: z.number().int().min(1),
    language: z.string().optional(),
    minutes: z.number(),
    notes: z.string().optional(),
  }),
  engine: engineKind,
  engineLabel: z.string(),
  engineReason: z.string(),
  status: z.enum(['in-progress', 'completed']),
  questionCount: z.number().int().min(1),
  startedAt: isoTime,
  completedAt: isoTime.nullable(),
  endedEarly: z.boolean(),
  summary: summaryRow.nullable(),
  overall: z.number().nullable(),
  progress: z.record(z.string(), z.unknown()).nullable(),
});

const turnRow = z.object({
  id: z.string().min(1),
  interviewId: z.string().min(1),
  index: z.number().int().min(0),
  question: z.object({ id: z.string(), kind: questionKind, text: z.string() }),
  draft: z.string(),
  status: z.enum(['open', 'answered', 'skipped']),
  answer: z.string().nullable(),
  activeMs: z.number().min(0),
  answeredAt: isoTime.nullable(),
  score: scoreRow.nullable(),
  followUp: z.object({ question: z.string(), answer: z.string() }).nullable().optional(),
  vision: z.array(z.object({ second: z.number(), frames: z.number(), framesWithFace: z.number() })).nullable().optional(),
  voice: z
    .object({
      words: z.array(z.object({ text: z.string(), start: z.number(), end: z.number() })),
      transcribed: z.string(),
      language: z.string(),
      recordingSeconds: z.number(),
      modelId: z.string(),
    })
    .nullable()
    .optional(),
});

const settingRow = z.object({ key: z.string().min(1), value: z.unknown() });

/**
 * Row shapes of the tables this module knows. A table without an entry is checked only for its primary
 * key; whoever adds a table can add its shape here to have its rows checked too.
 */
export const ROW_SHAPES: Readonly<Record<string, z.ZodType>> = {
  interviews: interviewRow,
  turns: turnRow,
  settings: settingRow,
};

const MAX_REPORTED = 8;

/** One table's decoded rows checked; returns problems, empty when the rows can be written. */
export function checkRows(table: string, rows: readonly unknown[], primaryKey: PrimaryKey): string[] {
  const problems: string[] = [];
  const shape = ROW_SHAPES[table];
  const seen = new Set<string>();
  for (let i = 0; i < rows.length && problems.length < MAX_REPORTED; i++) {
    const where = `${table} row ${i + 1}: `;
    const row = rows[i];
    if (primaryKey.keyPath !== null) {
      if (typeof row !== 'object' || row === null) {
        problems.push(`${where}not an object`);
        continue;
      }
      const key = keyOf(row, primaryKey.keyPath);
      if (key === undefined && primaryKey.auto) {
        // An auto-incremented key may be left out: the database assigns one.
      } else if (!isValidKey(key)) {
        problems.push(`${where}no valid ${Array.isArray(primaryKey.keyPath) ? primaryKey.keyPath.join('+') : primaryKey.keyPath}`);
        continue;
      } else {
        const id = JSON.stringify(key);
        if (seen.has(id)) problems.push(`${where}the key ${id} appears twice`);
        seen.add(id);
      }
    }
    if (shape) {
      const result = shape.safeParse(row);
      if (!result.success) problems.push(...issuesOf(result.error, where).slice(0, MAX_REPORTED - problems.length));
    }
  }
  return problems;
}

/** Turns must belong to an interview in the same file, or the report would show questions of nothing. */
export function checkTurnsBelong(interviews: readonly unknown[], turns: readonly unknown[]): string[] {
  const ids = new Set(interviews.map((row) => (row as { id?: unknown }).id));
  const problems: string[] = [];
  for (let i = 0; i < turns.length && problems.length < MAX_REPORTED; i++) {
    const interviewId = (turns[i] as { interviewId?: unknown }).interviewId;
    if (!ids.has(interviewId)) problems.push(`turns row ${i + 1}: its interview ${JSON.stringify(interviewId)} is not in the file`);
  }
  return problems;
}

/** interview-buddy-2026-01-31.json, from the local date. */
export function exportFileName(date: Date, extension: 'json' | 'md', suffix = ''): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `interview-buddy-${day}${suffix ? `-${suffix}` : ''}.${extension}`;
}
