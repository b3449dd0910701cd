/**
 * Pieces that several templates share: titles, creators, contributors after the title, facts of
 * publication, edition statements, access dates and the closing DOI or URL.
 */
import type { CslItem } from '../corpus/model.ts';
import { formatDate, NO_DATE, yearOf } from './dates.ts';
import { field, names } from './item.ts';
import { bibliographyNames, namesInOrder, noteNames, personKey } from './names.ts';
import type { CiteName } from './names.ts';
import { italic, join, punctuate, quote, roman, urlText } from './rich.ts';
import type { Piece, Rich } from './rich.ts';
import type { Edition } from './style.ts';
import { isEnglish, titleCase } from './title-case.ts';
import { typeset } from './typography.ts';

/** Who a work is by, split so the bibliography can replace `names` with a 3-em dash. */
export interface Creators {
  names: string;
  /** "" for authors, ", ed." / ", eds." for editors standing in for them. */
  role: string;
}

/** A title as printed: typographic quotes and dashes, headline style when the item is English. */
export function styleTitle(item: CslItem, text: string, edition: Edition): string {
  const clean = typeset(text);
  return isEnglish(field(item, 'language')) ? titleCase(clean, edition) : clean;
}

/** The item's title in quotation marks (articles, chapters, pages, entries, theses). */
export function quotedTitle(item: CslItem, edition: Edition): Rich {
  return quote(roman(styleTitle(item, field(item, 'title') ?? '', edition)));
}

/** The item's title in italics (books and other whole publications). */
export function italicTitle(item: CslItem, edition: Edition): Rich {
  return italic(styleTitle(item, field(item, 'title') ?? '', edition));
}

/**
 * The name of a periodical, website or database exactly as the item spells it (Memorie.al):
 * re-capitalizing it would misspell the name (decision D3, docs/citation-rules.md §3).
 */
export function containerName(item: CslItem): string {
  return typeset(field(item, 'container-title') ?? '');
}

/**
 * The authors, or (unless `editorsStandIn` is false, as for a chapter, whose editors edit the book)
 * the editors standing in for them with ", ed."; null for an anonymous work.
 */
export function creators(
  item: CslItem,
  edition: Edition,
  where: 'note' | 'bibliography',
  editorsStandIn = true,
): Creators | null {
  const format = where === 'note' ? noteNames : bibliographyNames;
  const authors = names(item, 'author');
  if (authors.length > 0) return { names: format(authors, edition), role: '' };
  if (!editorsStandIn) return null;
  const editors = names(item, 'editor');
  if (editors.length === 0) return null;
  return { names: format(editors, edition), role: editors.length > 1 ? ', eds.' : ', ed.' };
}

/** Creators as one string ("William E. Griffith", "Jane Smith, ed."), or null. */
export function creatorsText(c: Creators | null): string | null {
  return c ? c.names + c.role : null;
}

/**
 * Editors and translators after the title: notes abbreviate ("ed. X, trans. Y", "ed. and
 * trans. X"); the bibliography writes sentences ("Edited by X.", "Translated by Y."), or a
 * phrase inside a chapter's container ("edited by X"). Editors standing in for the author are
 * not repeated.
 */
export function contributors(
  item: CslItem,
  edition: Edition,
  form: 'note' | 'sentence' | 'phrase',
  editorsAreCreators: boolean,
): string[] {
  const editors = editorsAreCreators ? [] : names(item, 'editor');
  const translators = names(item, 'translator');
  const where = form === 'note' ? 'note' : 'bibliography';
  const list = (n: CiteName[]) => namesInOrder(n, edition, where);
  const words =
    form === 'note'
      ? { both: 'ed. and trans.', ed: 'ed.', trans: 'trans.' }
      : { both: 'edited and translated by', ed: 'edited by', trans: 'translated by' };
  const cap = (s: string) => (form === 'sentence' ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  if (editors.length > 0 && samePeople(editors, translators)) {
    return [cap(`${words.both} ${list(editors)}`)];
  }
  const out: string[] = [];
  if (editors.length > 0) out.push(cap(`${words.ed} ${list(editors)}`));
  if (translators.length > 0) out.push(cap(`${words.trans} ${list(translators)}`));
  return out;
}

/** "3rd ed.", "Rev. ed." from the CSL `edition` field, or null. */
export function editionStatement(item: CslItem): string | null {
  const edition = field(item, 'edition');
  if (!edition) return null;
  if (/^\d+$/.test(edition)) return `${ordinal(Number(edition))} ed.`;
  if (/\bed(\.|ition)?$/i.test(edition)) return typeset(edition);
  return `${typeset(edition)} ed.`;
}

/**
 * Facts of publication: "Publisher, Year" for CMOS 18 (books after 1900), "Place: Publisher, Year"
 * for CMOS 17 and for older books; "n.d." for a missing year.
 */
export function publicationFacts(item: CslItem, edition: Edition): string {
  const place = field(item, 'publisher-place');
  const publisher = field(item, 'publisher');
  const year = formatDate(item.issued, 'year') ?? NO_DATE;
  const before1900 = (yearOf(item.issued) ?? 9999) < 1900;
  const withPlace = edition === 17 || before1900;
  let who = publisher ? typeset(publisher) : null;
  if (withPlace && place) who = who ? `${typeset(place)}: ${who}` : typeset(place);
  return who ? `${who}, ${year}` : year;
}

/** "accessed December 3, 2025" (notes) or "Accessed December 3, 2025" (bibliography), or null. */
export function accessedText(item: CslItem, capital: boolean): string | null {
  const date = formatDate(item.accessed, 'full');
  if (!date) return null;
  return `${capital ? 'Accessed' : 'accessed'} ${date}`;
}

/** What people type before a DOI: a resolver address or "doi:". */
const DOI_PREFIX = /^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i;

/** The DOI as a https://doi.org/ URL, else the URL; null when the item has neither. */
export function link(item: CslItem): Rich | null {
  const doi = field(item, 'DOI');
  if (doi) return urlText(`https://doi.org/${doi.replace(DOI_PREFIX, '')}`);
  const url = field(item, 'URL');
  return url ? urlText(url) : null;
}

/** Elements of a bibliography entry joined by full stops, with the closing full stop. */
export function sentence(parts: Piece[]): Rich {
  return closeWith(join(parts, '. '), '.');
}

/** Ends rich text with a full stop or other mark, American style; empty text stays empty. */
function closeWith(rich: Rich, mark: string): Rich {
  return rich.length === 0 ? rich : punctuate(rich, mark);
}

function samePeople(a: CiteName[], b: CiteName[]): boolean {
  const keys = b.map(personKey);
  return a.length === b.length && a.every((n, i) => personKey(n) === keys[i]);
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
