/**
 * The metadata check: which CSL variables a source lacks for a Chicago note or bibliography entry,
 * by CSL type. Variables joined by "|" are alternatives: either one will do.
 */
import type { CslItem } from '../corpus/model.ts';

const REQUIRED: Record<string, string[]> = {
  'article-journal': ['author', 'title', 'container-title', 'issued', 'volume'],
  'article-magazine': ['title', 'container-title', 'issued|accessed'],
  'article-newspaper': ['title', 'container-title', 'issued'],
  book: ['author|editor', 'title', 'publisher', 'issued'],
  chapter: ['author', 'title', 'container-title', 'publisher', 'issued'],
  'entry-encyclopedia': ['title', 'container-title'],
  'entry-dictionary': ['title', 'container-title'],
  webpage: ['title', 'container-title', 'issued|accessed', 'URL'],
  'post-weblog': ['title', 'container-title', 'issued|accessed', 'URL'],
  manuscript: ['title', 'issued', 'archive'],
  letter: ['author', 'title', 'issued', 'archive'],
  thesis: ['author', 'title', 'genre', 'publisher', 'issued'],
  document: ['title'],
};

/**
 * Types whose bibliography entry gives the work's page range. A single page there is almost
 * always a first page typed without its end, which would print as a one-page article: the check
 * asks for the range, or for an open one ("66-") when the last page is unknown.
 */
const PAGE_RANGE_TYPES = new Set(['article-journal', 'chapter']);

function present(item: CslItem, variable: string): boolean {
  const value = item[variable];
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** True for a page field that names one page only ("66"), not a range, a list or an open range. */
function singlePage(value: unknown): boolean {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  return /^\s*[^\s,;&–—-]+\s*$/.test(text);
}

/**
 * The CSL variables Chicago needs for this item's type that it lacks ("issued|accessed": either).
 * A journal article or chapter whose `page` gives a single page lacks its page range (`page`).
 */
export function missingForChicago(item: CslItem): string[] {
  const required = REQUIRED[item.type] ?? ['title'];
  const missing = required.filter((alternatives) => !alternatives.split('|').some((variable) => present(item, variable)));
  if (PAGE_RANGE_TYPES.has(item.type) && singlePage(item.page)) missing.push('page');
  return missing;
}
