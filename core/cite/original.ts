/**
 * "Originally published as": a translation
 * cited as itself points at the work it translates, in its first full note and in its
 * bibliography entry. The pointer names the original as a reader would look it up: without DOI,
 * URL or access date (those describe a copy someone consulted, not the work), and without its
 * author when the translation is credited to the same person(s).
 */
import type { CslItem } from '../corpus/model.ts';
import { CitationError } from './errors.ts';
import { checkItem, kindOf, names } from './item.ts';
import type { Kind } from './item.ts';
import { namesInOrder, noteNames, personKey } from './names.ts';
import type { CiteName } from './names.ts';
import { concat, join, plainText, punctuate } from './rich.ts';
import type { Rich } from './rich.ts';
import type { Edition } from './style.ts';
import { templateFor } from './template.ts';
import { isOnline } from './templates/archival.ts';

/** Translated item id → the CSL item of the work it translates. */
export type Originals = ReadonlyMap<string, CslItem>;

/**
 * The originals of the cited translations, each checked like a cited item. Throws `CitationError`
 * for an original Chicago cannot cite or for an item given as its own original.
 */
export function citedOriginals(
  originals: Originals | undefined,
  citedIds: Iterable<string>,
): Map<string, CslItem> {
  const out = new Map<string, CslItem>();
  if (!originals) return out;
  for (const id of citedIds) {
    const original = originals.get(id);
    if (!original) continue;
    checkItem(original);
    if (original.id === id) {
      const message = `The source “${id}” is given as a translation of itself.`;
      throw new CitationError('invalid-input', message, id);
    }
    out.set(id, original);
  }
  return out;
}

/**
 * A translation's full note (without its closing full stop) followed by
 * ", originally published as" and the original's full-note form, at `locator` (the formatted
 * page of the original that the cited passage translates) or else without one.
 */
export function noteWithOriginal(
  note: Rich,
  translation: CslItem,
  original: CslItem,
  edition: Edition,
  locator: string | null = null,
): Rich {
  const pointer = concat('originally published as ', noteForm(translation, original, edition, locator));
  return join([note, pointer], ', ');
}

/**
 * A translation's bibliography entry followed by "Originally published as" and the original in
 * bibliography form, closed by a full stop. An archival entry lists a whole collection, not the
 * translated document, so it is returned unchanged (unless the document is listed itself, online).
 */
export function entryWithOriginal(
  entry: Rich,
  translation: CslItem,
  original: CslItem,
  edition: Edition,
): Rich {
  if (kindOf(translation) === 'archival' && !isOnline(translation)) return entry;
  const kind = kindOf(original);
  const lead = sameAuthors(translation, original) ? '' : leadingNames(original, kind, edition);
  const form =
    templateFor(kind).bibliography(withoutCopy(original), edition, lead) ??
    noteForm(translation, original, edition, null);
  return punctuate(concat(entry, ' Originally published as ', form), '.');
}

/** The original's full note without link and access date, and without a shared author. */
function noteForm(
  translation: CslItem,
  original: CslItem,
  edition: Edition,
  locator: string | null,
): Rich {
  const full = templateFor(kindOf(original)).full(withoutCopy(original), edition, locator);
  if (!sameAuthors(translation, original)) return full;
  // Templates take the author from the item; removing it there would promote a book's editors
  // or turn a signed reference entry into an unsigned one, so the printed names are cut instead.
  const lead = `${noteNames(names(original, 'author'), edition)}, `;
  return plainText(full).startsWith(lead) ? dropStart(full, lead.length) : full;
}

/**
 * The original without what identifies a consulted copy. Without a link an online reference
 * entry reads as a printed one (s.v.), which is how Chicago cites well-known reference works.
 */
function withoutCopy(item: CslItem): CslItem {
  return { ...item, DOI: undefined, URL: undefined, accessed: undefined };
}

/**
 * The original's creators at the head of the bibliography form, in reading order: inverting the
 * first name only serves the alphabetical order of entries, and this one is not sorted by it.
 */
function leadingNames(item: CslItem, kind: Kind, edition: Edition): string | null {
  const authors = names(item, 'author');
  if (authors.length > 0) return namesInOrder(authors, edition, 'bibliography');
  const editors = kind === 'chapter' ? [] : names(item, 'editor');
  if (editors.length === 0) return null;
  const role = editors.length > 1 ? ', eds.' : ', ed.';
  return namesInOrder(editors, edition, 'bibliography') + role;
}

/** True when both items have authors and they are the same persons, in any order. */
function sameAuthors(a: CslItem, b: CslItem): boolean {
  const keys = (list: CiteName[]) => list.map(personKey).sort().join('\n');
  const first = names(a, 'author');
  const second = names(b, 'author');
  return first.length > 0 && first.length === second.length && keys(first) === keys(second);
}

/** Rich text without its first `count` characters. */
function dropStart(rich: Rich, count: number): Rich {
  let left = count;
  const out: Rich = [];
  for (const run of rich) {
    if (left >= run.text.length) {
      left -= run.text.length;
      continue;
    }
    out.push({ ...run, text: run.text.slice(left) });
    left = 0;
  }
  return out;
}
