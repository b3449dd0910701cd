/**
 * The benchmark corpus: the five cleaned sources repeated `scale` times. Copy 0 is the real text;
 * every later copy renames a deterministic quarter of its longer words with a copy-specific
 * ending, so the vocabulary grows with the corpus as it would with new sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Inline, Source } from '../../core/corpus/model.ts';
import { parseSource } from '../../core/corpus/parse-source.ts';

/** The cleaned sources of `corpusFolder`, sorted by id. */
export function seedSources(corpusFolder: string): Source[] {
  return readdirSync(corpusFolder)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => parseSource(readFileSync(join(corpusFolder, name), 'utf8')));
}

/** A short letter sequence naming copy `copy` ("ba", "ca", … "bab" …). */
function copyMark(copy: number): string {
  let mark = '';
  for (let n = copy; n > 0; n = Math.floor(n / 20)) mark += 'bcdfghjklmnpqrstvwxz'[n % 20];
  return `${mark}a`;
}

/** FNV-1a of a string: a cheap, deterministic choice of which words to perturb. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `text` with a quarter of its words of five or more letters marked as belonging to `copy`. */
export function perturbText(text: string, copy: number): string {
  if (copy === 0) return text;
  const mark = copyMark(copy);
  return text.replace(/\p{L}{5,}/gu, (word) => (hash(word + mark) % 4 === 0 ? word + mark : word));
}

function perturbBlock(block: Block, copy: number): Block {
  const content: Inline[] = block.content.map((inline) =>
    inline.type === 'text' ? { ...inline, text: perturbText(inline.text, copy) } : inline,
  );
  return { ...block, content };
}

/** Copy `copy` of a source, with id `<id>~<copy>` and perturbed text (copy 0: the real text). */
export function sourceCopy(source: Source, copy: number): Source {
  const id = `${source.id}~${copy}`;
  return {
    ...source,
    id,
    meta: { ...source.meta, csl: { ...source.meta.csl, id } },
    blocks: source.blocks.map((block) => perturbBlock(block, copy)),
    notes: source.notes.map((note) => ({ ...note, blocks: note.blocks.map((b) => perturbBlock(b, copy)) })),
  };
}
