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
 *
 * The words are compared one by one, not as one regular expression: a pasted passage of some
 * thousands of words makes a pattern that JavaScript refuses as too large, or overflows its stack.
 */
export function findQuote(text: string, quote: string, occurrence: number): QuoteSearch {
  const words = quote.trim().split(/\s+/);
  const [first, ...rest] = words as [string, ...string[]];
  let count = 0;
  if (rest.length === 0) {
    // Occurrences may overlap ("lala" twice in "lalala"); --occurrence has always counted them so.
    for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
      count += 1;
      if (count === occurrence) return { start: at, end: at + first.length };
    }
    return { count };
  }
  // Between words is white space, so the first word ends a run of the text's non-space
  // characters, the words between are whole runs, and the last word begins one.
  const runs = [...text.matchAll(/\S+/g)].map((run) => ({ start: run.index, word: run[0] }));
  const last = rest.pop() as string;
  for (let i = 0; i + rest.length + 1 < runs.length; i += 1) {
    const head = runs[i] as { start: number; word: string };
    const tail = runs[i + rest.length + 1] as { start: number; word: string };
    if (!head.word.endsWith(first) || !tail.word.startsWith(last)) continue;
    if (!rest.every((word, k) => runs[i + 1 + k]?.word === word)) continue;
    // Occurrences may overlap ("la la" twice in "la la la"); --occurrence has always counted them so.
    count += 1;
    if (count === occurrence) return { start: head.start + head.word.length - first.length, end: tail.start + last.length };
  }
  return { count };
}
