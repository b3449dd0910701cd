/**
 * Entries in encyclopedias and dictionaries, Wikipedia included (CMOS 18 14.130–14.132; chicago.md
 * §7, D6, D7). Unsigned entries are cited in notes only:
 * CMOS 18 online `“Entry,” *Wikipedia*, last modified … (or accessed …), URL.`;
 * CMOS 17 online `*Wikipedia*, s.v. “Entry,” last modified …, URL.`;
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
    const named =
      isSigned(item) || edition === 18
        ? [creatorsText(creators(item, edition, 'note')), title, container]
        : [concat(container, ', s.v. ', title)];
    return join([...named, locator, revision(item, false), link(item)], ', ');
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
  const date = formatDate(item.issued, 'full');
  if (date) return `${capital ? 'Last' : 'last'} modified ${date}`;
  return accessedText(item, capital);
}
