/**
 * Finding words a historian typed or pasted (`apparatus annotate add --quote`) in a reading text.
 * Words copied from a PDF or a web page come with doubled spaces and line breaks where the text
 * has one space, and the reverse: any run of white space in the quote matches any run in the
 * text. The range found is the text's own, so the stored quote is the source's wording.
 */

/** A range of the text, or how often the quote occurs when the occurrence asked for is not there. */
export type QuoteSearch = { start: number; end: number } | { count: number };

/**
 * The `occurrence`th (from 1) range of `text` holding the words of `quote`, white space aside;
 * `{ count }` (how many there are) when there are fewer. `quote` must hold a word.
 */
export function findQuote(text: string, quote: string, occurrence: number): QuoteSearch {
  const words = quote.trim().split(/\s+/);
  const pattern = new RegExp(words.map(escape).join('\\s+'), 'g');
  let count = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    count += 1;
    if (count === occurrence) return { start: match.index, end: match.index + match[0].length };
    // Occurrences may overlap ("la la" twice in "la la la"); --occurrence has always counted them so.
    pattern.lastIndex = match.index + 1;
  }
  return { count };
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
