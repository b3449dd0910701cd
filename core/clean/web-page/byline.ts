import type { CslName } from '../../corpus/model.ts';
import {
  BYLINE_PREFIXES,
  NAME_JOINERS,
  NAME_PARTICLES,
  NUMBER_WORDS,
  PART_WORDS,
} from './lexicon-labels.ts';
import { escapeRegExp, foldLine } from './line-text.ts';

// A byline is short; anything longer is a sentence that happens to start with "By".
const MAX_BYLINE_LENGTH = 100;
const MAX_WORDS_PER_NAME = 5;

const PREFIX = new RegExp(
  `^(?:${BYLINE_PREFIXES.map(escapeRegExp).join('|')})\\s*:?\\s+(.+)$`,
  'iu',
);
const JOINERS = new RegExp(
  `\\s*,\\s*|\\s+(?:${NAME_JOINERS.map(escapeRegExp).join('|')})\\s+`,
  'iu',
);

function isNameWord(word: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]*$/u.test(word) || NAME_PARTICLES.has(word);
}

/** Splits "Jane van der Berg" into given "Jane", particle "van der", family "Berg". */
function toCslName(words: string[]): CslName | null {
  if (words.length === 0 || words.length > MAX_WORDS_PER_NAME) return null;
  if (!words.every(isNameWord)) return null;
  const family = words.at(-1) ?? '';
  if (NAME_PARTICLES.has(family)) return null;
  if (words.length === 1) return { family };
  let firstParticle = words.length - 1;
  while (firstParticle > 1 && NAME_PARTICLES.has(words[firstParticle - 1] ?? '')) {
    firstParticle -= 1;
  }
  const name: CslName = { family, given: words.slice(0, firstParticle).join(' ') };
  const particle = words.slice(firstParticle, -1).join(' ');
  if (particle !== '') name['non-dropping-particle'] = particle;
  return name;
}

/**
 * Reads a byline ("By Andrey Edemskiy", "Nga Arben Puto dhe Paskal Milo") into CSL names, family
 * name last. Returns null unless the whole line is a byline prefix followed by one or more names.
 */
export function parseByline(line: string): CslName[] | null {
  const text = line.trim();
  if (text.length > MAX_BYLINE_LENGTH) return null;
  const match = PREFIX.exec(text);
  const list = match?.[1]?.replace(/[\s.,;:]+$/u, '');
  if (!list) return null;
  const names: CslName[] = [];
  for (const part of list.split(JOINERS)) {
    const name = toCslName(part.split(/\s+/).filter((word) => word !== ''));
    if (!name) return null;
    names.push(name);
  }
  return names.length > 0 ? names : null;
}

const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;

function romanValue(text: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = values[text[i] ?? ''] ?? 0;
    const next = values[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/**
 * Reads a series part label ("Part One", "Part 2", "Part IV", "Pjesa e parë") into the part's
 * number as a string ("1"), or null when the line is anything else.
 */
export function parsePartLabel(line: string): string | null {
  const text = foldLine(line);
  for (const word of PART_WORDS) {
    if (!text.startsWith(`${word} `)) continue;
    const rest = text.slice(word.length + 1).trim();
    if (/^\d{1,3}$/.test(rest)) return String(Number(rest));
    const spelled = NUMBER_WORDS.get(rest);
    if (spelled !== undefined) return String(spelled);
    if (rest !== '' && ROMAN.test(rest)) return String(romanValue(rest));
  }
  return null;
}
