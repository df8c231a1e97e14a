import { describe, expect, it } from 'vitest';
import { PdfTextError } from './pdf-text-error.ts';
import { readResumeFile } from './resume-input.ts';
import { RESUME_LINES, twoPageResume } from './test-pdfs.ts';

const file = (parts: BlobPart[], name: string, type = '') => new File(parts, name, { type });

describe('readResumeFile', () => {
  it('reads a PDF through the PDF extractor, whatever the file is called', async () => {
    const bytes = (await twoPageResume()) as Uint8Array<ArrayBuffer>;
    for (const named of [file([bytes], 'cv.pdf', 'application/pdf'), file([bytes], 'cv-download')]) {
      const result = await readResumeFile(named);
      expect(result.source).toBe('pdf');
      expect(result.text).toContain(RESUME_LINES.skills);
    }
  });

  it('reads a text or Markdown file as it is, normalised', async () => {
    const text = await readResumeFile(file(['  Zoë Müller — Café\r\n\r\n\r\nSkills:\tTypeScript  '], 'cv.txt', 'text/plain'));
    expect(text).toEqual({ text: 'Zoë Müller — Café\n\nSkills: TypeScript', source: 'text', truncated: false });
    const markdown = await readResumeFile(file(['# Zoë Müller\n\n- TypeScript'], 'cv.md'));
    expect(markdown).toMatchObject({ text: '# Zoë Müller\n\n- TypeScript', source: 'text' });
  });

  it('caps a long text file without reading all of it', async () => {
    const result = await readResumeFile(file(['word '.repeat(50_000)], 'cv.txt', 'text/plain'), { maxChars: 1000 });
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(1000);
    expect(result.text).toMatch(/^(word )+word$/);
  });

  it('says what to do with a Word file, an empty text file, and a .pdf that is not one', async () => {
    await expect(readResumeFile(file(['PK\u0003\u0004 binary'], 'cv.docx'))).rejects.toMatchObject({ code: 'not-pdf', message: expect.stringMatching(/"cv.docx" is neither a PDF nor a text file\. .*paste/) });
    await expect(readResumeFile(file(['  \n '], 'cv.txt', 'text/plain'))).rejects.toMatchObject({ code: 'no-text', message: expect.stringMatching(/"cv.txt" has no text in it\. Paste/) });
    await expect(readResumeFile(file(['Just some text'], 'cv.pdf', 'application/pdf'))).rejects.toBeInstanceOf(PdfTextError);
  });
});
