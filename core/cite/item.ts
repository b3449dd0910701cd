/**
 * How the formatter reads a CSL-JSON item: which Chicago template its type uses, its fields as
 * trimmed strings, and the checks that refuse an item Chicago cannot cite.
 */
import type { CslItem } from '../corpus/model.ts';
import { CitationError } from './errors.ts';
import type { CiteName } from './names.ts';

/** The Chicago templates, one per family of CSL types. */
export type Kind =
  | 'journal'
  | 'periodical'
  | 'book'
  | 'chapter'
  | 'entry'
  | 'webpage'
  | 'archival'
  | 'thesis';

const KINDS: Record<string, Kind> = {
  'article-journal': 'journal',
  'article-magazine': 'periodical',
  'article-newspaper': 'periodical',
  book: 'book',
  chapter: 'chapter',
  entry: 'entry',
  'entry-encyclopedia': 'entry',
  'entry-dictionary': 'entry',
  webpage: 'webpage',
  'post-weblog': 'webpage',
  manuscript: 'archival',
  letter: 'archival',
  document: 'archival',
  thesis: 'thesis',
};

/** Fields each template cannot do without; `|` separates alternatives. */
const REQUIRED: Record<Kind, string[]> = {
  journal: ['title', 'container-title'],
  periodical: ['container-title'],
  book: ['title'],
  chapter: ['title', 'container-title'],
  entry: ['title', 'container-title'],
  webpage: ['title|container-title'],
  archival: ['title|genre|archive_location|archive'],
  thesis: ['title'],
};

/** The CSL name variables the formatter reads. */
export type NameRole = 'author' | 'editor' | 'translator';

/** The template for an item's type; throws `unsupported-type` for a type Chicago support lacks. */
export function kindOf(item: CslItem): Kind {
  const kind = KINDS[item.type];
  if (!kind) {
    throw new CitationError(
      'unsupported-type',
      `The source “${item.id}” has the type “${item.type}”, which Apparatus cannot cite ` +
        'yet. Supported: journal, magazine and newspaper articles, books, chapters, ' +
        'encyclopedia entries, web pages, archival documents and manuscripts, and theses.',
      item.id,
    );
  }
  return kind;
}

/** Checks that the item has an id, a supported type and the fields its template needs. */
export function checkItem(item: CslItem): void {
  if (typeof item.id !== 'string' || item.id.trim() === '') {
    throw new CitationError('invalid-input', 'A source has no id: every item needs an "id" text.');
  }
  const kind = kindOf(item);
  for (const need of REQUIRED[kind]) {
    const options = need.split('|');
    if (!options.some((name) => field(item, name) !== undefined)) {
      const names = options.map((o) => `“${o}”`).join(' or ');
      throw new CitationError(
        'missing-field',
        `The source “${item.id}” (${item.type}) has no ${names}; ` +
          'Chicago cannot cite it without one.',
        item.id,
      );
    }
  }
}

/** A text field, trimmed; numbers (CSL allows `"volume": 50`) become text; blank is undefined. */
export function field(item: CslItem, name: string): string | undefined {
  const value = item[name];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The names in a CSL name variable; an empty list when there are none. */
export function names(item: CslItem, role: NameRole): CiteName[] {
  const list = item[role];
  return Array.isArray(list) ? (list as CiteName[]) : [];
}
