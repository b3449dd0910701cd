/**
 * The article's title as Readability reads it before it looks for the article, and its test of a
 * heading that repeats it (`_headerDuplicatesTitle`): the first such `h1` or `h2` is taken out of
 * the article, as the title is the page's, not a line of its text.
 */
import type { HtmlHeadFacts } from '../../../core/clean/html-stream/html-stream.ts';

// The `<meta>` titles Readability reads, in its order (names with `.` read as `:`).
const TITLE_TAGS = ['dc:title', 'dc.title', 'dcterm:title', 'dcterm.title', 'og:title', 'weibo:article:title', 'weibo:webpage:title', 'title', 'twitter:title', 'parsely-title'];
const SEPARATOR = / [|\-\\/>»] /;

/** The article's title: a `<meta>` title, else the `<title>` without the site's name (Readability's `_getArticleTitle`, in part). */
export function articleTitle(head: HtmlHeadFacts): string {
  for (const key of TITLE_TAGS) {
    const value = head.tags.get(key)?.[0]?.trim();
    if (value) return value;
  }
  const original = (head.title ?? '').trim();
  let title = original;
  let hierarchical = false;
  if (SEPARATOR.test(title)) {
    hierarchical = / [\\/>»] /.test(title);
    const separators = Array.from(original.matchAll(/ [|\-\\/>»] /g));
    title = original.slice(0, separators.at(-1)?.index ?? original.length);
    if (wordCount(title) < 3) title = original.replace(/^[^|\-\\/>»]*[|\-\\/>»]/, '');
  } else if (title.includes(': ')) {
    title = original.slice(original.lastIndexOf(':') + 1);
    if (wordCount(title) < 3) title = original.slice(original.indexOf(':') + 1);
    else if (wordCount(original.slice(0, original.indexOf(':'))) > 5) title = original;
  }
  title = title.trim().replace(/\s{2,}/g, ' ');
  const words = wordCount(title);
  if (words <= 4 && (!hierarchical || words !== wordCount(original.replace(/[|\-\\/>»]+/g, '')) - 1)) title = original;
  return title;
}

/** Whether a heading's text repeats the title (Readability's `_textSimilarity` above 0.75). */
export function repeatsTitle(title: string, heading: string): boolean {
  const tokens = (text: string): string[] => text.toLowerCase().split(/\W+/).filter(Boolean);
  const inTitle = tokens(title);
  const inHeading = tokens(heading);
  if (inTitle.length === 0 || inHeading.length === 0) return false;
  const unique = inHeading.filter((token) => !inTitle.includes(token));
  return 1 - unique.join(' ').length / inHeading.join(' ').length > 0.75;
}

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}
