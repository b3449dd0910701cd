/**
 * The contract every per-type template fulfils, and the table from an item's kind to its template.
 * Short forms are shared by all types and live in short-form.ts.
 */
import type { CslItem } from '../corpus/model.ts';
import type { Kind } from './item.ts';
import type { Rich } from './rich.ts';
import type { Edition } from './style.ts';
import { archivalTemplate } from './templates/archival.ts';
import { bookTemplate } from './templates/book.ts';
import { chapterTemplate } from './templates/chapter.ts';
import { entryTemplate } from './templates/entry.ts';
import { journalTemplate } from './templates/journal.ts';
import { periodicalTemplate } from './templates/periodical.ts';
import { thesisTemplate } from './templates/thesis.ts';
import { webpageTemplate } from './templates/webpage.ts';

/** The full-note and bibliography forms of one family of source types. */
export interface Template {
  /** The full note for a first citation, without its closing full stop; `locator` is formatted. */
  full(item: CslItem, edition: Edition, locator: string | null): Rich;
  /**
   * The bibliography entry with its closing full stop, or null when Chicago leaves the item out.
   * `creators` is the formatted first element (possibly a 3-em dash), or null for an anonymous work.
   */
  bibliography(item: CslItem, edition: Edition, creators: string | null): Rich | null;
}

const TEMPLATES: Record<Kind, Template> = {
  journal: journalTemplate,
  periodical: periodicalTemplate,
  book: bookTemplate,
  chapter: chapterTemplate,
  entry: entryTemplate,
  webpage: webpageTemplate,
  archival: archivalTemplate,
  thesis: thesisTemplate,
};

/** The template for a kind of item. */
export function templateFor(kind: Kind): Template {
  return TEMPLATES[kind];
}
