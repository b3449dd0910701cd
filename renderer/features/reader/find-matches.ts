import type { Action } from '../../state/actions.ts';
import type { FindState, TextRange } from '../../state/app-state.ts';

/** At most this many matches are marked: enough to walk through, a bound for a one-letter search. */
export const MAX_FIND_MATCHES = 10_000;

const QUOTES: Record<string, string> = { '‘': "'", '’': "'", 'ʼ': "'", '“': '"', '”': '"', '„': '"' };

// One character as find compares it: without accents, in lower case, quotes straightened.
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  return QUOTES[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A text folded for finding, with where each folded character came from. */
interface Folded {
  text: string;
  origin: number[];
}

function fold(text: string): Folded {
  const parts: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const folded = foldChar(char);
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) origin.push(i);
    i += char.length;
  }
  origin.push(text.length);
  return { text: parts.join(''), origin };
}

let last: { text: string; folded: Folded } | null = null;

/**
 * Every place `query` occurs in `text`, in order and apart, ignoring case and accents ("mehilli"
 * finds “Mëhilli”) and the kind of quotation mark; at most `MAX_FIND_MATCHES`.
 */
export function findMatches(text: string, query: string): TextRange[] {
  const wanted = fold(query.trim()).text;
  if (wanted === '') return [];
  if (last?.text !== text) last = { text, folded: fold(text) };
  const { folded } = last;
  const ranges: TextRange[] = [];
  for (let at = folded.text.indexOf(wanted); at >= 0 && ranges.length < MAX_FIND_MATCHES; at = folded.text.indexOf(wanted, at + wanted.length)) {
    ranges.push({ start: folded.origin[at]!, end: folded.origin[at + wanted.length]! });
  }
  return ranges;
}

/** Find in this source: open or closed, and what it looks for (kept for the next time it opens). */
export function findReducer(state: FindState, action: Action): FindState {
  switch (action.type) {
    case 'find/opened':
      return state.open ? state : { ...state, open: true };
    case 'find/typed':
      return action.query === state.query ? state : { ...state, query: action.query };
    case 'find/closed':
      return state.open ? { ...state, open: false } : state;
    case 'search/matched':
      // Opening a search result shows its matches instead.
      return state.open ? { ...state, open: false } : state;
    default:
      return state;
  }
}
