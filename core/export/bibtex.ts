/**
 * The BibTeX writer: one entry per source, keyed by its corpus id, UTF-8 (biber and modern BibTeX
 * read it). Titles are double-braced so that no style changes their capitalization (many are not
 * English); LaTeX's special characters are escaped.
 */
import type { CslItem } from '../corpus/model.ts';
import { dateParts, invertedName, nameList, pageSpan, text } from './csl-fields.ts';

const TYPES: Record<string, string> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  book: 'book',
  chapter: 'incollection',
  'paper-conference': 'inproceedings',
  thesis: 'phdthesis',
  report: 'techreport',
  manuscript: 'unpublished',
};

/** The BibTeX text of `items`: one entry each, in order, separated by blank lines. */
export function writeBibtex(items: readonly CslItem[]): string {
  return `${items.map(entry).join('\n\n')}\n`;
}

function entry(item: CslItem): string {
  const type = TYPES[item.type] ?? 'misc';
  const fields: [string, string | undefined][] = [];
  fields.push(['author', names(item, 'author')], ['editor', names(item, 'editor')]);
  const title = text(item, 'title');
  fields.push(['title', title === undefined ? undefined : `{${escapeLatex(title)}}`]);
  const container = text(item, 'container-title');
  const containerField = type === 'article' ? 'journal' : type === 'misc' ? 'howpublished' : 'booktitle';
  fields.push([containerField, container && escapeLatex(container)]);
  fields.push(['volume', esc(text(item, 'volume'))], ['number', esc(text(item, 'issue'))]);
  const pages = pageSpan(text(item, 'page'));
  const range = pages.last ? `${pages.first}--${pages.last}` : pages.first;
  fields.push(['pages', esc(range)]);
  const issued = dateParts(item.issued);
  fields.push(['year', issued.year?.toString()], ['month', issued.month?.toString()]);
  fields.push(['publisher', esc(text(item, 'publisher'))], ['address', esc(text(item, 'publisher-place'))]);
  fields.push(['doi', text(item, 'DOI')], ['url', text(item, 'URL')]);
  const accessed = dateParts(item.accessed);
  if (accessed.year !== undefined) fields.push(['urldate', isoDate(accessed)]);
  fields.push(['language', esc(text(item, 'language'))], ['note', esc(text(item, 'note'))]);
  const lines = fields
    .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
    .map(([name, value]) => `  ${name} = {${value}}`);
  return `@${type}{${citationKey(item.id)},\n${lines.join(',\n')}\n}`;
}

function names(item: CslItem, field: string): string | undefined {
  const list = nameList(item, field).map((name) =>
    // An institution's name is braced so BibTeX does not split it into given and family names.
    name.literal ? `{${escapeLatex(name.literal)}}` : escapeLatex(invertedName(name)),
  );
  return list.length > 0 ? list.join(' and ') : undefined;
}

/** A key BibTeX accepts: the corpus id without characters that end or break a key. */
export function citationKey(id: string): string {
  return id.replace(/[\s,{}()"#%'=~\\]/g, '_');
}

/** Escapes LaTeX's special characters so they print as themselves. */
export function escapeLatex(value: string): string {
  return value.replace(/[\\{}&%$#_^~]/g, (c) => {
    if (c === '\\') return '\\textbackslash{}';
    if (c === '^') return '\\textasciicircum{}';
    if (c === '~') return '\\textasciitilde{}';
    return `\\${c}`;
  });
}

function esc(value: string | undefined): string | undefined {
  return value === undefined ? undefined : escapeLatex(value);
}

function isoDate(date: { year?: number; month?: number; day?: number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [date.year, date.month, date.day]
    .filter((part): part is number => part !== undefined)
    .map((part, i) => (i === 0 ? String(part) : pad(part)))
    .join('-');
}
