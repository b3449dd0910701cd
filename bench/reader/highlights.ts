/** Deterministic highlights over a reading text, as many as a heavy user might make. */
import { COLORS } from '../../core/annotate/palette.ts';
import type { BenchHighlight } from './protocol.ts';
import { seededRandom } from './random.ts';

/** Longest highlight drawn, in characters: a few sentences, as users mark them. */
const MAX_LENGTH = 300;

/**
 * `count` highlights with ids `<prefix>1…`, each a non-empty range inside `[0, textLength)`,
 * lengths 5–300 characters, colours cycling through the palette; the same for the same seed.
 */
export function seededHighlights(count: number, textLength: number, seed: number, prefix = 'h'): BenchHighlight[] {
  const random = seededRandom(seed);
  const result: BenchHighlight[] = [];
  for (let i = 0; i < count; i++) {
    const length = Math.min(textLength - 1, 5 + Math.floor(random() * (MAX_LENGTH - 5)));
    const start = Math.floor(random() * (textLength - length));
    const color = COLORS[Math.floor(random() * COLORS.length)] as string;
    result.push({ id: `${prefix}${i + 1}`, start, end: start + length, color });
  }
  return result;
}
