// The public face of core/export. Only re-exports.
export { citeAnnotation, type Citation } from './annotation-citation.ts';
export { buildExport, type ExportRequest } from './build-export.ts';
export { citeOptionsFor } from './cite-style.ts';
export { isStyleName, STYLE_NAMES, type StyleName } from '../cite/style.ts';
export { ExportError, type ExportErrorCode } from './errors.ts';
export type { ExportDocument, ExportEntry, ExportGroup } from './export-document.ts';
export {
  DOCUMENT_FORMATS,
  REFERENCE_FORMATS,
  isReferenceFormat,
  parseFormat,
  type DocumentFormat,
  type ExportFormat,
  type ReferenceFormat,
} from './formats.ts';
export { renderDocument, renderReferences } from './write-format.ts';
export { locatorFor, type ExportLocator } from './locator.ts';
export { ORDERS, parseOrder, type ExportOrder } from './order.ts';
export { ELLIPSIS, quotationOf, type Quotation, type QuotationPiece } from './quotation.ts';
export { referenceItems } from './reference-scope.ts';
export { parseScope, selectAnnotations, type ExportScope } from './scope.ts';
export { writeBibtex } from './bibtex.ts';
export { writeCslJson } from './csl-json.ts';
export { writeCsv } from './csv.ts';
export { docxDocument, writeDocx } from './docx.ts';
export { writeHtml } from './html.ts';
export { writeJsonLd } from './json-ld.ts';
export { writeMarkdown } from './markdown.ts';
export { writePlainText } from './plain-text.ts';
export { writeRis } from './ris.ts';
