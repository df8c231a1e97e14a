// The one error type that reading a résumé PDF rejects with (aborting aside), so the UI can show its
// message as it is and branch on `code`, e.g. to open the "paste your résumé" box for `no-text`.
// Owns: the codes and the candidate-facing wording. Must not import: pdf.js, Solid.

export type PdfTextErrorCode =
  /** Larger than the limit we read, checked before any byte is read. */
  | 'too-large'
  /** Not a PDF at all (no %PDF header), e.g. a Word file renamed to .pdf. */
  | 'not-pdf'
  /** Starts like a PDF but pdf.js cannot make sense of it. */
  | 'damaged'
  /** Needs a password to open. */
  | 'password-protected'
  /** Opens, but has (almost) no selectable text: a scan or a photo of a résumé. */
  | 'no-text'
  /** The PDF reader itself failed (its worker did not start, or an unexpected error). */
  | 'reader-failed';

const PASTE_INSTEAD = 'or paste the text of your résumé instead.';

// What happened, then what to do. A caller may replace the first with a more precise one.
const MESSAGES: Record<PdfTextErrorCode, { happened: string; toDo: string }> = {
  'too-large': { happened: 'This PDF is too large to read here.', toDo: `Save a smaller copy (for example without photos), ${PASTE_INSTEAD}` },
  'not-pdf': { happened: "This file isn't a PDF.", toDo: `Choose your résumé as a PDF or a .txt file, ${PASTE_INSTEAD}` },
  'damaged': { happened: "This PDF couldn't be read; it may be damaged or incomplete.", toDo: `Export it again from the editor you wrote it in, ${PASTE_INSTEAD}` },
  'password-protected': { happened: 'This PDF is protected by a password, so it cannot be read here.', toDo: `Save a copy without the password, ${PASTE_INSTEAD}` },
  'no-text': { happened: 'This PDF has no selectable text; it looks like a scanned image.', toDo: 'Paste the text of your résumé instead, or export it again from the editor you wrote it in.' },
  'reader-failed': { happened: "The PDF reader couldn't start or stopped unexpectedly.", toDo: `Reload the page and try again, ${PASTE_INSTEAD}` },
};

export class PdfTextError extends Error {
  override name = 'PdfTextError';
  readonly code: PdfTextErrorCode;

  constructor(code: PdfTextErrorCode, options?: { cause?: unknown; happened?: string }) {
    const { happened, toDo } = MESSAGES[code];
    super(`${options?.happened ?? happened} ${toDo}`, { cause: options?.cause });
    this.code = code;
  }
}

export function isPdfTextError(error: unknown, code?: PdfTextErrorCode): error is PdfTextError {
  return error instanceof PdfTextError && (code === undefined || error.code === code);
}
