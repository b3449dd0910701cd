/**
 * Personal and corporate names in the three places Chicago prints them: notes (given name first),
 * short forms (family name only) and the bibliography (first name inverted). Lists longer than the
 * edition allows end in "et al." (docs/citation-rules.md §2.4).
 */
import type { CslName } from '../corpus/model.ts';
import { etAlRule } from './style.ts';
import type { EtAlRule, Edition } from './style.ts';
import { typeset } from './typography.ts';

/**
 * A CSL name as the formatter reads it. `static-ordering` (a citeproc-js extension) marks a name
 * written family name first (Mao Zedong, Nagy Imre); names in Han, kana or Hangul script are
 * treated so without it.
 */
export type CiteName = CslName & { 'static-ordering'?: boolean };

const FAMILY_FIRST_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** True for names written family name first, which are never inverted and take no comma. */
function isFamilyFirst(name: CiteName): boolean {
  if (name['static-ordering'] === true) return true;
  return FAMILY_FIRST_SCRIPT.test(`${name.family ?? ''}${name.given ?? ''}`);
}

/** The name in reading order: "William E. Griffith", "Martin Luther King Jr.", "Mao Zedong". */
export function displayName(name: CiteName): string {
  if (name.literal) return typeset(name.literal);
  if (isFamilyFirst(name)) {
    // Names in Chinese, Japanese or Korean script are written without a space (毛泽东).
    const closed =
      FAMILY_FIRST_SCRIPT.test(name.family ?? '') && FAMILY_FIRST_SCRIPT.test(name.given ?? '');
    return closed ? `${name.family}${name.given}` : words(name.family, name.given);
  }
  const particles = [name['dropping-particle'], name['non-dropping-particle']];
  const base = words(name.given, ...particles, name.family);
  return words(base, name.suffix);
}

/** The name as the bibliography begins with it: "Griffith, William E.", "Gogh, Vincent van". */
export function invertedName(name: CiteName): string {
  if (name.literal || isFamilyFirst(name) || !name.family) return displayName(name);
  const rest = words(name.given, name['dropping-particle'], name['non-dropping-particle']);
  const head = rest ? `${typeset(name.family)}, ${rest}` : typeset(name.family);
  return name.suffix ? `${head}, ${typeset(name.suffix)}` : head;
}

/** The name in a short form: the family name with its non-dropping particle, or the literal. */
export function familyName(name: CiteName): string {
  if (name.literal) return typeset(name.literal);
  if (!name.family) return words(name.given);
  return words(name['non-dropping-particle'], name.family);
}

/** A key that is equal for two spellings of the same person and differs between persons. */
export function personKey(name: CiteName): string {
  return displayName(name).toLowerCase();
}

/** Names as a note gives them, given name first, cut to "et al." by the edition's note rule. */
export function noteNames(names: CiteName[], edition: Edition): string {
  return namesInOrder(names, edition, 'note');
}

/**
 * Names as a short form gives them: family names only, except for persons in `fullNames` (keys from
 * `personKey`), whose surname another cited person shares.
 */
export function shortNames(
  names: CiteName[],
  edition: Edition,
  fullNames: ReadonlySet<string>,
): string {
  const shown = names.map((n) => (fullNames.has(personKey(n)) ? displayName(n) : familyName(n)));
  return listNames(shown, etAlRule(edition, 'note'), false);
}

/** Names as the bibliography gives them: the first inverted, the others in reading order. */
export function bibliographyNames(names: CiteName[], edition: Edition): string {
  const [first, ...rest] = names;
  if (!first) return '';
  const inverted = invertedName(first);
  const shown = [inverted, ...rest.map(displayName)];
  return listNames(shown, etAlRule(edition, 'bibliography'), inverted !== displayName(first));
}

/**
 * Joins names: "A and B", "A, B, and C" (serial comma), "A et al."; after an inverted first name
 * every join takes a comma ("Pilaca, Geri, and Alban Nako").
 */
function listNames(shown: string[], rule: EtAlRule, inverted: boolean): string {
  if (shown.length > rule.max) {
    const kept = shown.slice(0, rule.keep);
    return kept.length > 1 || inverted ? `${kept.join(', ')}, et al.` : `${kept[0]} et al.`;
  }
  if (shown.length <= 1) return shown[0] ?? '';
  if (shown.length === 2 && !inverted) return `${shown[0]} and ${shown[1]}`;
  return `${shown.slice(0, -1).join(', ')}, and ${shown.at(-1)}`;
}

function words(...parts: (string | undefined)[]): string {
  return parts
    .filter((p): p is string => p !== undefined && p.trim() !== '')
    .map(typeset)
    .join(' ');
}

/** Names in reading order, cut to "et al." by the edition's rule for `where` ("Edited by …"). */
export function namesInOrder(
  names: CiteName[],
  edition: Edition,
  where: 'note' | 'bibliography',
): string {
  return listNames(names.map(displayName), etAlRule(edition, where), false);
}
