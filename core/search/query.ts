/**
 * The query language a historian types, parsed into a typed list of clauses:
 *
 *   Hoxha Tito          words: all required, ranked
 *   "Party of Labour"   a phrase: these words, adjacent and in this order, inside one block
 *   Rankovi*            words beginning with Rankovi
 *   Hrushov~1           words within one typing error (~2: two)
 *   -Tito               leave out documents containing Tito (also -"a phrase", -tag:x, -in:notes)
 *   source:ID-or-title  author:name  tag:name  in:notes
 *   Hoxha NOT Tito      NOT in capitals, as catalogues write it: the same as -Tito
 *
 * OR and AND in capitals are no operators here (every word is required): they are dropped and the
 * reader is told, so that "Hoxha OR Tito" never silently finds only passages with both.
 *
 * Curly quotes and dashes are folded first, so text pasted from a word processor works. The
 * parser never throws: anything malformed is dropped or repaired, and `messages` says what was
 * done, in words a reader understands.
 */
import { foldTypography } from './fold.ts';

/** Where `in:` can restrict a search. */
export type SearchScope =
  | 'text'
  | 'footnotes'
  | 'headings'
  | 'annotations'
  | 'notes'
  | 'quotes'
  | 'tags';

/** Every scope `in:` accepts, in the order they are explained to the user. */
export const SEARCH_SCOPES: readonly SearchScope[] = [
  'text',
  'footnotes',
  'headings',
  'annotations',
  'notes',
  'quotes',
  'tags',
];

/** A typed word: matched as a word (with its stem), as a prefix, or with up to `distance` typos. */
export interface WordClause {
  kind: 'word';
  text: string;
  match: 'word' | 'prefix' | 'fuzzy';
  /** Edit distance, 1 or 2 for fuzzy words; 0 otherwise. */
  distance: number;
  exclude: boolean;
  /** Set by `tag:`: the word must be in a tag name. */
  field?: 'tags';
}

/** A quoted phrase: its words adjacent and in order, inside one field of one document. */
export interface PhraseClause {
  kind: 'phrase';
  text: string;
  exclude: boolean;
  field?: 'tags';
}

/** `source:` or `author:`: keeps (or, excluded, drops) documents of matching sources. */
export interface SourceFilterClause {
  kind: 'source' | 'author';
  value: string;
  /** The value ended in `*`: its last word is a prefix. */
  prefix: boolean;
  exclude: boolean;
}

/** `in:`: restricts where words are looked for. */
export interface ScopeClause {
  kind: 'scope';
  scope: SearchScope;
  exclude: boolean;
}

/** One part of a query. */
export type QueryClause = WordClause | PhraseClause | SourceFilterClause | ScopeClause;

/** A parsed query: its clauses in typed order, and what the user should be told about it. */
export interface ParsedQuery {
  clauses: QueryClause[];
  messages: string[];
}

/** Longer input is cut (at a space where possible) before parsing. */
export const MAX_QUERY_LENGTH = 1000;

/** Clauses after this many are ignored. */
export const MAX_CLAUSES = 32;

const MAX_DISTANCE = 2;

// Maps, not object literals: a typed key such as `in:constructor` must not find a property
// inherited from Object.prototype.
const SCOPE_ALIASES: ReadonlyMap<string, SearchScope> = new Map([
  ['text', 'text'],
  ['texts', 'text'],
  ['sources', 'text'],
  ['footnote', 'footnotes'],
  ['footnotes', 'footnotes'],
  ['heading', 'headings'],
  ['headings', 'headings'],
  ['annotation', 'annotations'],
  ['annotations', 'annotations'],
  ['highlights', 'annotations'],
  ['note', 'notes'],
  ['notes', 'notes'],
  ['quote', 'quotes'],
  ['quotes', 'quotes'],
  ['tag', 'tags'],
  ['tags', 'tags'],
]);

type Key = 'source' | 'author' | 'tag' | 'in';

const KEYS: ReadonlyMap<string, Key> = new Map([
  ['source', 'source'],
  ['author', 'author'],
  ['tag', 'tag'],
  ['tags', 'tag'],
  ['in', 'in'],
]);

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);

/** Cuts overlong input at the last space before the limit, if there is one reasonably near. */
function shorten(text: string, messages: string[]): string {
  if (text.length <= MAX_QUERY_LENGTH) return text;
  messages.push(
    `The search was too long, so only its first ${MAX_QUERY_LENGTH.toLocaleString('en')} ` +
      'characters were used.',
  );
  const cut = text.slice(0, MAX_QUERY_LENGTH);
  const space = cut.search(/\s\S*$/u);
  return space > MAX_QUERY_LENGTH - 100 ? cut.slice(0, space) : cut;
}

