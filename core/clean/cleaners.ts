import type { Cleaner, RawForm } from './cleaned-body.ts';
import { cleanMarkdown } from './markdown/markdown.ts';
import { cleanParaphrase } from './paraphrase/paraphrase.ts';
import { cleanPlainText } from './plain-text/plain-text.ts';
import { cleanPdfText, type PdfTextOptions } from './pdf-text/pdf-text.ts';
import { cleanWebPage } from './web-page/web-page.ts';
import { cleanWikiText } from './wikitext/wikitext.ts';

/** The cleaner for each raw form; undefined where none exists yet. */
export const cleaners: Record<RawForm, Cleaner | undefined> = {
  wikitext: cleanWikiText,
  paraphrase: cleanParaphrase,
  // The PDF cleaner checks its options itself and names any it does not know.
  'pdf-text': (raw, options) => cleanPdfText(raw, options as PdfTextOptions | undefined),
  'web-page': cleanWebPage,
  markdown: (raw, _options, onProgress) => cleanMarkdown(raw, onProgress),
  plain: (raw, _options, onProgress) => cleanPlainText(raw, onProgress),
  // HTML needs a DOM: electron/services/import/html-cleaner.ts, added by corpus/build.ts.
  html: undefined,
  // A PDF is read by pdf.js in a worker thread: electron/services/import/pdf/.
  pdf: undefined,
};
