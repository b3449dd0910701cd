/**
 * What a page's head states, read as the page streams past: its `<meta>` tags, its first
 * `<title>` and `<html lang>`. The same facts the import reads from a parsed page.
 */

/** What a page's head states: `<meta>` `name`/`property` (lower case) → every value in page order, `<title>` and `<html lang>`. */
export interface HtmlHeadFacts {
  tags: Map<string, string[]>;
  title: string | undefined;
  lang: string | undefined;
}

/** Collects a page's head facts from the parser's events. */
export class StreamHead {
  readonly #tags = new Map<string, string[]>();
  #title: string[] | undefined;
  #inTitle = false;
  #lang: string | undefined | null = null;

  /** A tag was opened. */
  openTag(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name === 'meta') {
      const key = (attributes.name ?? attributes.property ?? '').trim().toLowerCase();
      const value = collapsed(attributes.content ?? '');
      if (key !== '' && value !== '') this.#tags.set(key, [...(this.#tags.get(key) ?? []), value]);
    } else if (name === 'title' && this.#title === undefined) {
      this.#title = [];
      this.#inTitle = true;
    } else if (name === 'html' && this.#lang === null) {
      this.#lang = attributes.lang;
    }
  }

  /** An element was closed. */
  closeTag(name: string): void {
    if (name === 'title') this.#inTitle = false;
  }

  /** Text of the page. */
  text(text: string): void {
    if (this.#inTitle) this.#title?.push(text);
  }

  /** The facts, once the page is read. */
  facts(): HtmlHeadFacts {
    const lang = collapsed(this.#lang ?? '');
    return { tags: this.#tags, title: this.#title && collapsed(this.#title.join('')), lang: lang === '' ? undefined : lang };
  }
}

function collapsed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
