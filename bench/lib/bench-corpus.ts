/**
 * The benchmark corpus: the five cleaned sources repeated `scale` times. Copy 0 is the real text;
 * every later copy renames a deterministic quarter of its longer words with a copy-specific
 * ending, so the vocabulary grows with the corpus as it would with new sources.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Inline, Source } from '../../core/corpus/model.ts';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { serializeSource } from '../../core/corpus/serialize-source.ts';

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

/** Copy `copy` of a source, with id `<id>.c<copy>` and perturbed text (copy 0: the real text). */
export function sourceCopy(source: Source, copy: number): Source {
  const id = `${source.id}.c${copy}`;
  return {
    ...source,
    id,
    meta: { ...source.meta, csl: { ...source.meta.csl, id } },
    blocks: source.blocks.map((block) => perturbBlock(block, copy)),
    notes: source.notes.map((note) => ({ ...note, blocks: note.blocks.map((b) => perturbBlock(b, copy)) })),
  };
}

/** The cleaned files of a seed folder, hashed: a written benchmark corpus is reused while they are unchanged. */
export function seedHash(corpusFolder: string): string {
  const hash = createHash('sha256').update('bench-corpus-2');
  for (const name of readdirSync(corpusFolder).filter((n) => n.endsWith('.md') && n !== 'README.md').sort()) {
    hash.update(name).update(readFileSync(join(corpusFolder, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Writes copies `from` … `to - 1` of every seed source into `folder` as cleaned files. */
export function writeCopies(sources: readonly Source[], folder: string, from: number, to: number): void {
  mkdirSync(folder, { recursive: true });
  for (let copy = from; copy < to; copy += 1) {
    for (const source of sources) {
      const copied = sourceCopy(source, copy);
      writeFileSync(join(folder, `${copied.id}.md`), serializeSource(copied));
    }
  }
}
