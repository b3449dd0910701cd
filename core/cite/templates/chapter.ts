/**
 * Chapters in edited books (CMOS 18 14.8–14.12; docs/citation-rules.md §2.8):
 * note `Author, “Chapter,” in *Book*, ed. X (Publisher, Year), page.`; the bibliography gives
 * the chapter's page range only under CMOS 17
 * (`In *Book*, edited by X, 10–25. Place: Publisher, Year.`).
 */
import type { CslItem } from '../../corpus/model.ts';
import { field } from '../item.ts';
import {
  contributors,
  creators,
  creatorsText,
  link,
  publicationFacts,
  quotedTitle,
  sentence,
  styleTitle,
} from '../parts.ts';
import { concat, italic, join } from '../rich.ts';
import type { Rich } from '../rich.ts';
import type { Edition } from '../style.ts';
import type { Template } from '../template.ts';
import { articlePages } from './journal.ts';

/** The chapter template. */
export const chapterTemplate: Template = {
  full(item, edition, locator) {
    const editors = contributors(item, edition, 'note', false);
    const book = join([inBook(item, edition, 'in'), ...editors], ', ');
    return join(
      [
        creatorsText(creators(item, edition, 'note', false)),
        quotedTitle(item, edition),
        concat(book, ` (${publicationFacts(item, edition)})`),
        locator ?? articlePages(item),
        link(item),
      ],
      ', ',
    );
  },
  bibliography(item, edition, creatorsAsText) {
    const book = join(
      [
        inBook(item, edition, 'In'),
        ...contributors(item, edition, 'phrase', false),
        edition === 17 ? articlePages(item) : null,
      ],
      ', ',
    );
    return sentence([
      creatorsAsText,
      quotedTitle(item, edition),
      book,
      publicationFacts(item, edition),
      link(item),
    ]);
  },
};

/** `in *Book Title*`: a book title, so it takes headline style like any other. */
function inBook(item: CslItem, edition: Edition, word: 'in' | 'In'): Rich {
  const title = styleTitle(item, field(item, 'container-title') ?? '', edition);
  return concat(`${word} `, italic(title));
}
