/**
 * Magazine, newspaper and online articles (CMOS 18 14.86–14.97):
 * note `Author, “Title,” *Magazine*, Month D, YYYY, page, URL.`; an undated online article takes
 * its access date instead of "n.d.", after the locator and just before the URL, where Chicago
 * puts an access date (`…, *Memorie.al*, under “Heading,” accessed December 3, 2025, URL`); an
 * unsigned one starts with its title in notes and with the publication in the bibliography; an
 * untitled issue is cited in notes only.
 */
import type { CslItem } from '../../corpus/model.ts';
import { formatDate, NO_DATE } from '../dates.ts';
import { field } from '../item.ts';
import {
  accessedText,
  containerName,
  creators,
  creatorsText,
  link,
  quotedTitle,
  sentence,
} from '../parts.ts';
import { italic, join } from '../rich.ts';
import type { Template } from '../template.ts';

/** The template for magazine, newspaper and online articles. */
export const periodicalTemplate: Template = {
  full(item, edition, locator) {
    const date = formatDate(item.issued, 'full');
    const accessed = date ? null : accessedText(item, false);
    return join(
      [
        creatorsText(creators(item, edition, 'note')),
        field(item, 'title') ? quotedTitle(item, edition) : null,
        italic(containerName(item)),
        date ?? (accessed && isOnline(item) ? null : NO_DATE),
        locator,
        isOnline(item) ? accessed : null,
        link(item),
      ],
      ', ',
    );
  },
  bibliography(item, edition, creatorsAsText) {
    if (!field(item, 'title')) return null;
    const date = formatDate(item.issued, 'full');
    if (creatorsAsText === null) {
      const publication = italic(containerName(item));
      return sentence([publication, quotedTitle(item, edition), when(item, true), link(item)]);
    }
    return sentence([
      creatorsAsText,
      quotedTitle(item, edition),
      join([italic(containerName(item)), date ?? undatedMark(item)], ', '),
      date || !isOnline(item) ? null : accessedText(item, true),
      link(item),
    ]);
  },
};

/** The date; for an undated online article the access date; else "n.d.". */
function when(item: CslItem, capital: boolean): string {
  const accessed = isOnline(item) ? accessedText(item, capital) : null;
  return formatDate(item.issued, 'full') ?? accessed ?? NO_DATE;
}

/** "n.d." for an undated article with no access date to stand in for it, else nothing. */
function undatedMark(item: CslItem): string | null {
  return isOnline(item) && accessedText(item, true) ? null : NO_DATE;
}

function isOnline(item: CslItem): boolean {
  return field(item, 'URL') !== undefined || field(item, 'DOI') !== undefined;
}
