/**
 * What makes a link a note call, for both ways a page is cleaned (`html-notes.ts` on a DOM,
 * `stream-notes.ts` on a stream): a link to an anchor of the page whose text is a note mark.
 */

// A note call's text: a number, a letter or a few (Word numbers endnotes i, ii, …) or a mark, in brackets or not.
const NOTE_MARK = /^\[?\(?(?:\d{1,4}|[ivxlc]{1,6}|[a-z]|[*†‡§¶]{1,3})\)?\]?$/i;

/** Whether a link's text is a note mark ("1", "[2]", "iv", "*"): a link of other text (a table of contents, "Comments") is not a call. */
export function isNoteMark(text: string): boolean {
  return NOTE_MARK.test(text.trim());
}

/** The anchor a link points to within its page (`#_ftn1` → `_ftn1`), decoded; undefined for any other link. */
export function anchorTarget(href: string | null | undefined): string | undefined {
  const trimmed = (href ?? '').trim();
  if (trimmed.length < 2 || !trimmed.startsWith('#')) return undefined;
  try {
    return decodeURIComponent(trimmed.slice(1));
  } catch {
    return trimmed.slice(1);
  }
}
