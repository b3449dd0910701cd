/**
 * Test helpers for core/export: real corpus sources, highlights made with `createAnnotation`, and
 * ranges found by printed page or by words.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnnotation } from '../../../core/annotate/create.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import type { Source } from '../../../core/corpus/model.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { locate } from '../../../core/corpus/source-index.ts';

const corpus = fileURLToPath(new URL('../../../corpus/', import.meta.url));

/** The committed cleaned source `id`. */
export function corpusSource(id: string): Source {
  return parseSource(readFileSync(`${corpus}${id}.md`, 'utf8'));
}

/** The reading text of `source`. */
export function textOf(source: Source): string {
  return locate(source).reading.text;
}

/** The offset where the body text of printed page `label` begins (its milestone). */
export function pageStart(source: Source, label: string): number {
  const index = locate(source);
  const text = index.reading.text;
  for (let offset = 0; offset < text.length; offset += 1) {
    if (index.pageAt(offset) === label && text.charAt(offset).trim() !== '') return offset;
  }
  throw new Error(`page ${label} not found in ${source.id}`);
}

/** The offset of `words` in the reading text of `source` (the first occurrence). */
export function offsetOf(source: Source, words: string): number {
  const at = textOf(source).indexOf(words);
  if (at < 0) throw new Error(`“${words}” not found in ${source.id}`);
  return at;
}

let counter = 0;

/** An anchored highlight of `[start, end)` in `source`, created at `now`. */
export function highlight(
  source: Source,
  start: number,
  end: number,
  extra: { note?: string; tags?: string[]; now?: string } = {},
): Annotation {
  counter += 1;
  return createAnnotation({
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    sourceId: source.id,
    text: textOf(source),
    start,
    end,
    now: extra.now ?? `2025-03-01T09:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    ...(extra.note !== undefined ? { note: extra.note } : {}),
    ...(extra.tags !== undefined ? { tags: extra.tags } : {}),
  });
}
