/**
 * Headline-style capitalization of English titles (CMOS 17 8.159; docs/citation-rules.md §2.5).
 * Words are only ever raised to a capital or lowered to the small words' lower case: acronyms,
 * internal capitals (McCarthy, iPhone) and anything not typed in plain lower or initial capitals
 * stay as typed.
 */
import type { Edition } from './style.ts';

/** Articles, coordinating conjunctions, `to`, `as`, and prepositions both editions lowercase. */
const SMALL_WORDS = new Set(
  (
    'a an the and but for or nor as to v vs via per ' +
    'about above across after against along alongside amid amidst among amongst around at atop ' +
    'before behind below beneath beside besides between beyond by despite down during except from ' +
    'in inside into like near of off on onto out over since than through throughout till toward ' +
    'towards under underneath until unto up upon versus with within without'
  ).split(' '),
);

/**
 * Prepositions that also serve as participles or adjectives. CMOS 17 lowercases prepositions of any
 * length; for CMOS 18 a change for such words is reported but unconfirmed (decision D4,
 * docs/citation-rules.md §3), so the 18th-edition mode capitalizes them, as the reference output
 * does.
 */
const EDITION_17_SMALL_WORDS = new Set(
  (
    'regarding concerning considering including excluding unlike pending barring excepting ' +
    'respecting'
  ).split(' '),
);

/** Name particles typed in lower case keep it inside a title (Ludwig van Beethoven). */
const PARTICLES = new Set(
  'de del della der des di du da dos das van von den ter ten zu'.split(' '),
);

/** Prefixes after which the second element of a hyphenated word stays lower case (Re-election). */
const PREFIXES = new Set(
  'anti co counter de inter intra mid multi non post pre pro re semi sub super un'.split(' '),
);

/** Marks after which a new title or subtitle starts (and before which one ends). */
const BOUNDARY = /[:/—?!]/;

/** A word: letters and digits, inner apostrophes, and hyphenated or en-dashed parts. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*(?:[-–][\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*)*/gu;

/** True when a CSL `language` value names English, or is missing (the app's default language). */
export function isEnglish(language: string | undefined): boolean {
  if (language === undefined || language.trim() === '') return true;
  return /^(en|eng|english)([-_].*)?$/i.test(language.trim());
}

/**
 * Capitalizes an English title headline style for the given edition: first and last words of the
 * title and of every subtitle capitalized; articles, coordinating conjunctions, `to`, `as` and
 * prepositions lowercased inside; hyphenated compounds capitalized part by part.
 */
export function titleCase(title: string, edition: Edition): string {
  const matches = [...title.matchAll(WORD)];
  let out = '';
  let cursor = 0;
  matches.forEach((match, i) => {
    const start = match.index;
    const before = title.slice(cursor, start);
    const nextStart = matches[i + 1]?.index ?? title.length;
    const after = title.slice(start + match[0].length, nextStart);
    const first = i === 0 || BOUNDARY.test(before);
    const last = i === matches.length - 1 || BOUNDARY.test(after);
    out += before + caseCompound(match[0], first || last, edition);
    cursor = start + match[0].length;
  });
  return out + title.slice(cursor);
}

function caseCompound(word: string, edge: boolean, edition: Edition): string {
  const parts = word.split(/([-–])/);
  const head = parts[0] ?? '';
  return parts
    .map((part, i) => {
      if (i === 0) return caseWord(part, edge, edition);
      if (i % 2 === 1) return part;
      if (PREFIXES.has(head.toLowerCase())) return part;
      return caseWord(part, false, edition);
    })
    .join('');
}

function caseWord(word: string, edge: boolean, edition: Edition): string {
  if (!/\p{L}/u.test(word)) return word;
  const lower = word.toLowerCase();
  const plainLower = word === lower;
  // A lone capital (an initial, "Plan A") is not an article to lowercase: only "The" and the like.
  const initialCap = word === capitalize(lower) && word.length > 1;
  if (edge) return plainLower ? capitalize(word) : word;
  if (isSmallWord(lower, edition)) return plainLower || initialCap ? lower : word;
  if (PARTICLES.has(lower) && plainLower) return word;
  return plainLower ? capitalize(word) : word;
}

function isSmallWord(lower: string, edition: Edition): boolean {
  return SMALL_WORDS.has(lower) || (edition === 17 && EDITION_17_SMALL_WORDS.has(lower));
}

function capitalize(word: string): string {
  const first = word.charAt(0);
  return first.toUpperCase() + word.slice(1);
}
