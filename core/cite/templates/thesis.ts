/**
 * Theses and dissertations (CMOS 18 14.113; CMOS 17 14.224):
 * note `Author, “Title” (PhD diss., University, Year), page.`
 * bibliography `Surname, Given. “Title.” PhD diss., University, Year.`
 */
import type { CslItem } from '../../corpus/model.ts';
import { formatDate, NO_DATE } from '../dates.ts';
import { field } from '../item.ts';
import { creators, creatorsText, link, quotedTitle, sentence } from '../parts.ts';
import { concat, join } from '../rich.ts';
import type { Template } from '../template.ts';
import { typeset } from '../typography.ts';

/** The thesis template. */
export const thesisTemplate: Template = {
  full(item, edition, locator) {
    return join(
      [
        creatorsText(creators(item, edition, 'note')),
        concat(quotedTitle(item, edition), ` (${facts(item, false)})`),
        locator,
        link(item),
      ],
      ', ',
    );
  },
  bibliography(item, edition, creatorsAsText) {
    return sentence([creatorsAsText, quotedTitle(item, edition), facts(item, true), link(item)]);
  },
};

/** "PhD diss., University of Chicago, 2008"; the genre defaults to "thesis". */
function facts(item: CslItem, capital: boolean): string {
  const genre = typeset(field(item, 'genre') ?? 'thesis');
  const shown = capital ? genre.charAt(0).toUpperCase() + genre.slice(1) : genre;
  const publisher = field(item, 'publisher');
  const year = formatDate(item.issued, 'year') ?? NO_DATE;
  return [shown, publisher ? typeset(publisher) : null, year].filter((p) => p !== null).join(', ');
}
