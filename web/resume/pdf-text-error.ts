// The one error type that reading a résumé PDF rejects with (aborting aside), so the UI can show its
// message as it is and branch on `code`, e.g. to open the "paste your résumé" box for `no-text`.
// The English message is for logs and tests; the UI says it in the interface language from `code`
// and, when a caller was more precise, `happenedKey` and `happenedValues` (web/ui/error-message.ts).
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

/** A more precise "what happened" than the code's own: its English words and its catalogue key. */
export interface PdfTextHappened {
  text: string;
  key: 'too-large-size' | 'empty' | 'not-pdf-or-text' | 'no-text-in-file';
  values?: Record<string, string>;
}

export class PdfTextError extends Error {
  override name = 'PdfTextError';
  readonly code: PdfTextErrorCode;
  readonly happenedKey: PdfTextHappened['key'] | undefined;
  readonly happenedValues: Record<string, string> | undefined;

  constructor(code: PdfTextErrorCode, options?: { cause?: unknown; happened?: PdfTextHappened }) {
    const { happened, toDo } = MESSAGES[code];
    super(`${options?.happened?.text ?? happened} ${toDo}`, { cause: options?.cause });
    this.code = code;
    this.happenedKey = options?.happened?.key;
    this.happenedValues = options?.happened?.values;
  }
}

export function isPdfTextError(error: unknown, code?: PdfTextErrorCode): error is PdfTextError {
  return error instanceof PdfTextError && (code === undefined || error.code === code);
}
