/**
 * Annotations for the benchmark: 5,000 deterministic ones over the benchmark corpus, with quotes,
 * notes and tags made of everyday words, and the marker words the update measurements look for.
 */
import type { SearchAnnotationInput } from '../../electron/services/search/annotation-input.ts';

const WORDS = 'Soviet Albania grain delivery treaty naval base Vlora party congress delegation report archive letter meeting Moscow Tirana Beijing embassy secret'.split(' ');
const TAGS = Array.from({ length: 50 }, (_, i) => `theme ${i}`);

/** The number of annotations the updates are measured against. */
export const ANNOTATION_COUNT = 5000;

/** `count` annotations spread over `sourceIds`. */
export function benchAnnotations(sourceIds: readonly string[], count = ANNOTATION_COUNT): SearchAnnotationInput[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    sourceId: sourceIds[i % sourceIds.length] as string,
    quote: { exact: words(12) },
    note: words(8),
    tags: [TAGS[i % TAGS.length] as string],
  }));
}

/** A word found nowhere else, for the `n`-th update. */
export function markerWord(n: number): string {
  return `zqmarker${n.toString(36)}x`;
}
