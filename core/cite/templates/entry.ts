/**
 * Entries in encyclopedias and dictionaries, Wikipedia included (CMOS 18 14.130–14.132; CMOS 17
 * 14.233). Unsigned entries are cited in notes only:
 * CMOS 18 online `“Entry,” *Wikipedia*, last modified …, under “Section,” URL.` (an undated entry
 * gives `accessed …` after the locator, just before the URL);
 * CMOS 17 online `*Wikipedia*, s.v. “Entry,” last modified …, URL.`, or the CMOS 18 form when the
 * note points at a section;
 * printed, both editions `*Encyclopaedia*, 15th ed., s.v. “Entry.”`.
 * A signed entry is cited like a chapter (printed) or an article on a site (online).
 */
import type { CslItem } from '../../corpus/model.ts';
import { formatDate } from '../dates.ts';
import { field, names } from '../item.ts';
import {
  accessedText,
  containerName,
  creators,
  creatorsText,
  editionStatement,
  link,
  quotedTitle,
  sentence,
} from '../parts.ts';
import { concat, italic, join } from '../rich.ts';
import type { Template } from '../template.ts';
import { chapterTemplate } from './chapter.ts';

/** The reference-entry template. */
export const entryTemplate: Template = {
  full(item, edition, locator) {
    if (isSigned(item) && isPrinted(item)) return chapterTemplate.full(item, edition, locator);
    const container = italic(containerName(item));
    const title = quotedTitle(item, edition);
    if (isPrinted(item)) {
      return join([container, editionStatement(item), concat('s.v. ', title), locator], ', ');
    }
    // "s.v." names the entry a note points at; a note pointing into a section of the entry names
    // the section instead ("under “Origins”"), so the entry is cited by its title, never by both.
    const named =
      isSigned(item) || edition === 18 || locator !== null
        ? [creatorsText(creators(item, edition, 'note')), title, container]
        : [concat(container, ', s.v. ', title)];
    const modified = lastModified(item);
    const accessed = modified ? null : accessedText(item, false);
    return join([...named, modified, locator, accessed, link(item)], ', ');
  },
  bibliography(item, edition, creatorsAsText) {
    if (!isSigned(item)) return null;
    if (isPrinted(item)) return chapterTemplate.bibliography(item, edition, creatorsAsText);
    return sentence([
      creatorsAsText,
      quotedTitle(item, edition),
      italic(containerName(item)),
      revision(item, true),
      link(item),
    ]);
  },
};

/** True for an entry with a named author. */
export function isSigned(item: CslItem): boolean {
  return names(item, 'author').length > 0;
}

/** True for an entry in a printed reference work (one with no URL or DOI). */
export function isPrinted(item: CslItem): boolean {
  return field(item, 'URL') === undefined && field(item, 'DOI') === undefined;
}

/** "last modified <date>" when a revision date is known, else the access date. */
function revision(item: CslItem, capital: boolean): string | null {
  return lastModified(item, capital) ?? accessedText(item, capital);
}

/** "last modified <date>", the revision date that dates an online entry, or null. */
function lastModified(item: CslItem, capital = false): string | null {
  const date = formatDate(item.issued, 'full');
  return date ? `${capital ? 'Last' : 'last'} modified ${date}` : null;
}
