import { afterEach, describe, expect, it, vi } from 'vitest';
import { BundledBinaryDataFactory, bundledFileCounts } from './pdf-binary-data.ts';
import { openPdf } from './pdf-document.ts';
import type * as PdfTextLayout from './pdf-text-layout.ts';
import { pageItemsToText } from './pdf-text-layout.ts';
import { extractPdfText, MAX_PDF_BYTES, PdfTextError, type PdfTextErrorCode } from './pdf-text.ts';
import {
  blankPages,
  ENCRYPTED_PASSWORD,
  ENCRYPTED_TEXT,
  encryptedResume,
  JAPANESE_NAME,
  japaneseNamePdf,
  longTextPage,
  numberedPages,
  pdfBlob,
  RESUME_LINES,
  scannedResume,
  twoPageResume,
} from './test-pdfs.ts';

// Spied on (still doing its job) so a test can abort in the middle of reading.
vi.mock('./pdf-text-layout.ts', { spy: true });
const { pageItemsToText: realPageItemsToText } = await vi.importActual<typeof PdfTextLayout>('./pdf-text-layout.ts');

async function expectPdfTextError(promise: Promise<unknown>, code: PdfTextErrorCode): Promise<PdfTextError> {
  const error = await promise.then(
    () => expect.fail(`expected a PdfTextError with code ${code}, but the text was extracted`),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PdfTextError);
  expect((error as PdfTextError).code).toBe(code);
  return error as PdfTextError;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('extractPdfText', () => {
  it('reads a two-page résumé line by line, in reading order, with its accents and dashes', async () => {
    const result = await extractPdfText(pdfBlob(await twoPageResume()));

    expect(result).toMatchObject({ pages: 2, totalPages: 2, truncated: false });
    const lines = result.text.split('\n');
    const L = RESUME_LINES;
    const order = [L.name, L.title, L.contact, L.summary1, L.summary2, L.skills, L.experienceHeading, L.job1, L.job1Detail, L.job2];
    // Each known line is a whole line of the output (so runs were joined, and nothing was glued on).
    const positions = order.map((line) => lines.indexOf(line));
    expect(positions, `extracted text:\n${result.text}`).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('separates sections and pages with a blank line, and lines within them with one newline', async () => {
    const { text } = await extractPdfText(pdfBlob(await twoPageResume()));
    const L = RESUME_LINES;
    expect(text).toContain(`${L.name}\n${L.title}\n${L.contact}\n\n${L.summary1}\n${L.summary2}`);
    expect(text).toContain(`${L.skills}\n\n${L.experienceHeading}`);
    expect(text).toContain(`${L.job1Detail}\n\n${L.job2}`);
    expect(text).not.toMatch(/ {2}|\n{3}|^\s|\s$/);
  });

  it('stops after maxPages pages and says it did', async () => {
    const result = await extractPdfText(pdfBlob(await numberedPages(5)), { maxPages: 2 });
    expect(result).toMatchObject({ pages: 2, totalPages: 5, truncated: true });
    expect(result.text).toContain('Page 1 of 5');
    expect(result.text).toContain('Page 2 of 5');
    expect(result.text).not.toContain('Page 3 of 5');
  });

  it('reads up to 20 pages by default', async () => {
    const result = await extractPdfText(pdfBlob(await numberedPages(21)));
    expect(result).toMatchObject({ pages: 20, totalPages: 21, truncated: true });
    expect(result.text).toContain('Page 20 of 21');
    expect(result.text).not.toContain('Page 21 of 21');
  });

  it('cuts the text at a word break at maxChars and says it did', async () => {
    const result = await extractPdfText(pdfBlob(await longTextPage(60)), { maxChars: 500 });
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(500);
    expect(result.text.length).toBeGreaterThan(450);
    expect(result.text).toMatch(/^Sentence number 1 describes another achievement\.\n/);
    // Ends on a whole word of the sentence.
    expect(result.text).toMatch(/(Sentence|number|\d+|describes|another|achievement\.)$/);
  });

  it('maps CJK text in a non-embedded font to Unicode with the CMaps from our bundle', async () => {
    expect(bundledFileCounts().cMaps).toBeGreaterThan(100);
    const fetchBundled = vi.spyOn(BundledBinaryDataFactory.prototype, 'fetch');
    const { text } = await extractPdfText(pdfBlob(await japaneseNamePdf()));
    expect(text).toBe(`${JAPANESE_NAME}\nProduct designer, Osaka`);
    expect(fetchBundled).toHaveBeenCalledWith(expect.objectContaining({ kind: 'cMapUrl' }));
  });

  it('rejects a scanned résumé (a picture and a page number) with no-text, saying to paste the text', async () => {
    const error = await expectPdfTextError(extractPdfText(pdfBlob(await scannedResume())), 'no-text');
    expect(error.message).toMatch(/scanned image/);
    expect(error.message).toMatch(/[Pp]aste the text/);
  });

  it('rejects a PDF with only blank pages with no-text', async () => {
    await expectPdfTextError(extractPdfText(pdfBlob(await blankPages(2))), 'no-text');
  });

  it('rejects random bytes as not a PDF', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(4096));
    const error = await expectPdfTextError(extractPdfText(new Blob([bytes])), 'not-pdf');
    expect(error.message).toMatch(/isn't a PDF.*paste/);
  });

  it('rejects an empty file as not a PDF', async () => {
    const error = await expectPdfTextError(extractPdfText(new Blob([])), 'not-pdf');
    expect(error.message).toMatch(/empty/);
  });

  it('rejects a file that starts like a PDF but is garbage as damaged', async () => {
    const garbage = new Blob(['%PDF-1.7\n', crypto.getRandomValues(new Uint8Array(4096))]);
    const error = await expectPdfTextError(extractPdfText(garbage), 'damaged');
    expect(error.message).toMatch(/damaged.*paste/);
  });

  it('rejects a PDF that is cut off (an interrupted download) as damaged', async () => {
    const whole = await twoPageResume();
    // pdf-lib keeps its cross-reference table in a compressed stream at the end, which pdf.js cannot
    // rebuild from the rest; a file with a plain table might still give the text of its first pages.
    const error = await expectPdfTextError(extractPdfText(pdfBlob(whole.slice(0, Math.floor(whole.length * 0.8)))), 'damaged');
    expect(error.cause).toMatchObject({ name: 'InvalidPDFException' });
  });

  it('rejects a file over the size limit before reading it', async () => {
    const tooBig = new Blob([new Uint8Array(MAX_PDF_BYTES + 1)]);
    const readSpy = vi.spyOn(Blob.prototype, 'arrayBuffer');
    const error = await expectPdfTextError(extractPdfText(tooBig), 'too-large');
    expect(error.message).toMatch(/10\.0 MB/);
    expect(readSpy).not.toHaveBeenCalled();
  });

  it('rejects a password-protected PDF, which pdf.js opens with the password (so the file is really encrypted)', async () => {
    const bytes = await encryptedResume();
    const error = await expectPdfTextError(extractPdfText(pdfBlob(bytes)), 'password-protected');
    expect(error.message).toMatch(/password.*paste/);

    const { document, close } = await openPdf(bytes.slice(), { password: ENCRYPTED_PASSWORD });
    try {
      const content = await (await document.getPage(1)).getTextContent();
      expect(content.items.map((item) => ('str' in item ? item.str : '')).join('')).toBe(ENCRYPTED_TEXT);
    } finally {
      await close();
    }
  });

  it('stops reading when aborted mid-way and rejects with the abort reason; the next extraction still works', async () => {
    const bytes = await numberedPages(20);
    const controller = new AbortController();
    vi.mocked(pageItemsToText).mockClear();
    // Abort while the first page is being laid out, i.e. with pdf.js and its worker running.
    vi.mocked(pageItemsToText).mockImplementationOnce((items) => {
      controller.abort(new DOMException('The candidate left', 'AbortError'));
      return realPageItemsToText(items);
    });
    await expect(extractPdfText(pdfBlob(bytes), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError', message: 'The candidate left' });
    expect(pageItemsToText).toHaveBeenCalledTimes(1);

    await expect(extractPdfText(pdfBlob(bytes), { maxPages: 1 })).resolves.toMatchObject({ pages: 1 });
  });

  it('rejects with the reason of a signal aborted before it starts', async () => {
    const aborted = AbortSignal.abort();
    await expect(extractPdfText(pdfBlob(await blankPages(1)), { signal: aborted })).rejects.toBe(aborted.reason);
  });

  it('refuses a nonsensical page cap', async () => {
    await expect(extractPdfText(pdfBlob(await blankPages(1)), { maxPages: 0 })).rejects.toBeInstanceOf(RangeError);
  });
});
