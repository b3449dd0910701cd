/**
 * Reading reference files, CSL-JSON, BibTeX/BibLaTeX and RIS, into CSL-JSON items, one record at a
 * time so that a broken record is reported and the others still come in. BibTeX and RIS are read
 * with Citation.js (its BibTeX and RIS plugins); what they leave in a shape other tools would not
 * recognise is put right in `normalizeReference`.
 */
import { DomainError } from '../../errors.ts';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from '../../corpus/model.ts';
import type { SkippedRecord } from '../annotations/external.ts';
import { normalizeReference } from './normalize-reference.ts';
import { isRecord } from '../json-values.ts';

/** The reference formats read. */
export type ReferenceFileFormat = 'csl-json' | 'bibtex' | 'ris';

/** One record read: its metadata and the key the file gave it (a BibTeX key, a RIS ID). */
export interface ReadRecord {
  /** Names the record in a report ("BibTeX entry prifti1978", "RIS record 3"). */
  label: string;
  item: CslItem;
  /** The key the file gave the record, if any; our id is made from it when it fits. */
  key: string | null;
}

/** What a reference file held. */
export interface ReadReferences {
  format: ReferenceFileFormat;
  records: ReadRecord[];
  skipped: SkippedRecord[];
}

/** Why a reference file was refused as a whole. */
export class ReferenceFileError extends DomainError<'unreadable-references'> {
  override name = 'ReferenceFileError';

  constructor(message: string) {
    super('unreadable-references', message);
  }
}

const NAMES: Record<ReferenceFileFormat, string> = { 'csl-json': 'CSL-JSON', bibtex: 'BibTeX', ris: 'RIS' };

/** The format of a reference file, by its name, else by its first characters; null if unknown. */
export function referenceFormatOf(text: string, fileName: string): ReferenceFileFormat | null {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'json') return 'csl-json';
  if (extension === 'bib' || extension === 'bibtex' || extension === 'biblatex') return 'bibtex';
  if (extension === 'ris') return 'ris';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^TY {2}- /m.test(text)) return 'ris';
  if (/^\s*@\s*[a-z]+\s*[{(]/im.test(text)) return 'bibtex';
  return null;
}

/** Every record of a reference file; throws `ReferenceFileError` when the file holds none. */
export function readReferences(text: string, fileName: string): ReadReferences {
  const format = referenceFormatOf(text, fileName);
  if (format === null) {
    throw new ReferenceFileError(`“${fileName}” is not a reference file Apparatus reads: use CSL-JSON (.json), BibTeX or BibLaTeX (.bib) or RIS (.ris).`);
  }
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const read = format === 'csl-json' ? readCslJson(clean, fileName) : format === 'bibtex' ? readBibtex(clean) : readRis(clean);
  if (read.records.length + read.skipped.length === 0) {
    throw new ReferenceFileError(`“${fileName}” holds no ${NAMES[format]} records.`);
  }
  return { format, ...read };
}

type Records = Omit<ReadReferences, 'format'>;

function readCslJson(text: string, fileName: string): Records {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReferenceFileError(`“${fileName}” is not valid JSON (${(error as Error).message}).`);
  }
  // Zotero's local API and some exporters wrap the list: {"items": [...]}.
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.items) ? value.items : [value];
  const out: Records = { records: [], skipped: [] };
  list.forEach((entry, index) => {
    const key = isRecord(entry) && (typeof entry.id === 'string' || typeof entry.id === 'number') ? String(entry.id) : null;
    const label = key === null ? `CSL-JSON item no. ${index + 1}` : `CSL-JSON item “${key}”`;
    accept(out, label, key, entry);
  });
  return out;
}