/** Reads `"…"` starting at the opening quote; an unclosed phrase runs to the end of the input. */
function readQuoted(
  text: string,
  open: number,
  messages: string[],
): { value: string; next: number } {
  const close = text.indexOf('"', open + 1);
  if (close === -1) {
    const value = text.slice(open + 1).trim();
    messages.push(
      value === ''
        ? 'A quotation mark with nothing after it was ignored.'
        : `The closing quotation mark was missing, so "${value}" was searched as a phrase.`,
    );
    return { value, next: text.length };
  }
  const value = text.slice(open + 1, close).trim();
  if (value === '') messages.push('An empty pair of quotation marks was ignored.');
  return { value, next: close + 1 };
}

/** Parses a word's operators (`*` at the end, `~n`) into a word clause, or explains why not. */
function wordClause(
  raw: string,
  exclude: boolean,
  field: 'tags' | undefined,
  messages: string[],
): WordClause | undefined {
  let text = raw;
  let match: WordClause['match'] = 'word';
  let distance = 0;
  const fuzzy = /~(\d*)$/u.exec(text);
  if (fuzzy) {
    text = text.slice(0, fuzzy.index);
    const asked = fuzzy[1] === '' ? 1 : Number(fuzzy[1]);
    distance = Math.min(asked, MAX_DISTANCE);
    if (asked > MAX_DISTANCE) {
      messages.push(
        `"${raw}" allows at most ${MAX_DISTANCE} typing errors, so ~${MAX_DISTANCE} was used.`,
      );
    }
    if (distance > 0) match = 'fuzzy';
  }
  if (/\*+$/u.test(text)) {
    text = text.replace(/\*+$/u, '');
    if (match === 'fuzzy') {
      messages.push(
        `"${raw}" cannot be both a beginning (*) and approximate (~); ` +
          'it was searched as a beginning.',
      );
      distance = 0;
    }
    match = 'prefix';
  }
  if (text.includes('*')) {
    text = text.replaceAll('*', '');
    messages.push(
      `A "*" only works at the end of a word, as in Rankovi*, so "${raw}" was searched ` +
        `as "${text}".`,
    );
  }
  if (text === '') {
    messages.push(
      match === 'prefix' || raw.startsWith('*')
        ? 'A "*" on its own was ignored: put it after the beginning of a word, as in Rankovi*.'
        : 'A "~" on its own was ignored: put it right after a word to allow a typing error, ' +
          'as in Hoxha~1.',
    );
    return undefined;
  }
  return { kind: 'word', text, match, distance, exclude, ...(field ? { field } : {}) };
}

function filterClause(
  kind: 'source' | 'author',
  raw: string,
  exclude: boolean,
  messages: string[],
): SourceFilterClause | undefined {
  let value = raw;
  if (/~\d*$/u.test(value)) {
    value = value.replace(/~\d*$/u, '');
    messages.push(
      `"${kind}:" does not allow typing errors (~); "${value}" was looked for as written.`,
    );
  }
  const prefix = /\*+$/u.test(value);
  value = value.replaceAll('*', '').trim();
  if (value === '') {
    const example = kind === 'author' ? 'Kalić' : 'Balcanica';
    messages.push(`"${kind}:" needs a value after it, as in ${kind}:${example}.`);
    return undefined;
  }
  return { kind, value, prefix, exclude };
}

function scopeClause(raw: string, exclude: boolean, messages: string[]): ScopeClause | undefined {
  const scope = SCOPE_ALIASES.get(raw.toLowerCase());
  if (scope === undefined) {
    const places = SEARCH_SCOPES.map((s) => `in:${s}`).join(', ');
    messages.push(
      raw === ''
        ? `"in:" needs a place after it: ${places}.`
        : `"in:${raw}" was ignored: you can search ${places}.`,
    );
    return undefined;
  }
  return { kind: 'scope', scope, exclude };
}

