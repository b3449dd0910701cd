import type { CslItem, CslName } from '../../corpus/model.ts';
import { parseDateText, parseNameText } from '../../corpus/names-and-dates.ts';
import { isMapping, readYaml } from '../../corpus/read-yaml.ts';
import { DomainError } from '../../errors.ts';

/** A Markdown file split into its YAML front matter (if any) and its body. */
export interface MarkdownParts {
  /** Metadata the front matter states, as CSL-JSON; empty when there is none. */
  found: Partial<CslItem>;
  body: string;
  /** What the YAML reader passed over (an unknown `!tag` …), each with its line in the file. */
  warnings: string[];
}

/** Front matter that is not valid YAML; the message names its line in the file. */
export class FrontMatterError extends DomainError<'invalid-front-matter'> {
  override name = 'FrontMatterError';
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits off a YAML front matter block (`---` … `---` at the very start) and reads the metadata
 * it states: title, subtitle, author(s), date/issued/year, url, publisher, container title
 * (journal, site, publication), language, DOI. Front matter that is valid YAML but not a mapping
 * (a paragraph between two rules) is left in the body as text, so nothing is lost; unknown keys
 * are ignored. Throws a `FrontMatterError` naming the line when the block is not valid YAML, rather
 * than letting it pass as body text (where its closing rule would make a heading of it).
 */
export function splitMarkdownFrontMatter(raw: string): MarkdownParts {
  const text = raw.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(text);
  if (!match) return { found: {}, body: text, warnings: [] };
  const read = readYaml(match[1] ?? '');
  // Line 1 of the file is the opening `---`.
  const fileLine = (line: number | undefined) => (line === undefined ? 'in the front matter' : `on line ${line + 1}`);
  if (!read.ok) {
    throw new FrontMatterError(
      'invalid-front-matter',
      `its front matter (the block between the --- lines at the top) is not valid YAML ${fileLine(read.line)}: ` +
        `${read.message}. Correct that line, or remove the front matter, and import the file again.`,
    );
  }
  const warnings = read.warnings.map((warning) => `The front matter has a problem ${fileLine(warning.line)}, passed over: ${warning.message}.`);
  if (!isMapping(read.data)) return { found: {}, body: text, warnings: [] };
  return { found: toCsl(read.data), body: text.slice(match[0].length), warnings };
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
