/**
 * Books, edited books and translations (CMOS 18 14.6–14.31; docs/citation-rules.md §2.8, D14):
 * note `Author, *Title*, ed. X, trans. Y, 3rd ed. (Publisher, Year), page.`; an editor without an
 * author takes the author's place with ", ed."; CMOS 17 and books before 1900 add the place.
 */
import type { CslItem } from '../../corpus/model.ts';
import { field, names } from '../item.ts';
import {
  contributors,
  creators,
  creatorsText,
  editionStatement,
  italicTitle,
  link,
  publicationFacts,
  sentence,
} from '../parts.ts';
import { concat, join } from '../rich.ts';
import type { Template } from '../template.ts';
import { typeset } from '../typography.ts';

/** The book template (authored, edited or translated). */
export const bookTemplate: Template = {
  full(item, edition, locator) {
    const volume = field(item, 'volume');
    const head = join(
      [
        creatorsText(creators(item, edition, 'note')),
        italicTitle(item, edition),
        ...contributors(item, edition, 'note', editorsAreCreators(item)),
        editionStatement(item),
        volume ? `vol. ${typeset(volume)}` : null,
      ],
      ', ',
    );
    return join([concat(head, ` (${publicationFacts(item, edition)})`), locator, link(item)], ', ');
  },
  bibliography(item, edition, creatorsAsText) {
    const volume = field(item, 'volume');
    return sentence([
      creatorsAsText,
      italicTitle(item, edition),
      ...contributors(item, edition, 'sentence', editorsAreCreators(item)),
      capitalize(editionStatement(item)),
      volume ? `Vol. ${typeset(volume)}` : null,
      publicationFacts(item, edition),
      link(item),
    ]);
  },
};

/** True when the editors stand in for a missing author (an edited volume). */
export function editorsAreCreators(item: CslItem): boolean {
  return names(item, 'author').length === 0 && names(item, 'editor').length > 0;
}

function capitalize(text: string | null): string | null {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : null;
}
