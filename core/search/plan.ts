/**
 * From parsed clauses to what the engine looks up: each word or phrase becomes a unit of
 * analysed elements (term, stem, relative word position, how to match), through the same
 * analysis pipeline that built the index.
 */
import { analyze, type Term } from './analysis.ts';
import { isStopWord } from './stop-words.ts';
import { stemTerm } from './lunr-interop.ts';
import type { ParsedQuery, PhraseClause, SearchScope, WordClause } from './query.ts';
import type { Scopes } from './scope.ts';

/**
 * How an element matches indexed terms: `exact` the folded word only (inside quotes), `stem`
 * any word with the same stem, `prefix` any word starting with it, `fuzzy` any word within
 * `distance` edits (and its stem's words).
 */
export type ElementMatch = 'exact' | 'stem' | 'prefix' | 'fuzzy';

/** One word of a unit. `offset` is its word position relative to the unit's first element. */
export interface PlanElement {
  term: string;
  stem: string;
  offset: number;
  match: ElementMatch;
  distance: number;
}

/** A word or phrase to find (or, `exclude`, to avoid); several elements must be adjacent. */
export interface PlanUnit {
  /** The word or phrase as typed, with its operator (`Rankovi*`, `Hrushov~1`), for messages. */
  text: string;
  /** The words alone, without operator or quotes. */
  word: string;
  elements: PlanElement[];
  /** Stop words of a quoted phrase, by word position relative to the first element. */
  stops: { offset: number; term: string }[];
  exclude: boolean;
  /** `tags` for `tag:` clauses; otherwise the fields allowed by scope. */
  field?: 'tags';
}

/** A `source:` or `author:` filter with its value analysed. */
export interface PlanFilter {
  kind: 'source' | 'author';
  value: string;
  terms: string[];
  prefix: boolean;
  exclude: boolean;
}

/** Everything the engine needs from a query. */
export interface SearchPlan {
  units: PlanUnit[];
  filters: PlanFilter[];
  scopes: Scopes;
  /** False when nothing is left to look for (only stop words, only exclusions, nothing typed). */
  looksFor: boolean;
  messages: string[];
}

// Lunr builds a fuzzy automaton per query word; beyond this length a typo-tolerant match costs
// more than it helps, and a word this long is almost certainly pasted, not typed.
const MAX_FUZZY_LENGTH = 40;

function elementMatch(clause: WordClause | PhraseClause, isLast: boolean): ElementMatch {
  if (clause.kind === 'phrase') return 'exact';
  if (clause.match === 'fuzzy') return 'fuzzy';
  return clause.match === 'prefix' && isLast ? 'prefix' : 'stem';
}

/** Index of the word an operator is attached to: it survives even if it is a stop word (`the*`). */
function operatorWord(clause: WordClause | PhraseClause, words: readonly Term[]): number {
  if (clause.kind === 'phrase') return -1;
  if (clause.match === 'prefix') return words.length - 1;
  return clause.match === 'fuzzy' && words.length === 1 ? 0 : -1;
}

function typed(clause: WordClause | PhraseClause): string {
  if (clause.kind === 'phrase') return `"${clause.text}"`;
  if (clause.match === 'prefix') return `${clause.text}*`;
  return clause.match === 'fuzzy' ? `${clause.text}~${clause.distance}` : clause.text;
}

function unitOf(clause: WordClause | PhraseClause, messages: string[], word = clause.text): PlanUnit | undefined {
  const words = analyze(clause.text, { keepStopWords: true });
  const operator = operatorWord(clause, words);
  const isKept = (word: Term, i: number) => i === operator || !isStopWord(word.term);
  const kept = words.filter(isKept);
  const first = kept[0];
  if (first === undefined) return undefined;
  const elements = kept.map((word, i): PlanElement => {
    let match = elementMatch(clause, i === kept.length - 1);
    if (match === 'fuzzy' && word.term.length > MAX_FUZZY_LENGTH) {
      messages.push(
        `"${clause.text}" is too long to allow typing errors; it was searched as written.`,
      );
      match = 'stem';
    }
    return {
      term: word.term,
      stem: stemTerm(word.term),
      offset: word.ordinal - first.ordinal,
      match,
      distance: match === 'fuzzy' && clause.kind === 'word' ? clause.distance : 0,
    };
  });
  // Only a quoted phrase checks its stop words: "Party of Labour" must not match "party and
  // labour", but the word Khrushchev's should find plain Khrushchev.
  const stops =
    clause.kind === 'phrase'
      ? words
          .filter((word, i) => !isKept(word, i))
          .map((word) => ({ offset: word.ordinal - first.ordinal, term: word.term }))
      : [];
  return {
    text: typed(clause),
    word,
    elements,
    stops,
    exclude: clause.exclude,
    ...(clause.field ? { field: clause.field } : {}),
  };
}

function emptyClauseMessage(texts: readonly string[]): string {
  const common = texts.filter((text) => analyze(text, { keepStopWords: true }).length > 0);
  if (common.length === 0) return 'There is nothing to search for: type a word, as in Hoxha.';
  return (
    `Only very common words were typed (${common.join(', ')}); they are not indexed. ` +
    'Add a more specific word.'
  );
}


/**
 * A word typed as `key:value` with a key Apparatus does not know (`title:Hoxha`, `foo:bar`):
 * the value is searched everywhere, and the user is told, rather than finding nothing because
 * no passage contains "title" right before "Hoxha".
 */
function unknownField(clause: WordClause, messages: string[]): WordClause {
  if (clause.field) return clause;
  const keyed = /^(\p{L}+):(.+)$/u.exec(clause.text);
  if (!keyed) return clause;
  const [, key = '', value = ''] = keyed;
  const hint = key.toLowerCase() === 'title' ? ` To find a source by its title, use source:${value}.` : '';
  messages.push(
    `"${key}:" is not a field Apparatus knows (source:, author:, tag:, in:), so "${value}" was searched everywhere.${hint}`,
  );
  return { ...clause, text: value };
}

/** Analyses a parsed query into a plan. Never throws; adds messages for parts that vanish. */
export function planQuery(parsed: ParsedQuery): SearchPlan {
  const messages = [...parsed.messages];
  const units: PlanUnit[] = [];
  const filters: PlanFilter[] = [];
  const include: SearchScope[] = [];
  const exclude: SearchScope[] = [];
  const vanished: string[] = [];
  for (const clause of parsed.clauses) {
    switch (clause.kind) {
      case 'word':
      case 'phrase': {
        const unit = unitOf(clause.kind === 'word' ? unknownField(clause, messages) : clause, messages, clause.text);
        if (unit) units.push(unit);
        else if (!clause.exclude) vanished.push(clause.text);
        break;
      }
      case 'source':
      case 'author':
        filters.push({
          kind: clause.kind,
          value: clause.value,
          terms: analyze(clause.value).map((t) => t.term),
          prefix: clause.prefix,
          exclude: clause.exclude,
        });
        break;
      case 'scope':
        (clause.exclude ? exclude : include).push(clause.scope);
        break;
    }
  }
  const looksFor =
    units.some((unit) => !unit.exclude) ||
    filters.some((filter) => !filter.exclude) ||
    include.length > 0;
  if (!looksFor && vanished.length > 0) messages.push(emptyClauseMessage(vanished));
  else if (!looksFor && (units.length > 0 || filters.length > 0 || exclude.length > 0)) {
    messages.push(
      'A search cannot only leave words out: add a word to look for, as in Hoxha -Tito.',
    );
  }
  return {
    units,
    filters,
    scopes: { include, exclude },
    looksFor,
    messages: [...new Set(messages)],
  };
}
