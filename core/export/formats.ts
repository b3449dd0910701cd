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

/** The file name endings of each format (the first is the one to use), and what it is called. */
const FILES: Record<ExportFormat, { extensions: readonly string[]; name: string }> = {
  docx: { extensions: ['.docx'], name: 'a Word document' },
  md: { extensions: ['.md', '.markdown'], name: 'Markdown' },
  html: { extensions: ['.html', '.htm'], name: 'a web page (HTML)' },
  txt: { extensions: ['.txt'], name: 'plain text' },
  csv: { extensions: ['.csv'], name: 'a CSV table' },
  jsonld: { extensions: ['.jsonld', '.json'], name: 'W3C Web Annotations (JSON-LD)' },
  'csl-json': { extensions: ['.json'], name: 'CSL-JSON' },
  ris: { extensions: ['.ris'], name: 'RIS' },
  bibtex: { extensions: ['.bib'], name: 'BibTeX' },
};

/**
 * A warning when `file`'s name does not end as files of `format` do (a Word document named
 * notes.md would open in the wrong program, or not at all), or null when it does.
 */
export function extensionWarning(format: ExportFormat, file: string): string | null {
  const { extensions, name } = FILES[format];
  const lower = file.toLowerCase();
  if (extensions.some((extension) => lower.endsWith(extension))) return null;
  const base = file.split(/[\\/]/).at(-1) ?? file;
  return `${base} does not end in ${extensions[0]}, but the export is ${name} (${format}); programs may not open it as such.`;
}

/** The file name extension of each format ("bib" for BibTeX), the first of its endings. */
export const FILE_EXTENSIONS = Object.fromEntries(
  Object.entries(FILES).map(([format, { extensions }]) => [format, extensions[0]!.slice(1)]),
) as Record<ExportFormat, string>;

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
