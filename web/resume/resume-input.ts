// Reads the résumé file a candidate picked: a PDF through extractPdfText, a plain-text or Markdown
// file as it is. Both come back normalised and capped the same way, so the analysis step does not
// care which it got. Errors are PdfTextErrors, so the UI handles one error type.
import { DEFAULT_MAX_CHARS, extractPdfText, hasPdfHeader, PDF_HEADER_SEARCH_BYTES } from './pdf-text.ts';
import { PdfTextError } from './pdf-text-error.ts';
import { capText, normaliseText } from './text-normalise.ts';

/** For the file picker's `accept` attribute. */
export const RESUME_FILE_ACCEPT = '.pdf,application/pdf,.txt,text/plain,.md,.markdown,text/markdown';

export interface ResumeText {
  text: string;
  source: 'pdf' | 'text';
  truncated: boolean;
}

// UTF-8 uses at most 4 bytes a character: reading this much is always enough for the cap, and a
// huge text file is never read whole.
const BYTES_PER_CHAR = 4;

export async function readResumeFile(file: File, options: { signal?: AbortSignal; maxChars?: number } = {}): Promise<ResumeText> {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  // The content decides, not the name: "resume.pdf.txt" and PDFs with no extension both happen.
  const start = new Uint8Array(await file.slice(0, PDF_HEADER_SEARCH_BYTES).arrayBuffer());
  options.signal?.throwIfAborted();
  if (hasPdfHeader(start) || looksLikePdf(file)) {
    const { text, truncated } = await extractPdfText(file, { signal: options.signal, maxChars });
    return { text, source: 'pdf', truncated };
  }
  if (!looksLikeText(file)) {
    throw new PdfTextError('not-pdf', { happened: { text: `"${file.name}" is neither a PDF nor a text file.`, key: 'not-pdf-or-text', values: { file: file.name } } });
  }

  const bytesToRead = maxChars * BYTES_PER_CHAR;
  const raw = await file.slice(0, bytesToRead).text();
  options.signal?.throwIfAborted();
  const capped = capText(normaliseText(raw), maxChars);
  if (capped.text === '') throw new PdfTextError('no-text', { happened: { text: `"${file.name}" has no text in it.`, key: 'no-text-in-file', values: { file: file.name } } });
  return { text: capped.text, source: 'text', truncated: capped.truncated || file.size > bytesToRead };
}

function looksLikePdf(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

function looksLikeText(file: File): boolean {
  return file.type.startsWith('text/') || /\.(txt|md|markdown|text)$/i.test(file.name);
}
