// The transfer functions bound to this app: its database, its schema class for upgrades, its version,
// and the interview repository for Markdown. Screens import this, not the generic modules.
// Owns: that wiring. Must not import: Solid, the UI.
import { version as appVersion } from '../../../package.json';
import { getDb, InterviewBuddyDb } from '../db.ts';
import { getInterview, listInterviews } from '../interviews.ts';
import { applyImport, exportDatabase, prepareImport, type ImportPlan, type ImportResult } from './database-transfer.ts';
import { exportFileName } from './export-format.ts';
import { interviewMarkdown, interviewsMarkdown, type InterviewDocument, type Translate } from './markdown.ts';

export interface TextFile {
  text: string;
  fileName: string;
  type: string;
}

export async function exportEverything(now: Date = new Date()): Promise<TextFile> {
  const file = await exportDatabase(getDb(), { appVersion, now });
  return { text: JSON.stringify(file), fileName: exportFileName(now, 'json'), type: 'application/json' };
}

export function readImportFile(text: string): Promise<ImportPlan> {
  return prepareImport(getDb(), text, { openCurrentSchema: (name) => new InterviewBuddyDb(name) });
}

export function importPlan(plan: ImportPlan): Promise<ImportResult> {
  return applyImport(getDb(), plan);
}

/** Markdown of one interview (by id) or of all of them ('all'); null when that interview is gone. */
export async function exportMarkdown(which: string | 'all', options: { t: Translate; locale: string }, now: Date = new Date()): Promise<TextFile | null> {
  const type = 'text/markdown';
  if (which !== 'all') {
    const found = await getInterview(which);
    if (!found) return null;
    const slug = found.interview.spec.role.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
    return { text: interviewMarkdown(found, options), fileName: exportFileName(new Date(found.interview.startedAt), 'md', slug || 'interview'), type };
  }
  const documents: InterviewDocument[] = [];
  for (const interview of await listInterviews()) {
    const found = await getInterview(interview.id);
    if (found) documents.push(found);
  }
  return { text: interviewsMarkdown(documents, options, now), fileName: exportFileName(now, 'md', 'all'), type };
}
