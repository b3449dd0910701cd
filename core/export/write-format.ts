/** The file contents of an export in each format: the writer behind every format of formats.ts. */
import type { CslItem } from '../corpus/model.ts';
import { writeBibtex } from './bibtex.ts';
import { writeCslJson } from './csl-json.ts';
import { writeCsv } from './csv.ts';
import { writeDocx } from './docx.ts';
import type { ExportDocument } from './export-document.ts';
import type { DocumentFormat, ReferenceFormat } from './formats.ts';
import { writeHtml } from './html.ts';
import { writeJsonLd } from './json-ld.ts';
import { writeMarkdown } from './markdown.ts';
import { writePlainText } from './plain-text.ts';
import { writeRis } from './ris.ts';

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
