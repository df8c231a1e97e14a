// Hands pdf.js the data files it asks for while reading text, from our own bundle, never a CDN:
// the Adobe CMaps (needed to map CJK text in fonts that are not embedded to Unicode) and the standard
// font files. Vite emits each file as a hashed asset, and pdf.js asks for them by file name through
// this factory (`useWorkerFetch: false`), so it needs no base URL. `no-inline` keeps small files out
// of this chunk as data: URLs: a PDF needs one or two of them at most, so this chunk stays a list of URLs.
// Loaded together with pdf.js, never on the first screen.

// Relative to this file: a glob starting with / would resolve against Vite's root (web/).
const CMAP_URLS = import.meta.glob<string>('../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&no-inline', import: 'default', eager: true });
const STANDARD_FONT_URLS = import.meta.glob<string>('../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { query: '?url&no-inline', import: 'default', eager: true });

type BinaryDataKind = 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl';

function byFileName(urls: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
}

const FILES: Partial<Record<BinaryDataKind, Map<string, string>>> = {
  cMapUrl: byFileName(CMAP_URLS),
  standardFontDataUrl: byFileName(STANDARD_FONT_URLS),
  // No wasm: it only decodes images, which reading text never does.
};

/** The shape pdf.js expects of its `BinaryDataFactory` option (constructed by pdf.js itself). */
export class BundledBinaryDataFactory {
  async fetch({ kind, filename }: { kind: BinaryDataKind; filename: string }): Promise<Uint8Array> {
    const url = FILES[kind]?.get(filename);
    if (!url) throw new Error(`pdf.js asked for ${kind} file "${filename}", which is not bundled; the text that needs it cannot be read.`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Loading the bundled pdf.js file ${url} failed with HTTP ${response.status}.`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

/** How many files each kind has, so a test can tell the globs found them. */
export function bundledFileCounts(): Record<'cMaps' | 'standardFonts', number> {
  return { cMaps: FILES.cMapUrl?.size ?? 0, standardFonts: FILES.standardFontDataUrl?.size ?? 0 };
}
