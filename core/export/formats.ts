/**
 * The export formats and the writer behind each: annotated-citation documents (docx, md, html,
 * txt, csv, jsonld) and reference-manager files of source metadata (csl-json, ris, bibtex).
 */
import type { CslItem } from '../corpus/model.ts';
import { writeBibtex } from './bibtex.ts';
import { writeCslJson } from './csl-json.ts';
import { writeCsv } from './csv.ts';
import { writeDocx } from './docx.ts';
import { ExportError } from './errors.ts';
import type { ExportDocument } from './export-document.ts';
import { writeHtml } from './html.ts';
import { writeJsonLd } from './json-ld.ts';
import { writeMarkdown } from './markdown.ts';
import { writePlainText } from './plain-text.ts';
import { writeRis } from './ris.ts';

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

const encoder = new TextEncoder();

/** The file contents of `doc` in a document format: UTF-8 text, or the packed DOCX. */
export async function renderDocument(doc: ExportDocument, format: DocumentFormat): Promise<Uint8Array> {
  if (format === 'docx') return writeDocx(doc);
  const writers: Record<Exclude<DocumentFormat, 'docx'>, (d: ExportDocument) => string> = {
    md: writeMarkdown,
    html: writeHtml,
    txt: writePlainText,
    csv: writeCsv,
    jsonld: writeJsonLd,
  };
  return encoder.encode(writers[format](doc));
}

/** The file contents of `items` in a reference-manager format, as UTF-8 bytes. */
export function renderReferences(items: readonly CslItem[], format: ReferenceFormat): Uint8Array {
  const writers: Record<ReferenceFormat, (i: readonly CslItem[]) => string> = {
    'csl-json': writeCslJson,
    ris: writeRis,
    bibtex: writeBibtex,
  };
  return encoder.encode(writers[format](items));
}
