/**
 * Typographic clean-up of the text a user typed into an item: curly quotes instead of straight
 * ones and en dashes in number ranges. URLs and DOIs never pass through here.
 */

/**
 * Replaces straight quotes with typographic ones: `"` opens after a space or bracket and closes
 * otherwise; `'` opens only before a letter at the start of a word, and is an apostrophe (’)
 * everywhere else, including before digits (’61).
 */
function smartQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    const prev = i === 0 ? '' : text.charAt(i - 1);
    const next = text.charAt(i + 1);
    const opensHere = prev === '' || /[\s([{\u2014\u2013/‘“-]/.test(prev);
    if (ch === '"') {
      out += opensHere ? '“' : '”';
    } else if (ch === "'") {
      out += opensHere && /\p{L}/u.test(next) ? '‘' : '’';
    } else {
      out += ch;
    }
  }
  return out;
}

/** Writes a hyphen between two numbers of three or more digits (a span of years) as an en dash. */
function rangeDashes(text: string): string {
  return text.replace(/\b(\d{3,4})-(\d{2,4})\b/g, '$1–$2');
}

/** The clean-up every user-typed title, name or note text goes through. */
export function typeset(text: string): string {
  return rangeDashes(smartQuotes(text.trim().replace(/\s+/g, ' ')));
}
