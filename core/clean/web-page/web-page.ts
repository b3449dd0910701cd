import type { CleanedBody } from '../cleaned-body.ts';
import { articleBlocks } from './body.ts';
import { WebPageError } from './errors.ts';
import { locateArticle } from './layout.ts';
import { readPageLines } from './lines.ts';
import { factsToCsl, readPageFacts } from './meta.ts';

/**
 * Cleans the text a browser copies from a news or magazine article page (raw form `web-page`).
 *
 * The rules are about web pages, not one site: every line is classified by what it says (the
 * furniture lexicon in `lexicon.ts`, in English, Albanian and other languages) and by its
 * shape (bullets, dates, bylines, quotation-and-slash headlines of other articles); then the page
 * is cut by position into site header, headline, article head, article text and page foot
 * (`layout.ts`). Only the article text becomes blocks; header and head yield metadata.
 *
 * Guarantees: the wording of the kept text is unchanged except for layout spaces, curly quotes and
 * "..." → "…"; no notes (web pages have none); block ids are empty, for the corpus build to number.
 * `found` holds only what the page states: `title` (headline), `author` (byline), `part`,
 * `container-title` (site), `issued` (a date printed with the article), `accessed` (the date in
 * the site header), `keyword` (site section) and `note` (a "to be continued" notice).
 * A page without article text throws a `WebPageError` (`no-article`) rather than yield an empty
 * source.
 */
export function cleanWebPage(raw: string): CleanedBody {
  const lines = readPageLines(raw);
  const layout = locateArticle(lines);
  const facts = readPageFacts(lines, layout);
  const blocks = articleBlocks(lines, layout, facts.site);
  if (blocks.length === 0) {
    throw new WebPageError(
      'no-article',
      'No article text was found on this web page: no paragraph reads as running prose. Check ' +
        'that the raw file holds the text of the article page as the browser copied it.',
    );
  }
  return { blocks, notes: [], found: factsToCsl(facts) };
}
