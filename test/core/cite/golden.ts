/**
 * Test helpers: the fixture files, the HTML, plain-text and Markdown forms of a golden string of
 * the worked examples (docs/citation-rules.md §4, which show italics as `*asterisks*`), and short
 * ways to build and read documents.
 */
import { readFileSync } from 'node:fs';
import type { Cluster } from '../../../core/cite/cite-document.ts';
import { toMarkdown } from '../../../core/cite/render.ts';
import type { Rich } from '../../../core/cite/rich.ts';
import type { CslItem } from '../../../core/corpus/model.ts';

const FIXTURES = new URL('../../fixtures/cite/', import.meta.url);

/** Reads a JSON fixture from test/fixtures/cite. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}

/** The five seed items of the worked examples (docs/citation-rules.md §4). */
export function seedItems(): CslItem[] {
  return fixture<CslItem[]>('items.json');
}

/** A golden string as HTML: text escaped, `*…*` as `<i>…</i>`. */
export function goldenHtml(golden: string): string {
  const escaped = golden.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
  return escaped.replace(/\*([^*]+)\*/g, '<i>$1</i>');
}

/** A golden string as plain text: the asterisks removed. */
export function goldenText(golden: string): string {
  return golden.replace(/\*([^*]+)\*/g, '$1');
}

/** A golden string as our Markdown renderer writes it: brackets in text are escaped. */
export function goldenMarkdown(golden: string): string {
  return golden.replace(/[[\]]/g, (c) => `\\${c}`);
}

/** The notes of a document as Markdown strings (italics as `*…*`, as the worked examples write them). */
export function notesOf(doc: { notes: { rich: Rich }[] }): string[] {
  return doc.notes.map((n) => toMarkdown(n.rich));
}

/** The bibliography of a document as Markdown strings. */
export function bibliographyOf(doc: { bibliography: { rich: Rich }[] }): string[] {
  return doc.bibliography.map((e) => toMarkdown(e.rich));
}

/** Clusters of one citation each, in notes 1, 2, 3 …: `[id]` or `[id, locator]` or `[id, locator, label]`. */
export function run(...cites: ([string] | [string, string] | [string, string, string])[]): Cluster[] {
  return cites.map(([id, locator, label]) => ({
    items: [{ id, ...(locator ? { locator } : {}), ...(label ? { label } : {}) }],
  }));
}
