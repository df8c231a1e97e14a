// Test helper: the PDFs the résumé tests read, built in the test from known text, so what the
// extractor should find is known exactly. Runs in the browser (canvas for the scanned page).
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { onePageObjects, writePdf } from './test-pdf-writer.ts';

export const pdfBlob = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });

const A4: [number, number] = [595, 842];
const LEFT = 56;

/** Draws lines downwards from the top; `gap` before a line adds the space of a new section. */
function drawLines(page: PDFPage, lines: { text: string; font: PDFFont; size?: number; gapBefore?: number }[]): void {
  let y = 780;
  for (const line of lines) {
    const size = line.size ?? 11;
    y -= line.gapBefore ?? 0;
    page.drawText(line.text, { x: LEFT, y, size, font: line.font });
    y -= size * 1.3;
  }
}

/** The lines of the two-page résumé, in reading order, as the extractor should give them back. */
export const RESUME_LINES = {
  name: 'Zoë Müller',
  title: 'Senior Software Engineer — Café Systems GmbH',
  contact: 'zoe@example.com · Berlin',
  skillsHeading: 'Skills',
  skills: 'Skills: TypeScript, Solid, WebGPU, SQL',
  summary1: 'Builds offline-first web apps and the tools around them.',
  summary2: 'Mentors juniors and runs the café-tasting club.',
  experienceHeading: 'Experience',
  job1: 'Lead Engineer, Zoë Müller — Café, 2019–2024',
  job1Detail: 'Shipped a PWA used by 40,000 baristas; cut load time by 60%.',
  job2: 'Engineer, Straße & Söhne, 2015–2019',
} as const;

/**
 * A two-page résumé: name and title on page 1, skills written as two runs (a bold label, then the
 * list) on one line, sections separated by wider gaps; experience on page 2.
 */
export async function twoPageResume(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const L = RESUME_LINES;

  const first = doc.addPage(A4);
  drawLines(first, [
    { text: L.name, font: bold, size: 22 },
    { text: L.title, font: regular, size: 13 },
    { text: L.contact, font: regular },
    { text: L.summary1, font: regular, gapBefore: 24 },
    { text: L.summary2, font: regular },
  ]);
  // One visual line from two text runs, as templates with bold labels write it.
  const label = 'Skills:';
  first.drawText(label, { x: LEFT, y: 560, size: 11, font: bold });
  first.drawText('TypeScript, Solid, WebGPU, SQL', { x: LEFT + bold.widthOfTextAtSize(label, 11) + 4, y: 560, size: 11, font: regular });

  const second = doc.addPage(A4);
  drawLines(second, [
    { text: L.experienceHeading, font: bold, size: 15 },
    { text: L.job1, font: bold, gapBefore: 10 },
    { text: L.job1Detail, font: regular },
    { text: L.job2, font: bold, gapBefore: 24 },
  ]);
  return doc.save();
}

/** `pageCount` pages, each saying "Page n of N" and a sentence, for the page cap. */
export async function numberedPages(pageCount: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pageCount; n++) {
    drawLines(doc.addPage(A4), [
      { text: `Page ${n} of ${pageCount}`, font },
      { text: 'Responsible for the build pipeline and the release process.', font },
    ]);
  }
  return doc.save();
}

/** One long page of numbered sentences, for the character cap. */
export async function longTextPage(sentences: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 40 + sentences * 12]);
  for (let n = 0; n < sentences; n++) {
    page.drawText(`Sentence number ${n + 1} describes another achievement.`, { x: LEFT, y: 20 + (sentences - n) * 12, size: 10, font });
  }
  return doc.save();
}

/** What a scanner makes: a page that is one picture of text, and a page number as the only text. */
export async function scannedResume(): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(400, 560);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000';
  context.font = '20px sans-serif';
  context.fillText('Zoë Müller — Software Engineer', 20, 40);
  context.fillText('Skills: TypeScript, Solid', 20, 80);
  const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());

  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage(A4);
  page.drawImage(await doc.embedPng(png), { x: 0, y: 0, width: A4[0], height: A4[1] });
  page.drawText('1', { x: 290, y: 20, size: 9, font });
  return doc.save();
}

export async function blankPages(pageCount: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let n = 0; n < pageCount; n++) doc.addPage(A4);
  return doc.save();
}

export const ENCRYPTED_TEXT = 'Confidential resume of Ada Lovelace, analyst of engines';
export const ENCRYPTED_PASSWORD = 'open-sesame';

/** A résumé that needs a password to open (AES-256), with one line of text. */
export function encryptedResume(): Promise<Uint8Array> {
  const helvetica = { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' };
  return writePdf(onePageObjects(`BT /F1 12 Tf 56 780 Td (${ENCRYPTED_TEXT}) Tj ET`, [helvetica]), {
    userPassword: ENCRYPTED_PASSWORD,
    ownerPassword: 'owner-only',
  });
}

export const JAPANESE_NAME = '山田花子';

/**
 * A name in a Japanese font that is not embedded, encoded with Adobe's UniJIS-UCS2-H CMap: pdf.js can
 * only turn it into Unicode with the CMap files, which must come from our bundle.
 */
export function japaneseNamePdf(): Promise<Uint8Array> {
  const ucs2 = Array.from(JAPANESE_NAME, (char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  return writePdf(
    onePageObjects(`BT /F1 16 Tf 56 780 Td <${ucs2}> Tj ET BT /F2 12 Tf 56 758 Td (Product designer, Osaka) Tj ET`, [
      { body: '<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>' },
      {
        body:
          '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 ' +
          '/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
      },
      {
        body:
          '<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [-123 -257 1001 910] ' +
          '/ItalicAngle 0 /Ascent 723 /Descent -241 /CapHeight 709 /StemV 69 >>',
      },
      { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
    ], '/F1 5 0 R /F2 8 0 R'),
  );
}
