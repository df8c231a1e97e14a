// Export and import of the whole database, generic over its tables: every table of the Dexie database
// is exported with its schema (a table added later is included without changes here), except the
// device-only ones; Blobs and other binary values travel base64-encoded (value-codec.ts).
//
// Import is two steps so the candidate sees what a file holds before anything changes:
// `prepareImport` parses, decodes, upgrades (a file from an older schema version goes through the
// app's own Dexie upgrade functions, in a scratch database) and checks every row; `applyImport`
// then writes everything in ONE transaction over all tables, so a failure part-way writes nothing.
// Merging: a row whose primary key is already on this device is kept as it is here; only missing
// rows are added. Interview ids are ULIDs, unique across devices, so the same key means the same
// interview, and the device's copy (which may have been continued or deleted-and-restored) wins.
// Owns: reading and writing every table for transfer. Must not import: Solid, the UI, fetch.
import Dexie, { type Table } from 'dexie';
import {
  checkRows,
  checkTurnsBelong,
  DEVICE_ONLY_TABLES,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  InvalidExportError,
  isPortableSetting,
  keyOf,
  parseExportText,
  parsePrimaryKey,
  type ExportFile,
  type PrimaryKey,
} from './export-format.ts';
import { decodeValue, EncodedValueError, encodeValue } from './value-codec.ts';
import { StorageFullError, StorageUnavailableError, toStorageError, withStorageErrors, withStorageWrite } from '../storage-errors.ts';

const SETTINGS_TABLE = 'settings';

/** The Dexie store definition of a table as it is now, e.g. "id, startedAt, status, overall". */
export function schemaOf(table: Table): string {
  return [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(', ');
}

function primaryKeyOf(table: Table): PrimaryKey {
  const keyPath = table.schema.primKey.keyPath;
  return { keyPath: keyPath === undefined || keyPath === null || keyPath === '' ? null : keyPath, auto: Boolean(table.schema.primKey.auto) };
}

async function openIfNeeded(db: Dexie): Promise<void> {
  if (!db.isOpen()) await db.open();
}

/** Every row of each table in one read transaction: inbound-key rows as they are, outbound ones as [key, value]. */
async function readTables(db: Dexie, tables: readonly Table[]): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  if (tables.length === 0) return rows;
  await db.transaction('r', [...tables], async () => {
    for (const table of tables) {
      if (primaryKeyOf(table).keyPath === null) {
        const keys = await table.toCollection().primaryKeys();
        const values = await table.toArray();
        rows[table.name] = keys.map((key, i) => [key, values[i]]);
      } else {
        rows[table.name] = await table.toArray();
      }
    }
  });
  return rows;
}

export interface ExportOptions {
  appVersion: string;
  now?: Date;
}

/** The whole database as an export file object (JSON.stringify it to save). */
export function exportDatabase(db: Dexie, options: ExportOptions): Promise<ExportFile> {
  return withStorageErrors(async () => {
    await openIfNeeded(db);
    const exported = db.tables.filter((table) => !DEVICE_ONLY_TABLES.includes(table.name));
    const raw = await readTables(db, exported);
    const excludedSettings: string[] = [];
    if (raw[SETTINGS_TABLE]) {
      raw[SETTINGS_TABLE] = raw[SETTINGS_TABLE].filter((row) => {
        const key = (row as { key?: unknown }).key;
        if (isPortableSetting(key)) return true;
        excludedSettings.push(String(key));
        return false;
      });
    }
    // Encoding reads Blobs asynchronously, so it happens after the read transaction has ended.
    const tables: Record<string, unknown[]> = {};
    for (const [name, rows] of Object.entries(raw)) {
      const encoded: unknown[] = [];
      for (let i = 0; i < rows.length; i++) encoded.push(await encodeValue(rows[i], `${name}[${i}]`));
      tables[name] = encoded;
    }
    return {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: (options.now ?? new Date()).toISOString(),
      app: { version: options.appVersion },
      // Device-only tables are described too: an older file's schema is what its upgrade starts from.
      db: { name: db.name, version: db.verno, schema: Object.fromEntries(db.tables.map((table) => [table.name, schemaOf(table)])) },
      tables,
      excluded: { tables: db.tables.filter((table) => DEVICE_ONLY_TABLES.includes(table.name)).map((table) => table.name), settings: excludedSettings.sort() },
    };
  });
}

