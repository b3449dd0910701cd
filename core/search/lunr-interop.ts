/**
 * Everything that touches Lunr's API, with types where @types/lunr has none or wrong ones
 * (it declares TokenSet's static constructors as instance methods and omits the builder's
 * tokenizer property). Internal to core/search.
 */
import lunr from 'lunr';
import type { Term } from './analysis.ts';

/** Lunr's serialised index (`Index#toJSON`), as stored inside a shard. */
export interface LunrIndexJson {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  /** `[term, posting]` pairs sorted by term; a posting maps field → document ref → metadata. */
  invertedIndex: [string, LunrPosting][];
  pipeline: string[];
}

/** One term's posting: `_index` is Lunr's term number; every other key is a field name. */
export type LunrPosting = Record<string, unknown>;

/** What Lunr keeps about a term in one field of one document (we whitelist both keys). */
export interface LunrOccurrences {
  /** `[start, length]` of each occurrence, in the field text. */
  position: [number, number][];
  /** Word ordinal of each occurrence, in the same order. */
  index: number[];
}

/** The documents of one field of a posting, keyed by document ref. */
export function fieldPostings(
  posting: LunrPosting,
  field: string,
): Readonly<Record<string, LunrOccurrences>> | undefined {
  const value = posting[field];
  return typeof value === 'object' && value !== null
    ? (value as Record<string, LunrOccurrences>)
    : undefined;
}

/** A document for the Lunr builder: its ref and the analysed terms of each field. */
export interface AnalysedDocument {
  ref: string;
  fields: Readonly<Record<string, readonly Term[]>>;
}

/**
 * Builds a Lunr index over already analysed fields and returns it serialised. The builder's
 * pipelines stay empty: analysis.ts has done all the work, so Lunr stores exactly our terms with
 * their positions and word ordinals.
 */
export function buildLunrIndex(
  fields: readonly string[],
  documents: readonly AnalysedDocument[],
): LunrIndexJson {
  const builder = builderFor(fields);
  for (const document of documents) builder.add(document);
  return builder.build().toJSON() as LunrIndexJson;
}

interface LunrBuilderInternals {
  tokenizer: (terms: readonly Term[]) => lunr.Token[];
  invertedIndex: Record<string, LunrPosting>;
}

function builderFor(fields: readonly string[]): lunr.Builder & LunrBuilderInternals {
  const builder = new lunr.Builder() as unknown as lunr.Builder & LunrBuilderInternals;
  builder.ref('ref');
  for (const field of fields) {
    const extractor = (doc: object) => (doc as AnalysedDocument).fields[field] ?? [];
    builder.field(field, { extractor });
  }
  builder.metadataWhitelist = ['position', 'index'];
  (builder as LunrBuilderInternals).tokenizer = (terms) =>
    terms.map((t) => new lunr.Token(t.term, { position: [t.start, t.end - t.start], index: t.ordinal }));
  return builder;
}

/**
 * Lunr's inverted index of already analysed documents (term → field → ref → positions and
 * ordinals), as its builder makes it. Only the grouping is needed, so Lunr's own scoring
 * vectors and token set, which `build()` would add, are not made.
 */
export function invertDocuments(
  fields: readonly string[],
  documents: readonly AnalysedDocument[],
): Readonly<Record<string, LunrPosting>> {
  const builder = builderFor(fields);
  for (const document of documents) builder.add(document);
  return builder.invertedIndex;
}

/** Lunr's English (Porter) stemmer applied to one folded term. */
export function stemTerm(term: string): string {
  let stem = stems.get(term);
  if (stem === undefined) {
    if (stems.size >= STEM_MEMO_LIMIT) stems.clear();
    stem = lunr.stemmer(new lunr.Token(term, {})).toString();
    stems.set(term, stem);
  }
  return stem;
}

// Queries and filters stem the same few words over and over; a bounded memo spares Lunr's work.
const STEM_MEMO_LIMIT = 100_000;
const stems = new Map<string, string>();

interface TokenSetStatics {
  fromArray(sortedWords: string[]): lunr.TokenSet;
  fromString(pattern: string): lunr.TokenSet;
  fromFuzzyString(word: string, editDistance: number): lunr.TokenSet;
}

const TokenSet = lunr.TokenSet as unknown as TokenSetStatics;

// Lunr's TokenSet minimisation keys each state by concatenating edge labels with numeric node
// ids, so a digit label is ambiguous (edge `1` → node 234 reads like edges `1` → node 2 and
// `3` → node 4). When ids are small, as in a freshly loaded page, the set then loses terms with
// digits and invents others: lunr.js #503 (a term in the index that is never found) and #314
// (wildcard queries throwing). Digits are therefore moved to the private-use area, which folded
// terms never contain, before they reach a TokenSet.
const DIGIT = /[0-9]/g;
const ENCODED_DIGIT = /[\uE000-\uE009]/g;
const encode = (word: string) =>
  word.replace(DIGIT, (d) => String.fromCharCode(0xe000 + d.charCodeAt(0) - 48));
const decode = (word: string) =>
  word.replace(ENCODED_DIGIT, (c) => String.fromCharCode(48 + c.charCodeAt(0) - 0xe000));

/** A vocabulary that answers prefix and fuzzy look-ups (Lunr's TokenSet automaton). */
export interface Vocabulary {
  /** Terms starting with `prefix` (which must not be empty). */
  withPrefix(prefix: string): string[];
  /** Terms within `distance` edits (insert, delete, substitute, transpose) of `term`. */
  near(term: string, distance: number): string[];
}

/** Builds a vocabulary from distinct terms; cost grows linearly with their number. */
export function buildVocabulary(terms: Iterable<string>): Vocabulary {
  const encoded = [...terms].map(encode).sort();
  const set = TokenSet.fromArray(encoded);
  const lookUp = (pattern: lunr.TokenSet) => set.intersect(pattern).toArray().map(decode);
  return {
    withPrefix: (prefix) => lookUp(TokenSet.fromString(`${encode(prefix)}*`)),
    near: (term, distance) => lookUp(TokenSet.fromFuzzyString(encode(term), distance)),
  };
}