function readBibtex(text: string): Records {
  const out: Records = { records: [], skipped: [] };
  const chunks = bibtexChunks(text);
  // @string abbreviations are defined once and used by any entry: each entry is read with them.
  const strings = chunks.filter((chunk) => /^@\s*string\b/i.test(chunk.text)).map((chunk) => chunk.text).join('\n');
  for (const chunk of chunks) {
    if (/^@\s*(string|comment|preamble)\b/i.test(chunk.text)) continue;
    const key = /^@\s*[a-z]+\s*[{(]\s*([^,\s]+)\s*,/i.exec(chunk.text)?.[1] ?? null;
    const label = key === null ? `BibTeX entry at line ${chunk.line}` : `BibTeX entry “${key}” (line ${chunk.line})`;
    let entries: unknown;
    try {
      entries = plugins.input.data(`${strings}\n${chunk.text}`, '@biblatex/text');
    } catch (error) {
      // The entry was read after the @string lines and a line break: its lines come that much later.
      const offset = chunk.line - 1 - (strings === '' ? 1 : strings.split('\n').length);
      out.skipped.push({ label, reason: `it cannot be read: ${bibtexProblem(chunk, (error as Error).message, offset)}` });
      continue;
    }
    const entry = Array.isArray(entries) ? entries.find((e) => isRecord(e) && e.type !== 'string') : undefined;
    if (!entry) {
      out.skipped.push({ label, reason: 'it holds no entry' });
      continue;
    }
    const subtype = isRecord(entry) && isRecord(entry.properties) ? entry.properties.entrysubtype : undefined;
    accept(out, label, key, chain(entry, '@biblatex/entry+object'), { entrysubtype: typeof subtype === 'string' ? subtype : undefined });
  }
  return out;
}

function readRis(text: string): Records {
  const out: Records = { records: [], skipped: [] };
  risRecords(text).forEach((part, index) => {
    const id = /^ID {2}- (.*)$/m.exec(part)?.[1]?.trim() || null;
    const label = id === null ? `RIS record no. ${index + 1}` : `RIS record “${id}”`;
    let parsed: unknown;
    try {
      parsed = plugins.input.data(`${part}\nER  - \n`, '@ris/file');
    } catch (error) {
      out.skipped.push({ label, reason: `it cannot be read: ${firstLine((error as Error).message)}` });
      return;
    }
    const found = Array.isArray(parsed) ? parsed.find(isRecord) : undefined;
    if (!found) {
      out.skipped.push({ label, reason: 'it holds no fields' });
      return;
    }
    const record = trimmedFields(found);
    accept(out, label, id, chain(record, '@ris/record'), { ris: record });
  });
  return out;
}

/**
 * The records of a RIS file, each from its TY line up to its ER line, or up to the next TY line
 * when its ER is missing: TY begins a record, so a lost ER never merges two works into one.
 * Blank lines at a record's end are dropped, since Citation.js reads a blank line as a space
 * continuing the field before it (a year "2000 " is no longer a date).
 */
function risRecords(text: string): string[] {
  const records: string[] = [];
  let current: string[] | null = null;
  const close = () => {
    if (current) records.push(current.join('\n').trimEnd());
    current = null;
  };
  for (const line of text.split('\n')) {
    if (/^TY {2}-/.test(line)) {
      close();
      current = [line];
    } else if (/^ER {2}-/.test(line)) close();
    else current?.push(line);
  }
  close();
  return records;
}

// Citation.js keeps the spaces around a RIS value; a year or a name with them is misread.
function trimmedFields(record: Record<string, unknown>): Record<string, unknown> {
  const trim = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : Array.isArray(value) ? value.map(trim) : value);
  return Object.fromEntries(Object.entries(record).map(([tag, value]) => [tag, trim(value)]));
}

function chain(input: unknown, type: string): unknown {
  try {
    const items = plugins.input.chain(input, { forceType: type, generateGraph: false });
    return Array.isArray(items) ? items[0] : items;
  } catch (error) {
    return new Error(firstLine((error as Error).message));
  }
}

function accept(out: Records, label: string, key: string | null, value: unknown, raw: Parameters<typeof normalizeReference>[1] = {}): void {
  if (value instanceof Error) {
    out.skipped.push({ label, reason: `it cannot be read: ${value.message}` });
    return;
  }
  const result = normalizeReference(value, raw);
  if ('reason' in result) out.skipped.push({ label, reason: result.reason });
  else out.records.push({ label, item: result.item, key });
}

/** The entries of a BibTeX file: each `@` that starts a line begins one. */
function bibtexChunks(text: string): { text: string; line: number }[] {
  const chunks: { text: string; line: number }[] = [];
  const lines = text.split('\n');
  let current: { text: string[]; line: number } | null = null;
  lines.forEach((line, i) => {
    if (/^\s*@/.test(line)) {
      if (current) chunks.push({ text: current.text.join('\n').trim(), line: current.line });
      current = { text: [line.trimStart()], line: i + 1 };
    } else if (current) current.text.push(line);
  });
  if (current) chunks.push({ text: (current as { text: string[] }).text.join('\n').trim(), line: (current as { line: number }).line });
  return chunks;
}

/**
 * Why an entry cannot be read, in words: Citation.js names its parser's tokens ("expected
 * "rbrace", got EOF at line 6 col 2:") and counts lines from the text it was given.
 */
function bibtexProblem(chunk: { text: string; line: number }, message: string, offset: number): string {
  let depth = 0;
  for (const c of chunk.text) {
    if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
  }
  if (depth > 0) return `a brace opened in the entry starting at line ${chunk.line} is never closed`;
  const at = /^expected .*? at line (\d+) col (\d+)/.exec(message);
  if (at) {
    return `at line ${Number(at[1]) + offset}, column ${at[2]}, something is missing or out of place (a comma between fields, or a closing brace or quotation mark)`;
  }
  return firstLine(message).replace(/:$/, '');
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
