import { parse } from 'yaml';
import type { CslItem, CslName } from '../../corpus/model.ts';
import { parseDateText, parseNameText } from '../../corpus/names-and-dates.ts';

/** A Markdown file split into its YAML front matter (if any) and its body. */
export interface MarkdownParts {
  /** Metadata the front matter states, as CSL-JSON; empty when there is none. */
  found: Partial<CslItem>;
  body: string;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits off a YAML front matter block (`---` … `---` at the very start) and reads the metadata
 * it states: title, subtitle, author(s), date/issued/year, url, publisher, container title
 * (journal, site, publication), language, DOI. Front matter that is not a YAML mapping is left in
 * the body as text, so nothing is lost; unknown keys are ignored.
 */
export function splitMarkdownFrontMatter(raw: string): MarkdownParts {
  const text = raw.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(text);
  if (!match) return { found: {}, body: text };
  let data: unknown;
  try {
    data = parse(match[1] ?? '');
  } catch {
    return { found: {}, body: text };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { found: {}, body: text };
  }
  return { found: toCsl(data as Record<string, unknown>), body: text.slice(match[0].length) };
}

function toCsl(data: Record<string, unknown>): Partial<CslItem> {
  const pick = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = data[key];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
      if (typeof value === 'number') return String(value);
      if (value instanceof Date) return value.toISOString().slice(0, 10);
    }
    return undefined;
  };
  const found: Partial<CslItem> = {};
  const title = pick('title');
  const subtitle = pick('subtitle');
  if (title) found.title = subtitle ? `${title}: ${subtitle}` : title;
  const authors = toNames(data.author ?? data.authors ?? data.creator);
  if (authors.length > 0) found.author = authors;
  const date = pick('issued', 'date', 'published', 'year');
  const issued = date === undefined ? undefined : parseDateText(date);
  if (issued) found.issued = issued;
  const url = pick('URL', 'url', 'link', 'source');
  if (url && /^https?:\/\//i.test(url)) found.URL = url;
  const container = pick('container-title', 'journal', 'publication', 'site', 'website');
  if (container) found['container-title'] = container;
  const publisher = pick('publisher');
  if (publisher) found.publisher = publisher;
  const language = pick('language', 'lang');
  if (language) found.language = language;
  const doi = pick('DOI', 'doi');
  if (doi) found.DOI = doi;
  return found;
}

/** Names as front matter writes them: one string, a list of strings, or CSL name mappings. */
function toNames(value: unknown): CslName[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const names: CslName[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') {
      const name = parseNameText(entry);
      if (name) names.push(name);
    } else if (entry !== null && typeof entry === 'object') {
      const record = entry as Record<string, unknown>;
      const name: CslName = {};
      for (const key of ['family', 'given', 'literal'] as const) {
        if (typeof record[key] === 'string' && record[key] !== '') name[key] = record[key];
      }
      if (name.family === undefined && name.literal === undefined && typeof record.name === 'string') {
        const parsed = parseNameText(record.name);
        if (parsed) names.push(parsed);
      } else if (name.family !== undefined || name.literal !== undefined) {
        names.push(name);
      }
    }
  }
  return names;
}
