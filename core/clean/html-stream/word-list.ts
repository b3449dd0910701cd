/**
 * Word's lists in a page it saved. Word writes a list not as `ul`/`li` but as paragraphs of its
 * List Paragraph style (class `MsoListParagraph`, `MsoListParagraphCxSpFirst`, `…CxSpMiddle`,
 * `…CxSpLast`), each opening with its bullet or number as text in a span of the symbol's font:
 * read as paragraphs, a list came out as "· item" paragraphs. The levels of a nested list are not
 * kept (the cleaned format has one level of list).
 */
import type { Inline } from '../../corpus/model.ts';

/** The classes Word gives the paragraphs of a list (its List Paragraph style). */
export const WORD_LIST_CLASSES: readonly string[] = ['MsoListParagraph', 'MsoListParagraphCxSpFirst', 'MsoListParagraphCxSpMiddle', 'MsoListParagraphCxSpLast'];

const WORD_LIST_CLASS = /(?:^|\s)MsoListParagraph(?:CxSp(?:First|Middle|Last))?(?:\s|$)/;

// Word's bullets once the symbol fonts are read as text: `·` (Symbol), `o` (Courier New, the second
// level), `§` `Ø` `ü` (Wingdings' square, arrow and tick) and the bullets typed as themselves.
// `o` counts only before a capital or a digit: a paragraph continuing an item may open with the
// word "o" ("o presidente respondeu"), and a sentence's first word is not in lower case after it.
// Wingdings' letters that are also words (`v`, `n`, `q`) and dashes (a paragraph of the list may
// open with a dialogue's dash) are left alone: taken off, they would be text lost.
const BULLET = /^(?:[·•▪◦‣§Øü]\s+(?=\S)|o\s+(?=[\p{Lu}\p{N}]))/u;
// A number, letter or roman numeral Word numbers an item with: kept as the item's text, as an
// ordered list's number is ("3. ").
const NUMBER = /^\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]\s+(?=\S)/iu;

/** Whether an element's `class` is one Word gives a list's paragraphs. */
export function isWordListClass(className: string | null | undefined): boolean {
  return className !== null && className !== undefined && WORD_LIST_CLASS.test(className);
}

/**
 * A Word list paragraph's runs as a list item's: its bullet taken off, its number kept as text.
 * Undefined when it opens with neither (a paragraph continuing an item keeps the style, not the
 * bullet): it stays a paragraph.
 */
export function wordListItem(content: readonly Inline[]): Inline[] | undefined {
  // The bullet and the spaces after it are runs of their own (the symbol's span, the spacing's).
  let opening = '';
  for (const inline of content) {
    if (inline.type !== 'text') break;
    opening += inline.text;
  }
  const bullet = BULLET.exec(opening);
  if (bullet) return withoutOpening(content, bullet[0].length);
  return NUMBER.test(opening) ? [...content] : undefined;
}

/** The runs without their first `length` characters. */
function withoutOpening(content: readonly Inline[], length: number): Inline[] {
  const out: Inline[] = [];
  let left = length;
  for (const inline of content) {
    if (left === 0 || inline.type !== 'text') {
      out.push(inline);
    } else if (inline.text.length <= left) {
      left -= inline.text.length;
    } else {
      out.push({ ...inline, text: inline.text.slice(left) });
      left = 0;
    }
  }
  return out;
}
