/**
 * pdf.js in the page, loaded only when a page is first shown. Its worker is a script of our own
 * origin (the Content-Security-Policy allows no other), and it reads the fonts, character maps and
 * image decoders the build copies beside it (vite.renderer.config.ts), as plain scripts and data:
 * no WebAssembly, which the policy does not allow.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof PdfJsModule;

let library: Promise<PdfJs> | undefined;

/** pdf.js, loaded once. */
export function pdfjs(): Promise<PdfJs> {
  library ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return library;
}

// The folder of the copied pdf.js data, as an absolute URL (the worker resolves against its own).
const assets = (folder: string) => new URL(`pdfjs/${folder}/`, document.baseURI).href;

/** An open PDF, and how to close it (its worker and memory are freed). */
export interface OpenPdf {
  document: PDFDocumentProxy;
  close(): Promise<void>;
}

/** Opens a PDF from its bytes (which pdf.js takes over). */
export async function openPdf(data: Uint8Array): Promise<OpenPdf> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data,
    standardFontDataUrl: assets('standard_fonts'),
    cMapUrl: assets('cmaps'),
    cMapPacked: true,
    wasmUrl: assets('wasm'),
    useWasm: false,
    enableXfa: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    return { document: await task.promise, close: () => task.destroy() };
  } catch (error) {
    await task.destroy();
    throw error;
  }
}
