/**
 * Journal articles (CMOS 18 14.67–14.78; docs/citation-rules.md §2.8):
 * note `Author, “Title,” *Journal* vol, no. issue (Year): page, https://doi.org/….`
 * bibliography `Surname, Given. “Title.” *Journal* vol, no. issue (Year): range. DOI.`
 */
import type { CslItem } from '../../corpus/model.ts';
import { formatDate, NO_DATE } from '../dates.ts';
import { field } from '../item.ts';
import { formatPages } from '../page-range.ts';
import {
  containerName,
  contributors,
  creators,
  creatorsText,
  link,
  quotedTitle,
  sentence,
} from '../parts.ts';
import { concat, italic, join } from '../rich.ts';
import type { Rich } from '../rich.ts';
import type { Template } from '../template.ts';
import { typeset } from '../typography.ts';

/** The journal-article template. */
export const journalTemplate: Template = {
  full(item, edition, locator) {
    return join(
      [
        creatorsText(creators(item, edition, 'note')),
        quotedTitle(item, edition),
        ...contributors(item, edition, 'note', false),
        journalBlock(item, locator ?? articlePages(item)),
        link(item),
      ],
      ', ',
    );
  },
  bibliography(item, edition, creatorsAsText) {
    return sentence([
      creatorsAsText,
      quotedTitle(item, edition),
      ...contributors(item, edition, 'sentence', false),
      journalBlock(item, articlePages(item)),
      link(item),
    ]);
  },
};

/** The article's page range as printed (375–96), or null. */
export function articlePages(item: CslItem): string | null {
  const page = field(item, 'page');
  return page ? formatPages(typeset(page)) : null;
}

/** `*Journal* 12, no. 4 (2021): 70`: volume in arabic numerals, year only, pages after a colon. */
function journalBlock(item: CslItem, pages: string | null): Rich {
  const volume = field(item, 'volume');
  const issue = field(item, 'issue');
  const year = formatDate(item.issued, 'year') ?? NO_DATE;
  return concat(
    italic(containerName(item)),
    volume ? ` ${arabic(typeset(volume))}` : null,
    issue ? `, no. ${typeset(issue)}` : null,
    ` (${year})`,
    pages ? `: ${pages}` : null,
  );
}

const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
const ROMAN = /^(?=[mdclxvi]+$)m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;

/** Chicago gives volume numbers in arabic numerals even where the journal prints roman (L → 50). */
function arabic(volume: string): string {
  if (!ROMAN.test(volume)) return volume;
  const digits = [...volume.toLowerCase()].map((c) => ROMAN_DIGITS[c] ?? 0);
  const value = digits.reduce((sum, d, i) => sum + (d < (digits[i + 1] ?? 0) ? -d : d), 0);
  return String(value);
}
