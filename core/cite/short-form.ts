/**
 * Shortened notes (CMOS 18 13.32–13.33; docs/citation-rules.md §2.3): author surname(s), short
 * title, locator.
 * A short form may have to grow when two cited works would look alike; `TitleLevel` says how far
 * (disambiguate.ts decides, for the whole document).
 */
import type { CslItem } from '../corpus/model.ts';
import { formatDate } from './dates.ts';
import { field, names } from './item.ts';
import type { Kind } from './item.ts';
import { shortNames } from './names.ts';
import type { CiteName } from './names.ts';
import { containerName, styleTitle } from './parts.ts';
import { concat, italic, join, quote, roman } from './rich.ts';
import type { Rich } from './rich.ts';
import type { Edition } from './style.ts';
import { repositoryShortName, shelfmark } from './templates/archival.ts';
import { editorsAreCreators } from './templates/book.ts';
import { isPrinted, isSigned } from './templates/entry.ts';
import { mainTitleOf, shortTitleOf } from './short-title.ts';

/** How much title a short form shows: 0 short, 1 main title, 2 full title, 3 full title and date. */
export type TitleLevel = 0 | 1 | 2 | 3;

/** The most a short form can grow. */
export const MAX_LEVEL: TitleLevel = 3;

/** What a short form needs beyond the item: edition, title level, and persons to name in full. */
export interface ShortFormContext {
  edition: Edition;
  level: TitleLevel;
  /** Person keys (names.ts `personKey`) whose surname another cited person shares. */
  fullNames: ReadonlySet<string>;
}

/** The persons a short form names: the authors, or the editors of an edited volume. */
export function shortFormPersons(item: CslItem, kind: Kind): CiteName[] {
  const authors = names(item, 'author');
  if (authors.length > 0) return authors;
  return kind === 'book' && editorsAreCreators(item) ? names(item, 'editor') : [];
}

/** The author part of a short form ("Pilaca and Nako", "Griffith et al."), or null. */
export function shortAuthor(item: CslItem, kind: Kind, ctx: ShortFormContext): string | null {
  const persons = shortFormPersons(item, kind);
  return persons.length > 0 ? shortNames(persons, ctx.edition, ctx.fullNames) : null;
}

/**
 * The short form without a locator: `Griffith, *Albania and the Sino-Soviet Rift*`,
 * `Edemskiy, “Additional Evidence”`, `*Wikipedia*, “Soviet–Albanian Split”`,
 * `RGANI, F. 2, op. 1, d. 4`.
 */
export function shortForm(item: CslItem, kind: Kind, ctx: ShortFormContext): Rich {
  const dated = ctx.level === MAX_LEVEL ? formatDate(item.issued, dateDetail(kind)) : null;
  return join([shortAuthor(item, kind, ctx), titlePart(item, kind, ctx), dated], ', ');
}

/** The locator as a short form gives it: volume and page run together (2:45) in multivolume books. */
export function shortLocator(
  item: CslItem,
  kind: Kind,
  locator: string | null,
  isPage: boolean,
): string | null {
  const volume = field(item, 'volume');
  if (locator && isPage && kind === 'book' && volume) return `${volume}:${locator}`;
  return locator;
}

function titlePart(item: CslItem, kind: Kind, ctx: ShortFormContext): Rich | null {
  const title = field(item, 'title');
  if (kind === 'periodical' && !title) return italic(containerName(item));
  if (kind === 'archival' && !title) {
    return join([repositoryShortName(item), shelfmark(item)], ', ');
  }
  if (!title) return kind === 'webpage' ? roman(containerName(item)) : null;
  const text = styleTitle(item, titleText(item, title, ctx.level), ctx.edition);
  if (kind === 'book') return italic(text);
  if (kind === 'entry' && !isSigned(item)) {
    const sv = isPrinted(item) ? 's.v. ' : '';
    return concat(italic(containerName(item)), ', ', sv, quote(roman(text)));
  }
  return quote(roman(text));
}

function titleText(item: CslItem, title: string, level: TitleLevel): string {
  if (level === 0) return shortTitleOf(item);
  if (level === 1) return mainTitleOf(title);
  return title;
}

function dateDetail(kind: Kind): 'year' | 'full' {
  return kind === 'periodical' || kind === 'webpage' || kind === 'archival' ? 'full' : 'year';
}
