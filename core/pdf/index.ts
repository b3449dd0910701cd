/**
 * PDF layout analysis: from the text items of a PDF's pages (positions, sizes, font styles) to a
 * cleaned source body. Pure: the items come from pdf.js in `electron/services/import/pdf/`.
 */
export type { AssembledPdf, AssemblyPage } from './assemble.ts';
export { assemblePdf } from './assemble.ts';
export type { PdfMetadataInput } from './metadata.ts';
export { pdfMetadata } from './metadata.ts';
export type { ColumnSide, PageLayout, PdfItem, PdfLine, PdfPageText, PdfRun } from './model.ts';
export type { PageLabels, PageLabelSource } from './page-labels.ts';
export { layoutPage } from './page-layout.ts';
export { fontStyle } from './font-style.ts';
