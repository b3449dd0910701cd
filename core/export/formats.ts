/**
 * The export formats: annotated-citation documents (docx, md, html, txt, csv, jsonld),
 * reference-manager files of source metadata (csl-json, ris, bibtex) and folders of notes
 * (obsidian: one Markdown file per source), with each one's file name extension. The writers
 * behind them: write-format.ts (kept apart, so that the contract and the page can name the formats
 * without bundling the writers).
 */
import { ExportError } from './errors.ts';

/** Formats of annotated citations. */
export const DOCUMENT_FORMATS = ['docx', 'md', 'html', 'txt', 'csv', 'jsonld'] as const;

/** Formats of source metadata for reference managers. */
export const REFERENCE_FORMATS = ['csl-json', 'ris', 'bibtex'] as const;

/** Formats written as a folder of files rather than one file. */
export const FOLDER_FORMATS = ['obsidian'] as const;

/** One of `DOCUMENT_FORMATS`. */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** One of `REFERENCE_FORMATS`. */
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

/** One of `FOLDER_FORMATS`. */
export type FolderFormat = (typeof FOLDER_FORMATS)[number];

/** Any export format. */
export type ExportFormat = DocumentFormat | ReferenceFormat | FolderFormat;

/** The formats the window's Export dialog offers: each writes one file the save dialog names. */
export const EXPORT_FORMATS = [...DOCUMENT_FORMATS, ...REFERENCE_FORMATS] as const;

/** Every format, the folder ones included: what `apparatus export --format` takes. */
export const ALL_FORMATS = [...EXPORT_FORMATS, ...FOLDER_FORMATS] as const;

/** True for a format written as a folder of files (`--out` names the folder). */
export function isFolderFormat(format: ExportFormat): format is FolderFormat {
  return (FOLDER_FORMATS as readonly string[]).includes(format);
}

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
  obsidian: { extensions: [], name: 'a folder of Markdown notes' },
};

/**
 * A warning when `file`'s name does not end as files of `format` do (a Word document named
 * notes.md would open in the wrong program, or not at all), or null when it does.
 */
export function extensionWarning(format: ExportFormat, file: string): string | null {
  if (isFolderFormat(format)) return null;
  const { extensions, name } = FILES[format];
  const lower = file.toLowerCase();
  if (extensions.some((extension) => lower.endsWith(extension))) return null;
  const base = file.split(/[\\/]/).at(-1) ?? file;
  return `${base} does not end in ${extensions[0]}, but the export is ${name} (${format}); programs may not open it as such.`;
}

/** The file name extension of each format ("bib" for BibTeX), the first of its endings. */
export const FILE_EXTENSIONS = Object.fromEntries(
  Object.entries(FILES).map(([format, { extensions }]) => [format, extensions[0]?.slice(1) ?? '']),
) as Record<ExportFormat, string>;

/** Checks a format name; throws `ExportError` (`unknown-format`) naming the formats there are. */
export function parseFormat(name: string): ExportFormat {
  const all: readonly string[] = ALL_FORMATS;
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
