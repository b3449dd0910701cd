/**
 * Reading a PDF to import, off the calling thread: checks the file, runs the extraction worker,
 * reports its progress page by page, stops it when asked, and turns every failure into an
 * `ImportError` written for a historian.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { ImportError } from '../import-error.ts';
import { NotAFile, formatSize, refuseLink, unreadableFile } from '../read-import-file.ts';
import { runWorker } from '../run-worker.ts';
import type { PdfExtraction, PdfFailure, PdfWorkerInput } from './pdf-protocol.ts';
import { defaultPdfWorkerFile } from './pdf-worker-file.ts';

/** The largest PDF Apparatus imports: 100 MB, a long scanned book. */
export const DEFAULT_MAX_PDF_BYTES = 100 * 1024 * 1024;

/** How far reading a PDF has come: pages done of the total. */
export interface PdfProgress {
  done: number;
  total: number;
}

/** Options of one PDF read. */
export interface ReadPdfOptions {
  maxBytes?: number;
  /** Called after every page. */
  onProgress?: (progress: PdfProgress) => void;
  /** Aborting stops the worker at once; the read then rejects with an `ImportError` `cancelled`. */
  signal?: AbortSignal;
  /** The worker script; found beside this module by default. */
  workerFile?: string;
}

/** Reads the PDF at `path` in a worker thread and returns what it holds. */
export async function readPdf(path: string, options: ReadPdfOptions = {}): Promise<PdfExtraction> {
  const name = basename(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PDF_BYTES;
  refuseLink(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new NotAFile(stat.isDirectory());
    size = stat.size;
  } catch (error) {
    throw unreadableFile(path, error);
  }
  if (size > maxBytes) {
    throw new ImportError(
      'too-large',
      `This PDF is larger than the ${formatSize(maxBytes)} import limit: “${name}” is ${formatSize(size)}. ` +
        'Split it into parts (for example one per chapter) and import each.',
    );
  }
  if (options.signal?.aborted) throw cancelled(name);
  if (size === 0) throw new ImportError('empty', `This file is empty: “${name}” holds no text to import.`);
  const workerFile = options.workerFile ?? defaultPdfWorkerFile();
  if (workerFile === undefined) throw new Error('the PDF worker script cannot be found');
  const input: PdfWorkerInput = { path };
  return runWorker<PdfProgress, PdfExtraction, { failure: PdfFailure; detail: string }>(workerFile, input, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    refused: ({ failure: kind, detail }) => failure(name, kind, detail),
    cancelled: () => cancelled(name),
    crashed: (detail) => failure(name, 'damaged', detail),
  });
}

function cancelled(name: string): ImportError {
  return new ImportError('cancelled', `The import of “${name}” was cancelled; nothing was imported.`);
}

function failure(name: string, kind: PdfFailure, detail: string): ImportError {
  const messages: Record<PdfFailure, string> = {
    encrypted:
      `“${name}” is protected by a password, so Apparatus cannot read its text. Open it in a PDF reader, ` +
      'save or print an unprotected copy as PDF, and import that copy. Nothing was imported.',
    damaged:
      `“${name}” is damaged: its text cannot be read (${detail}). Download or export the PDF again and ` +
      'import the new copy. Nothing was imported.',
    truncated:
      `“${name}” is incomplete: the file stops before its end, as when a download did not finish. Download ` +
      'it again and import the complete file. Nothing was imported.',
    'not-pdf':
      `“${name}” is not a PDF, although its name ends in .pdf. Check that it is the document you meant, ` +
      'or save it as a PDF first. Nothing was imported.',
  };
  return new ImportError(kind === 'encrypted' ? 'encrypted' : 'damaged', messages[kind]);
}