export interface ImportPlan {
  exportedAt: string;
  appVersion: string;
  /** Decoded rows per table of this database, upgraded to its schema and checked. */
  rows: Record<string, unknown[]>;
  /** Rows per table that the file held but that are never imported (device-only settings and tables). */
  skipped: Record<string, number>;
}

export interface PrepareOptions {
  /**
   * Opens a database of the given name with the app's current schema and upgrade functions
   * (`name => new InterviewBuddyDb(name)`), to upgrade a file from an older schema version.
   */
  openCurrentSchema: (name: string) => Dexie;
}

function decodeRows(file: ExportFile): Record<string, unknown[]> {
  const decoded: Record<string, unknown[]> = {};
  const problems: string[] = [];
  for (const [name, rows] of Object.entries(file.tables)) {
    const outbound = parsePrimaryKey(file.db.schema[name] ?? '').keyPath === null;
    decoded[name] = [];
    rows.forEach((row, i) => {
      try {
        if (outbound && (!Array.isArray(row) || row.length !== 2)) throw new EncodedValueError(`${name}[${i}]`, 'a row of a table without key path must be [key, value]');
        decoded[name]!.push(decodeValue(row, `${name}[${i}]`));
      } catch (error) {
        if (!(error instanceof EncodedValueError)) throw error;
        if (problems.length < 8) problems.push(error.message);
      }
    });
  }
  if (problems.length > 0) throw new InvalidExportError(problems);
  return decoded;
}

/**
 * Runs rows from an older schema version through the app's own upgrade functions: they are written into
 * a scratch database at their version, which is then opened with the current schema, and read back.
 */
async function upgradeRows(file: ExportFile, rows: Record<string, unknown[]>, options: PrepareOptions): Promise<Record<string, unknown[]>> {
  const scratchName = `${file.db.name}-import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    const old = new Dexie(scratchName);
    old.version(file.db.version).stores(file.db.schema);
    try {
      await old.open();
      await writeAll(old, rows);
    } finally {
      old.close();
    }
    const current = options.openCurrentSchema(scratchName);
    try {
      await current.open();
      return await readTables(current, current.tables.filter((table) => !DEVICE_ONLY_TABLES.includes(table.name)));
    } finally {
      current.close();
    }
  } catch (error) {
    const mapped = toStorageError(error);
    if (mapped instanceof StorageFullError || mapped instanceof StorageUnavailableError) throw mapped;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidExportError([`its rows could not be upgraded from database version ${file.db.version} (${reason})`]);
  } finally {
    await Dexie.delete(scratchName).catch(() => undefined);
  }
}

async function writeAll(db: Dexie, rows: Record<string, unknown[]>): Promise<void> {
  const tables = db.tables.filter((table) => (rows[table.name]?.length ?? 0) > 0);
  if (tables.length === 0) return;
  await db.transaction('rw', tables, async () => {
    for (const table of tables) {
      const list = rows[table.name]!;
      if (primaryKeyOf(table).keyPath === null) {
        const pairs = list as [unknown, unknown][];
        await table.bulkAdd(
          pairs.map(([, value]) => value),
          pairs.map(([key]) => key) as never,
        );
      } else {
        await table.bulkAdd(list);
      }
    }
  });
}

/** Removes what never travels (device-only tables and settings), counting it in `skipped`. */
function dropDeviceOnly(rows: Record<string, unknown[]>, skipped: Record<string, number>): Record<string, unknown[]> {
  const kept = { ...rows };
  for (const name of DEVICE_ONLY_TABLES) {
    if (kept[name]?.length) skipped[name] = (skipped[name] ?? 0) + kept[name].length;
    delete kept[name];
  }
  const settings = kept[SETTINGS_TABLE];
  if (settings) {
    kept[SETTINGS_TABLE] = settings.filter((row) => isPortableSetting((row as { key?: unknown } | null)?.key));
    const dropped = settings.length - kept[SETTINGS_TABLE].length;
    if (dropped > 0) skipped[SETTINGS_TABLE] = (skipped[SETTINGS_TABLE] ?? 0) + dropped;
  }
  return kept;
}

/** Reads and checks a file against this database without writing to it. Throws ImportFileError subclasses. */
export function prepareImport(db: Dexie, text: string, options: PrepareOptions): Promise<ImportPlan> {
  return withStorageErrors(async () => {
    await openIfNeeded(db);
    const file = parseExportText(text, { appDbVersion: db.verno });
    const skipped: Record<string, number> = {};
    let rows = dropDeviceOnly(decodeRows(file), skipped);
    // The upgrade may have written rows of its own; the same rule applies to them.
    if (file.db.version < db.verno) rows = dropDeviceOnly(await upgradeRows(file, rows, options), {});

    const problems: string[] = [];
    for (const [name, list] of Object.entries(rows)) {
      if (list.length === 0) continue;
      const table = db.tables.find((candidate) => candidate.name === name);
      if (!table) {
        problems.push(`table "${name}" is not part of this app's database`);
        continue;
      }
      const primaryKey = primaryKeyOf(table);
      const values = primaryKey.keyPath === null ? (list as [unknown, unknown][]).map(([, value]) => value) : list;
      problems.push(...checkRows(name, values, primaryKey));
    }
    if (rows.turns?.length) problems.push(...checkTurnsBelong(rows.interviews ?? [], rows.turns));
    if (problems.length > 0) throw new InvalidExportError(problems);
    for (const name of Object.keys(rows)) if (rows[name]!.length === 0) delete rows[name];
    return { exportedAt: file.exportedAt, appVersion: file.app.version, rows, skipped };
  });
}

