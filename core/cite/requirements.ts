import type { CslItem } from '../corpus/model.ts';

// What a Chicago note or bibliography entry cannot do without, by CSL type (chicago.md §9).
// Variables joined by "|" are alternatives: either one will do.
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

function present(item: CslItem, variable: string): boolean {
  const value = item[variable];
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The CSL variables Chicago needs for this item's type that it lacks ("issued|accessed": either). */
export function missingForChicago(item: CslItem): string[] {
  const required = REQUIRED[item.type] ?? ['title'];
  return required.filter((alternatives) => !alternatives.split('|').some((variable) => present(item, variable)));
}
