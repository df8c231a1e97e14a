// Opens one PDF with pdf.js, in a worker of its own that is terminated when the document is closed.
// pdf.js (about 1 MB with its worker) is imported on first use, so it stays out of the first screen.
// Owns: how pdf.js is configured (worker, bundled data files, no eval). Errors are pdf.js's own;
// pdf-text.ts turns them into PdfTextErrors.
import type { PDFDocumentProxy } from 'pdfjs-dist';

const DESTROY_TIMEOUT_MS = 1000;

export interface OpenPdf {
  readonly document: PDFDocumentProxy;
  /** Destroys the document and terminates its worker; safe to call more than once. */
  close(): Promise<void>;
}

/** Thrown when the worker script itself fails to load, before pdf.js could say anything. */
export class PdfWorkerStartError extends Error {
  override name = 'PdfWorkerStartError';
}

/**
 * `data` is transferred to the worker: the caller must not use it afterwards.
 * `onCreated` hands out `close` before the document has opened, so an abort can stop the opening.
 */
export async function openPdf(data: Uint8Array, options: { password?: string; onCreated?: (close: () => Promise<void>) => void } = {}): Promise<OpenPdf> {
  const [pdfjs, { BundledBinaryDataFactory }] = await Promise.all([import('pdfjs-dist'), import('./pdf-binary-data.ts')]);

  const worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module', name: 'pdf.js' });
  const pdfWorker = pdfjs.PDFWorker.create({ port: worker, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const loadingTask = pdfjs.getDocument({
    data,
    password: options.password,
    worker: pdfWorker,
    BinaryDataFactory: BundledBinaryDataFactory,
    useWorkerFetch: false,
    // Fonts are only read for their text, never drawn, and a PWA should not need eval.
    isEvalSupported: false,
    useWasm: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      try {
        // destroy() waits for the worker to acknowledge; a worker stuck on a hostile file never does.
        await Promise.race([loadingTask.destroy(), new Promise((resolve) => setTimeout(resolve, DESTROY_TIMEOUT_MS))]);
      } finally {
        pdfWorker.destroy();
        worker.terminate();
      }
    })();
    return closed;
  };
  options.onCreated?.(close);

  // With a port of our own pdf.js does not watch the worker, so a worker script that fails to load
  // would leave the loading task pending forever.
  const workerFailed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new PdfWorkerStartError(`The pdf.js worker failed to load${event instanceof ErrorEvent && event.message ? `: ${event.message}` : ''}.`)), { once: true });
  });
  try {
    const document = await Promise.race([loadingTask.promise, workerFailed]);
    return { document, close };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