export interface ImportResult {
  /** Rows written, per table. */
  added: Record<string, number>;
  /** Rows left as they were because this device already had their key, per table. */
  kept: Record<string, number>;
}

/** Writes a prepared import in one transaction over every table it touches; all of it or none of it. */
export function applyImport(db: Dexie, plan: ImportPlan): Promise<ImportResult> {
  return withStorageWrite(async () => {
    await openIfNeeded(db);
    const tables = db.tables.filter((table) => Object.hasOwn(plan.rows, table.name));
    const added: Record<string, number> = {};
    const kept: Record<string, number> = {};
    if (tables.length === 0) return { added, kept };
    const write = db.transaction('rw', tables, async () => {
      for (const table of tables) {
        const list = plan.rows[table.name]!;
        const primaryKey = primaryKeyOf(table);
        const keyPath = primaryKey.keyPath;
        const keyed = keyPath === null ? (list as [unknown, unknown][]) : list.map((row) => [keyOf(row, keyPath), row] as [unknown, unknown]);
        // Rows without a key are new by definition: an auto-incremented table assigns one.
        const keyedIndexes = keyed.flatMap(([key], i) => (key === undefined ? [] : [i]));
        const existing = await table.bulkGet(keyedIndexes.map((i) => keyed[i]![0]) as never[]);
        const present = new Set(keyedIndexes.filter((_, n) => existing[n] !== undefined));
        const fresh = keyed.filter((_, i) => !present.has(i));
        if (fresh.length > 0) {
          if (keyPath === null) await table.bulkAdd(fresh.map(([, value]) => value), fresh.map(([key]) => key) as never);
          else await table.bulkAdd(fresh.map(([, value]) => value));
        }
        added[table.name] = fresh.length;
        kept[table.name] = keyed.length - fresh.length;
      }
    });
    try {
      await write;
    } catch (error) {
      // The transaction was aborted, so nothing of the file was written. A full disk stays what it is.
      const mapped = toStorageError(error);
      if (mapped instanceof StorageFullError || mapped instanceof StorageUnavailableError) throw mapped;
      throw new InvalidExportError([`writing it failed: ${error instanceof Error ? error.message : String(error)}`]);
    }
    return { added, kept };
  });
}
