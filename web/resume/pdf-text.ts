// Extracts the text of a candidate's résumé PDF in the browser, for the résumé analysis step.
// Owns: the limits (file size, pages, characters), aborting, and turning pdf.js's failures into
// PdfTextErrors whose message tells the candidate what to do. pdf.js itself is loaded by
// pdf-document.ts on first use; importing this module costs the first screen nothing.
import type { PDFPageProxy } from 'pdfjs-dist';
import { openPdf, PdfWorkerStartError } from './pdf-document.ts';
import { PdfTextError } from './pdf-text-error.ts';
import { pageItemsToText, type PageTextItem } from './pdf-text-layout.ts';
import { capText, normaliseText } from './text-normalise.ts';

export { PdfTextError, isPdfTextError, type PdfTextErrorCode } from './pdf-text-error.ts';

/** A résumé is a few hundred kB; beyond this it is mostly images, and reading it ties up the device. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_PAGES = 20;
/** About 10,000 words: far more than any résumé, and bounded for the analysis prompt. */
export const DEFAULT_MAX_CHARS = 60_000;
// Fewer letters and digits than this is a scan (maybe with a stamp or a page number), not a résumé.
const MIN_TEXT_CHARS = 20;
// Acrobat accepts a PDF whose header is anywhere in its first kilobyte, and so does pdf.js.
export const PDF_HEADER_SEARCH_BYTES = 1024;

export interface PdfTextOptions {
  signal?: AbortSignal;
  /** Pages read from the start; later pages are skipped and `truncated` is set. Default 20. */
  maxPages?: number;
  /** Characters kept; the text is cut at a word break and `truncated` is set. Default 60,000. */
  maxChars?: number;
}

export interface PdfText {
  /** Lines joined by \n, paragraphs and pages separated by a blank line, whitespace normalised. */
  text: string;
  /** Pages whose text was read. */
  pages: number;
  /** Pages in the document. */
  totalPages: number;
  /** True when pages or characters were left out because of `maxPages` or `maxChars`. */
  truncated: boolean;
}

type TextContentItem = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number];

/**
 * Rejects with a PdfTextError (see its `code`) when the file cannot give usable text, or with the
 * signal's reason when aborted.
 */
export async function extractPdfText(file: Blob, options: PdfTextOptions = {}): Promise<PdfText> {
  const { signal } = options;
  const maxPages = positiveInteger(options.maxPages ?? DEFAULT_MAX_PAGES, 'maxPages');
  const maxChars = positiveInteger(options.maxChars ?? DEFAULT_MAX_CHARS, 'maxChars');

  signal?.throwIfAborted();
  if (file.size > MAX_PDF_BYTES) {
    const values = { size: megabytes(file.size), max: megabytes(MAX_PDF_BYTES) };
    throw new PdfTextError('too-large', { happened: { text: `This PDF is ${values.size}; the most that can be read here is ${values.max}.`, key: 'too-large-size', values } });
  }
  if (file.size === 0) throw new PdfTextError('not-pdf', { happened: { text: 'This file is empty.', key: 'empty' } });
  const bytes = new Uint8Array(await file.arrayBuffer());
  signal?.throwIfAborted();
  // Checked here rather than left to pdf.js, so that a wrong file gets its own message and pdf.js is
  // not even loaded for it.
  if (!hasPdfHeader(bytes)) throw new PdfTextError('not-pdf');

  const pdf: { close?: () => Promise<void> } = {};
  const stopReading = () => void pdf.close?.();
  signal?.addEventListener('abort', stopReading, { once: true });
  try {
    const { document } = await unlessAborted(openPdf(bytes, { onCreated: (close) => (pdf.close = close) }), signal);
    const pagesToRead = Math.min(document.numPages, maxPages);
    const pageTexts: string[] = [];
    let length = 0;
    // Stops early once the character cap is reached: later pages would be cut anyway.
    while (pageTexts.length < pagesToRead && length <= maxChars) {
      signal?.throwIfAborted();
      const page = await unlessAborted(document.getPage(pageTexts.length + 1), signal);
      const content = await unlessAborted(page.getTextContent(), signal);
      page.cleanup();
      const pageText = normaliseText(pageItemsToText(content.items.filter(isTextItem)));
      pageTexts.push(pageText);
      length += pageText.length + 2;
    }

    const text = pageTexts.filter((pageText) => pageText !== '').join('\n\n');
    if (countLettersAndDigits(text) < MIN_TEXT_CHARS) throw new PdfTextError('no-text');
    const capped = capText(text, maxChars);
    return {
      text: capped.text,
      pages: pageTexts.length,
      totalPages: document.numPages,
      truncated: capped.truncated || pageTexts.length < document.numPages,
    };
  } catch (error) {
    // Once aborted, whatever pdf.js threw while being torn down is noise.
    signal?.throwIfAborted();
    throw toPdfTextError(error);
  } finally {
    signal?.removeEventListener('abort', stopReading);
    await pdf.close?.().catch(() => {});
  }
}

// pdf.js calls on a document destroyed mid-way may never settle: the abort must not wait for them.
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function isTextItem(item: TextContentItem): item is TextContentItem & PageTextItem {
  return 'str' in item;
}

/** Whether `bytes` (the file's start is enough) look like a PDF, whatever the file is called. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, PDF_HEADER_SEARCH_BYTES));
  return start.includes('%PDF-');
}

function countLettersAndDigits(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

// pdf.js's errors cross from its worker as plain objects rebuilt on this side, so they are told
// apart by name, not class.
function toPdfTextError(error: unknown): Error {
  if (error instanceof PdfTextError) return error;
  if (error instanceof PdfWorkerStartError) return new PdfTextError('reader-failed', { cause: error });
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new PdfTextError('password-protected', { cause: error });
  if (name === 'InvalidPDFException' || name === 'UnknownErrorException' || name === 'FormatError') {
    return new PdfTextError('damaged', { cause: error });
  }
  return new PdfTextError('reader-failed', { cause: error });
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`extractPdfText: ${name} must be a positive integer, got ${value}.`);
  return value;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
