import anyAscii from 'any-ascii';
import type { CslItem } from '../../../core/corpus/model.ts';
import { SOURCE_ID_PATTERN } from '../../../core/corpus/front-matter-schema.ts';

// Words that say nothing about a title, skipped when an id is made from it.
const MINOR_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'and', 'to', 'for', 'at', 'by', 'from', 'with']);

/**
 * Lower-case ASCII letters and digits joined by "-", other scripts romanized: "Mëhilli" →
 * "mehilli", "Łukasz" → "lukasz", "Ходжа" → "khodzha", "毛泽东" → "maozedong". Stripping accents
 * alone left nothing of a name in Cyrillic, Greek or Chinese, and the id fell back to a bare year.
 */
function slug(text: string): string {
  return anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A readable id for a source: the first author's family name (or institution) and the year
 * ("edemskiy-2019"); without an author, the first three significant title words and the year;
 * failing all, `fallback` (the file name) or "source". Always matches the source-id pattern.
 */
export function deriveId(csl: Partial<CslItem>, fallback = ''): string {
  const author = csl.author?.[0];
  const name = slug(author?.family ?? author?.literal ?? '');
  const year = csl.issued?.['date-parts']?.[0]?.[0];
  const title = slug(csl.title ?? '')
    .split('-')
    .filter((word) => word !== '' && !MINOR_WORDS.has(word))
    .slice(0, 3)
    .join('-');
  const stem = name || title || slug(fallback) || 'source';
  const id = year === undefined ? stem : `${stem}-${year}`;
  return SOURCE_ID_PATTERN.test(id) ? id : 'source';
}
