/**
 * Reading a PDF with pdf.js: the text items of every page with their positions and font styles,
 * the page labels and the metadata, turned into a cleaned body by `core/pdf`. Runs inside the
 * extraction worker; never on the main thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { assemblePdf, fontStyle, layoutPage, pdfMetadata, type PageLayout, type PdfItem } from '../../../../core/pdf/index.ts';
import type { PdfExtraction, PdfFailure } from './pdf-protocol.ts';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The outcome of reading one PDF. */
export type ExtractOutcome = { ok: true; result: PdfExtraction } | { ok: false; failure: PdfFailure; detail: string };

// The first pages, whose text may carry a DOI, an ISSN or a journal line.
const METADATA_PAGES = 2;

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** Reads the PDF at `path`, calling `onPage` after each page. */
export async function extractPdf(path: string, onPage: (done: number, total: number) => void): Promise<ExtractOutcome> {
  const bytes = readFileSync(path);
  if (!bytes.subarray(0, 1024).includes('%PDF-')) return { ok: false, failure: 'not-pdf', detail: 'it does not begin like a PDF' };
  if (!bytes.subarray(Math.max(0, bytes.length - 2048)).includes('%%EOF')) {
    return { ok: false, failure: 'truncated', detail: 'it stops before the end that every PDF has' };
  }
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ...dataFolders(),
    fontExtraProperties: true,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  let document: PdfDocument;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    return failed(error);
  }
  try {
    const total = document.numPages;
    const labels = await document.getPageLabels();
    const pages: (PageLayout | null)[] = [];
    // The last page in two columns: a page ending an article may have too few lines to show its own.
    let columned: PageLayout | undefined;
    for (let number = 1; number <= total; number += 1) {
      const page = await document.getPage(number);
      const layout = await readPage(page, columned);
      if (layout?.gutter !== undefined) columned = layout;
      pages.push(layout);
      page.cleanup();
      onPage(number, total);
    }
    const { info, metadata } = await document.getMetadata();
    const xmp: Record<string, unknown> = metadata ? Object.fromEntries(metadata) : {};
    const assembled = assemblePdf(pages, labels);
    const firstLines = pages.slice(0, METADATA_PAGES).flatMap((page) => page?.lines.map((line) => line.text) ?? []);
    return {
      ok: true,
      result: {
        body: assembled.body,
        found: pdfMetadata({ info: info as Record<string, unknown>, xmp, firstLines }),
        pages: total,
        textless: assembled.textless,
        labelSource: assembled.labels.source,
        pageLabels: assembled.labels.labels.map((label) => label ?? null),
        caveats: assembled.labels.caveat === undefined ? [] : [assembled.labels.caveat],
      },
    };
  } catch (error) {
    return failed(error);
  } finally {
    await task.destroy();
  }
}

async function readPage(page: PdfPage, columned: PageLayout | undefined): Promise<PageLayout | null> {
  const content = await page.getTextContent();
  const raw = content.items.filter((item) => 'str' in item && item.str.trim() !== '');
  if (raw.length === 0) return null;
  // Font names reach this side only with the page's operator list; they tell bold and italic.
  await page.getOperatorList();
  const styles = new Map<string, { bold: boolean; italic: boolean }>();
  const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
  const items: PdfItem[] = [];
  for (const item of raw) {
    if (!('str' in item)) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
    // Only horizontal text is read; text turned on its side (a margin stamp) is not running text.
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) continue;
    let style = styles.get(item.fontName);
    if (!style) {
      style = fontStyle(fontNameOf(page, item.fontName));
      styles.set(item.fontName, style);
    }
    const rtl = item.dir === 'rtl' ? { rtl: true } : {};
    items.push({ text: item.str, x: e - left, y: f - bottom, width: item.width, size: Math.hypot(c, d), ...style, ...rtl });
  }
  return layoutPage({ width: right - left, height: top - bottom, items }, columned);
}

function fontNameOf(page: PdfPage, id: string): string | undefined {
  try {
    const font = page.commonObjs.get(id) as { name?: unknown } | null;
    return typeof font?.name === 'string' ? font.name : undefined;
  } catch {
    return undefined;
  }
}

// pdf.js needs its CMaps (for fonts of East Asian scripts) and standard font data from its package.
function dataFolders(): { cMapUrl?: string; cMapPacked?: boolean; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const cmaps = join(root, 'cmaps/');
    const fonts = join(root, 'standard_fonts/');
    return {
      ...(existsSync(cmaps) ? { cMapUrl: cmaps, cMapPacked: true } : {}),
      ...(existsSync(fonts) ? { standardFontDataUrl: fonts } : {}),
    };
  } catch {
    return {};
  }
}

function failed(error: unknown): ExtractOutcome {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return { ok: false, failure: 'encrypted', detail };
  return { ok: false, failure: 'damaged', detail };
}
