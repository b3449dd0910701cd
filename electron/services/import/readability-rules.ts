/**
 * Mozilla Readability's own patterns and roles, read from the library so that the passes that judge
 * a page without a DOM (`html-reduce.ts`, `article-stats.ts`) judge an element as Readability does.
 */
import { Readability } from '@mozilla/readability';

const READABILITY = Readability.prototype as unknown as { REGEXPS?: Record<string, RegExp>; UNLIKELY_ROLES?: string[] };

/**
 * Readability's pattern `key`, without its global flag (so that `test` keeps no state), or
 * `missing` when Readability no longer has it.
 */
export function readabilityPattern(key: string, missing: RegExp): RegExp {
  const found = READABILITY.REGEXPS?.[key];
  return found instanceof RegExp ? new RegExp(found.source, found.flags.replace('g', '')) : missing;
}

const NOTHING = /(?!)/;

/** Classes and ids that name page furniture (menus, comments, footers …). */
export const UNLIKELY_CANDIDATES = readabilityPattern('unlikelyCandidates', NOTHING);
/** Classes and ids that excuse an element the pattern above names. */
export const MAYBE_CANDIDATE = readabilityPattern('okMaybeItsACandidate', NOTHING);
/** Classes and ids of a byline. */
export const BYLINE = readabilityPattern('byline', NOTHING);
/** Classes and ids that make an element likelier to be the article. */
export const POSITIVE = readabilityPattern('positive', NOTHING);
/** Classes and ids that make an element less likely to be the article. */
export const NEGATIVE = readabilityPattern('negative', NOTHING);
/** Classes and ids of sharing buttons. */
export const SHARE_ELEMENTS = readabilityPattern('shareElements', NOTHING);
/** A link within the page (`#…`): its text counts less as link text. */
export const HASH_URL = readabilityPattern('hashUrl', /^#.+/);
/** The whole text of an advertisement's label. */
export const AD_WORDS = readabilityPattern('adWords', NOTHING);
/** The whole text of a "loading …" placeholder. */
export const LOADING_WORDS = readabilityPattern('loadingWords', NOTHING);
/** The characters Readability counts as commas. */
export const COMMAS = new Set(Array.from(readabilityPattern('commas', /,/).source.matchAll(/\\u([0-9A-Fa-f]{4})/g), (match) => String.fromCharCode(parseInt(match[1] as string, 16))));
if (COMMAS.size === 0) COMMAS.add(',');
/** Roles of page furniture. */
export const UNLIKELY_ROLES: ReadonlySet<string> = new Set(READABILITY.UNLIKELY_ROLES ?? []);
