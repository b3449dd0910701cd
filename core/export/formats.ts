/**
 * The export formats: annotated-citation documents (docx, md, html, txt, csv, jsonld) and
 * reference-manager files of source metadata (csl-json, ris, bibtex), with each one's file name
 * extension. The writers behind them: write-format.ts (kept apart, so that the contract and the
 * page can name the formats without bundling the writers).
 */
import { ExportError } from './errors.ts';

/** Formats of annotated citations. */
export const DOCUMENT_FORMATS = ['docx', 'md', 'html', 'txt', 'csv', 'jsonld'] as const;

/** Formats of source metadata for reference managers. */
export const REFERENCE_FORMATS = ['csl-json', 'ris', 'bibtex'] as const;

/** One of `DOCUMENT_FORMATS`. */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** One of `REFERENCE_FORMATS`. */
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

/** Any export format. */
export type ExportFormat = DocumentFormat | ReferenceFormat;

/** Every export format, annotated citations first: the list the contract and the export dialog offer. */
export const EXPORT_FORMATS = [...DOCUMENT_FORMATS, ...REFERENCE_FORMATS] as const;

/** The file name extension of each format ("bib" for BibTeX). */
export const FILE_EXTENSIONS: Record<ExportFormat, string> = {
  docx: 'docx',
  md: 'md',
  html: 'html',
  txt: 'txt',
  csv: 'csv',
  jsonld: 'jsonld',
  'csl-json': 'json',
  ris: 'ris',
  bibtex: 'bib',
};

/** Checks a format name; throws `ExportError` (`unknown-format`) naming the formats there are. */
export function parseFormat(name: string): ExportFormat {
  const all: readonly string[] = EXPORT_FORMATS;
  if (all.includes(name)) return name as ExportFormat;
  throw new ExportError(
    'unknown-format',
    `“${name}” is not an export format. Use one of ${all.join(', ')}.`,
  );
}

/** True for a format of source metadata rather than annotated citations. */
export function isReferenceFormat(format: ExportFormat): format is ReferenceFormat {
  return (REFERENCE_FORMATS as readonly string[]).includes(format);
}
