/** The two documents of `bench:reader`: the longest cleaned source, and a 1 MB source made from it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Source } from '../../core/corpus/model.ts';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { readingText } from '../../core/corpus/reading-text.ts';

/** A document to open in the reader, with the size of its reading text. */
export interface BenchDocument {
  label: string;
  source: Source;
  /** Reading-text length in UTF-16 code units (what highlight offsets count). */
  chars: number;
  /** Reading-text size in UTF-8 bytes. */
  bytes: number;
}

/** One mebibyte: the "1 MB" of the issue, taken generously. */
export const ONE_MB = 2 ** 20;

/** The document record of `source`, measuring its reading text. */
export function benchDocument(label: string, source: Source): BenchDocument {
  const text = readingText(source).text;
  return { label, source, chars: text.length, bytes: new TextEncoder().encode(text).length };
}

/** The cleaned source of `corpusFolder` with the longest reading text. */
export function longestSource(corpusFolder: string): Source {
  const sources = readdirSync(corpusFolder)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => parseSource(readFileSync(join(corpusFolder, name), 'utf8')));
  const longest = sources
    .map((source) => ({ source, length: readingText(source).text.length }))
    .sort((a, b) => b.length - a.length)[0];
  if (!longest) throw new Error(`There is no cleaned source in ${corpusFolder} to benchmark.`);
  return longest.source;
}

/**
 * `base` with its body blocks repeated, renumbered `b1, b2, …`, until the reading text is at
 * least `minBytes` UTF-8 bytes. Notes stay once: repeated note references still point at them.
 */
export function inflatedSource(base: Source, minBytes: number): Source {
  if (base.blocks.length === 0) throw new Error(`Source ${base.id} has no body text to repeat.`);
  const encoder = new TextEncoder();
  const blocks: Source['blocks'] = [];
  let copies = 0;
  let inflated: Source = base;
  // One reading-text pass per copy: a handful of copies reach 1 MB, so this stays cheap.
  while (copies === 0 || encoder.encode(readingText(inflated).text).length < minBytes) {
    for (const block of base.blocks) blocks.push({ ...block, id: `b${blocks.length + 1}` });
    copies++;
    inflated = { ...base, id: `${base.id}-x${copies}`, blocks: [...blocks] };
  }
  return inflated;
}
