// The pdf.js worker, as a module worker of our own bundle: Vite builds it into a hashed .js chunk
// next to the app (so the PWA precaches it and it works offline) instead of pdf.js fetching its worker
// from a URL. pdf.js's worker script sets itself up on the worker's global scope when it is imported.
import 'pdfjs-dist/build/pdf.worker.min.mjs';
