import type { CslItem, CslName } from '../../../core/corpus/model.ts';
import { parseByline, parseDateText, parseNameText } from '../../../core/corpus/names-and-dates.ts';
import type { DomDocument } from './html-dom.ts';

/** What Readability reports about an article, as far as metadata goes. */
export interface ArticleFacts {
  title?: string | null | undefined;
  byline?: string | null | undefined;
  siteName?: string | null | undefined;
  lang?: string | null | undefined;
  publishedTime?: string | null | undefined;
}

/** The `<meta>` tags of a page: lower-cased `name`/`property` → every value, in page order. */
function metaTags(document: DomDocument): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase();
    const value = (meta.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
    if (key === '' || value === '') continue;
    tags.set(key, [...(tags.get(key) ?? []), value]);
  }
  return tags;
}

/** What a page's head states: its `<meta>` tags, `<title>` and `<html lang>`. */
export interface PageFacts {
  tags: Map<string, string[]>;
  title: string | undefined;
  lang: string | undefined;
}

/** Reads the page's head, before anything (Readability) rewrites the document. */
export function readPageFacts(document: DomDocument): PageFacts {
  return {
    tags: metaTags(document),
    title: Array.from(document.querySelectorAll('title'))[0]?.textContent?.replace(/\s+/g, ' ').trim(),
    lang: clean(document.documentElement.getAttribute('lang')),
  };
}

/** `htmlMetadata` of a parsed page. */
export function readHtmlMetadata(document: DomDocument, article: ArticleFacts | null): Partial<CslItem> {
  return htmlMetadata(readPageFacts(document), article);
}

/**
 * The metadata a page states, as CSL-JSON: Highwire `citation_*` tags first, then Dublin Core
 * (`dc.*`, `dcterms.*`), then Open Graph (`og:*`, `article:*`), then what Readability read
 * (byline, published time, site name, language), then `<title>` and `<html lang>`. Only what is
 * stated is returned; dates that are not ISO-like are left out rather than guessed.
 */
export function htmlMetadata(page: PageFacts, article: ArticleFacts | null): Partial<CslItem> {
  const tags = page.tags;
  const first = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = tags.get(key)?.[0];
      if (value) return value;
    }
    return undefined;
  };
  const found: Partial<CslItem> = {};
  const titleTag = page.title;
  const title = first('citation_title', 'dc.title', 'dcterms.title', 'og:title') ?? clean(article?.title) ?? titleTag;
  if (title) found.title = title;
  const authors = authorsFrom(tags, article?.byline);
  if (authors.length > 0) found.author = authors;
  const date =
    first('citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date', 'dcterms.issued',
      'dcterms.date', 'article:published_time') ?? clean(article?.publishedTime);
  const issued = date === undefined ? undefined : parseDateText(date);
  if (issued) found.issued = issued;
  const container =
    first('citation_journal_title', 'citation_conference_title', 'citation_book_title', 'dc.source', 'og:site_name') ??
    clean(article?.siteName);
  if (container) found['container-title'] = container;
  const publisher = first('citation_publisher', 'dc.publisher', 'dcterms.publisher');
  if (publisher) found.publisher = publisher;
  for (const [variable, keys] of [
    ['volume', ['citation_volume']],
    ['issue', ['citation_issue']],
    ['DOI', ['citation_doi']],
  ] as const) {
    const value = first(...keys);
    if (value) found[variable] = value.replace(/^doi:\s*/i, '');
  }
  const firstPage = first('citation_firstpage');
  const lastPage = first('citation_lastpage');
  if (firstPage) found.page = lastPage ? `${firstPage}-${lastPage}` : firstPage;
  const url = first('citation_public_url', 'citation_abstract_html_url', 'citation_fulltext_html_url', 'og:url', 'dc.identifier');
  if (url && /^https?:\/\//i.test(url)) found.URL = url;
  const language =
    first('citation_language', 'dc.language', 'dcterms.language') ??
    clean(article?.lang) ??
    page.lang;
  if (language) found.language = language;
  return found;
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

function authorsFrom(tags: Map<string, string[]>, byline: string | null | undefined): CslName[] {
  // Highwire tags print one author per tag, usually inverted ("Edemskiy, Andrey").
  for (const key of ['citation_author', 'dc.creator', 'dcterms.creator', 'author', 'article:author']) {
    const values = (tags.get(key) ?? []).filter((value) => !/^https?:\/\//i.test(value));
    const names = values.map((value) => parseNameText(value)).filter((name) => name !== undefined);
    if (names.length > 0) return names;
  }
  const text = clean(byline);
  return text === undefined ? [] : parseByline(text);
}