/** Turns `key:value` (value already unquoted when `quoted`) into a clause. */
function keyedClause(
  key: Key,
  value: string,
  quoted: boolean,
  exclude: boolean,
  messages: string[],
): QueryClause | undefined {
  switch (key) {
    case 'in':
      return scopeClause(value, exclude, messages);
    case 'source':
    case 'author':
      return filterClause(key, value, exclude, messages);
    case 'tag':
      if (value === '') {
        messages.push('"tag:" needs a tag name after it, as in tag:collectivisation.');
        return undefined;
      }
      return quoted
        ? { kind: 'phrase', text: value, exclude, field: 'tags' }
        : wordClause(value, exclude, 'tags', messages);
  }
}

const BOOST = /\^\d*(?:\.\d+)?$/u;

/**
 * Drops a Lunr-style boost (`Hoxha^2`, or `^2` after a phrase) and says why: passages are
 * ranked by where the words occur, and a silent boost would make a word a search for "2".
 */
function withoutBoost(bare: string, messages: string[]): string {
  const boost = BOOST.exec(bare);
  if (!boost) return bare;
  const word = bare.slice(0, boost.index);
  messages.push(
    `Boosts such as "${boost[0]}" are not used: passages are ranked by where the words occur` +
      (word === '' ? ', so it was ignored.' : `, so "${word}" was searched as typed.`),
  );
  return word;
}

/**
 * Parses what the user typed. Never throws; returns the clauses it understood and, in
 * `messages`, an explanation of anything it ignored or repaired (each message once).
 */
export function parseQuery(input: string): ParsedQuery {
  const messages: string[] = [];
  const clauses: QueryClause[] = [];
  const text = shorten(foldTypography(input), messages);
  // A NOT in capitals waits for the clause it leaves out.
  let not = false;
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i += 1;
      continue;
    }
    if (clauses.length >= MAX_CLAUSES) {
      messages.push(`Only the first ${MAX_CLAUSES} words, phrases and filters were used.`);
      break;
    }
    let exclude = false;
    if (text[i] === '-' || text[i] === '+') {
      const sign = text[i];
      i += 1;
      if (i >= text.length || isSpace(text[i])) {
        if (sign === '-') {
          messages.push(
            'A "-" on its own was ignored: to leave out a word, write it right after the minus, ' +
              'as in -Tito.',
          );
        }
        continue;
      }
      exclude = sign === '-';
    }
    let clause: QueryClause | undefined;
    if (text[i] === '"') {
      const { value, next } = readQuoted(text, i, messages);
      i = next;
      if (value !== '') clause = { kind: 'phrase', text: value, exclude };
    } else {
      let end = i;
      while (end < text.length && !isSpace(text[end]) && text[end] !== '"') end += 1;
      const bare = withoutBoost(text.slice(i, end), messages);
      i = end;
      if (!exclude && booleanWord(bare, messages)) {
        not ||= bare === 'NOT';
        continue;
      }
      const keyed = /^([a-z]+):(.*)$/iu.exec(bare);
      const key = keyed ? KEYS.get(keyed[1]!.toLowerCase()) : undefined;
      if (keyed && key !== undefined) {
        let value = keyed[2]!;
        let quoted = false;
        if (value === '' && text[i] === '"') {
          const read = readQuoted(text, i, messages);
          i = read.next;
          value = read.value;
          quoted = true;
          if (value === '') continue;
        }
        clause = keyedClause(key, value, quoted, exclude, messages);
      } else if (bare !== '') {
        clause = wordClause(bare, exclude, undefined, messages);
      }
    }
    if (clause && not) {
      clause.exclude = true;
      const shown = clause.kind === 'phrase' ? `"${clause.text}"` : clause.kind === 'word' ? clause.text : `${clause.kind}:${'value' in clause ? clause.value : clause.scope}`;
      messages.push(`"NOT ${shown}" was searched as -${shown}: passages with it are left out.`);
    }
    not = false;
    if (clause) clauses.push(clause);
  }
  if (not) messages.push('A "NOT" with nothing after it was ignored: to leave out a word, write NOT or a minus before it, as in NOT Tito or -Tito.');
  return { clauses, messages: [...new Set(messages)] };
}

/**
 * Whether a word is a Boolean operator typed in capitals (as library catalogues take them), saying
 * what is done with it: NOT leaves out what follows, AND changes nothing, OR is not available.
 */
function booleanWord(word: string, messages: string[]): boolean {
  if (word === 'AND') {
    messages.push('"AND" was ignored: every word of a search is required already.');
    return true;
  }
  if (word === 'OR') {
    messages.push(
      '"OR" was ignored: every word of a search is required, so passages with all the words were found. ' +
        'To find passages with either word, search for each on its own.',
    );
    return true;
  }
  return word === 'NOT';
}
