import type { CslDate, CslName } from './model.ts';

/**
 * Names and dates as files and users write them, turned into CSL-JSON. Shared by the metadata
 * editor, the front matter of imported Markdown, and the import of HTML pages and user input.
 */

/**
 * A person or institution as written: "Family, Given" → family and given; "Given Family" (two to
 * four capitalised words, as a byline prints a person) → the last word as family name; anything
 * else (an institution, one word) → `literal`. Returns undefined for blank text.
 */
export function parseNameText(text: string, style: 'inverted' | 'natural' = 'natural'): CslName | undefined {
  const name = text.replace(/\s+/g, ' ').trim();
  if (name === '') return undefined;
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma) return { family: (comma[1] ?? '').trim(), given: (comma[2] ?? '').trim() };
  const words = name.split(' ');
  const personLike = words.every((word) => /^\p{Lu}[\p{L}.'’-]*$/u.test(word));
  if (style === 'natural' && words.length >= 2 && words.length <= 4 && personLike) {
    return { family: words.at(-1) as string, given: words.slice(0, -1).join(' ') };
  }
  return { literal: name };
}

/**
 * A byline's names: "By Ana Lalaj and Ben Smith" → two names; a leading "By"/"Nga" is dropped and
 * "and", "&", ";" separate names. Returns [] when nothing reads as a name.
 */
export function parseByline(byline: string): CslName[] {
  const cleaned = byline.replace(/^\s*(by|nga|von|par|di)\s+/iu, '').trim();
  return cleaned
    .split(/\s*(?:;|&|\band\b|\bdhe\b)\s*/u)
    .map((part) => parseNameText(part))
    .filter((name): name is CslName => name !== undefined);
}

/**
 * A date written as a year, an ISO date or timestamp ("2019", "2019-04", "2019-04-07",
 * "2019-04-07T10:00:00Z", "2019/04/07"), as CSL date parts; undefined for anything else, so that
 * a date is never guessed.
 */
export function parseDateText(text: string): CslDate | undefined {
  const match = /^\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?\s*$/.exec(
    text,
  );
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  if (month === undefined) return { 'date-parts': [[year]] };
  if (day === undefined) return { 'date-parts': [[year, month]] };
  return { 'date-parts': [[year, month, day]] };
}
