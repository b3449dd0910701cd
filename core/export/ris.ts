/**
 * The RIS writer (the tagged format EndNote, Zotero and Mendeley import): one record per source,
 * `TY` first and `ER` last, each line `TAG  - value`, CRLF line ends.
 */
import type { CslItem } from '../corpus/model.ts';
import { dateParts, invertedName, nameList, pageSpan, text } from './csl-fields.ts';

const TYPES: Record<string, string> = {
  'article-journal': 'JOUR',
  'article-magazine': 'MGZN',
  'article-newspaper': 'NEWS',
  book: 'BOOK',
  chapter: 'CHAP',
  'entry-encyclopedia': 'ENCYC',
  'entry-dictionary': 'DICT',
  thesis: 'THES',
  manuscript: 'MANSCPT',
  // RIS's personal communication, which Zotero and EndNote read as a letter.
  letter: 'PCOMM',
  report: 'RPRT',
  webpage: 'ELEC',
  'post-weblog': 'BLOG',
};

/** The RIS text of `items`: one record each, in order. */
export function writeRis(items: readonly CslItem[]): string {
  return items.map(record).join('\r\n');
}

function record(item: CslItem): string {
  const lines: [string, string | undefined][] = [['TY', TYPES[item.type] ?? 'GEN']];
  for (const name of nameList(item, 'author')) lines.push(['AU', invertedName(name)]);
  for (const name of nameList(item, 'editor')) lines.push(['A2', invertedName(name)]);
  for (const name of nameList(item, 'translator')) lines.push(['A4', invertedName(name)]);
  lines.push(['TI', text(item, 'title')], ['ST', text(item, 'title-short')]);
  lines.push(['T2', text(item, 'container-title')], ['T3', text(item, 'collection-title')]);
  lines.push(['VL', text(item, 'volume')], ['IS', text(item, 'issue')]);
  const pages = pageSpan(text(item, 'page'));
  lines.push(['SP', pages.first], ['EP', pages.last]);
  const issued = dateParts(item.issued);
  if (issued.year !== undefined) {
    lines.push(['PY', String(issued.year)], ['DA', risDate(issued)]);
  }
  const accessed = dateParts(item.accessed);
  if (accessed.year !== undefined) lines.push(['Y2', risDate(accessed)]);
  lines.push(['PB', text(item, 'publisher')], ['CY', text(item, 'publisher-place')]);
  lines.push(['DO', text(item, 'DOI')], ['UR', text(item, 'URL')], ['SN', text(item, 'ISSN')]);
  lines.push(['LA', text(item, 'language')], ['M3', text(item, 'genre')], ['N1', text(item, 'note')]);
  lines.push(['ID', item.id]);
  const body = lines
    .filter((line): line is [string, string] => line[1] !== undefined && line[1] !== '')
    .map(([tag, value]) => `${tag}  - ${oneLine(value)}\r\n`)
    .join('');
  return `${body}ER  - \r\n`;
}

/** RIS dates are `YYYY/MM/DD/`, with empty parts left empty. */
function risDate(date: { year?: number; month?: number; day?: number }): string {
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${date.year ?? ''}/${pad(date.month)}/${pad(date.day)}/`;
}

// A line break inside a value would start a bogus tag line.
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ');
}
