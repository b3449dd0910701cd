import type { Block, CslItem, Note } from '../corpus/model.ts';

/**
 * What a cleaner makes of a raw text: the body and notes of a Source, before metadata is attached.
 * Block ids may be left empty: `core/corpus` numbers blocks when it parses or builds a source.
 */
export interface CleanedBody {
  blocks: Block[];
  notes: Note[];
  /** Metadata the raw text itself states (a web page's headline, byline, dateline). A recipe's metadata wins over it. */
  found?: Partial<CslItem>;
  /**
   * Facts about how the text was read that a reader should know before quoting it (nesting too
   * deep for a parser, flattened), in sentences; an import keeps them as the source's caveats.
   */
  caveats?: string[];
  /** What the person importing should hear about the file (a front-matter line passed over). */
  notices?: string[];
}

/**
 * A cleaner turns one raw form into a CleanedBody. It is pure and deterministic. `options` come
 * from the source's recipe (e.g. the first printed page of a PDF); a cleaner validates them. A
 * cleaner that can tell how far it has come reports it to `onProgress`, from 0 to 1.
 */
export type Cleaner = (raw: string, options?: Readonly<Record<string, unknown>>, onProgress?: (fraction: number) => void) => CleanedBody;

/**
 * The raw forms Apparatus knows how to clean. `html` is cleaned in the main process (it needs a
 * DOM for the readability library), and `pdf` is read by pdf.js there, so core's registry has no
 * cleaner for either.
 */
export type RawForm = 'wikitext' | 'paraphrase' | 'pdf-text' | 'web-page' | 'markdown' | 'plain' | 'html' | 'pdf';
