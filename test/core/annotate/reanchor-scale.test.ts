import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../core/annotate/create.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { reanchorAll } from '../../../core/annotate/reanchor.ts';

// A deterministic generator, so a slow or failing run can be repeated exactly.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = [
  ...new Set(
    ['004_b2516ecbae186d39.txt', '001_173910b34eca1096.txt']
      .map((name) => readFileSync(new URL(`../../../corpus/raw/${name}`, import.meta.url), 'utf8'))
      .join(' ')
      .split(/\s+/)
      .filter((word) => word.length > 0),
  ),
];

/** About `size` characters of corpus words in paragraphs, the shape of a long reading text. */
function longText(size: number, next: () => number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < size) {
    const words: string[] = [];
    const count = 60 + Math.floor(next() * 140);
    for (let i = 0; i < count; i++) {
      words.push(vocabulary[Math.floor(next() * vocabulary.length)] as string);
    }
    const paragraph = words.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

describe('reanchorAll on a long source', () => {
  it('re-anchors 10,000 annotations in a 1 MB text after edits, losing none', () => {
    const next = random(20260301);
    const text = longText(1_000_000, next);
    const annotations: Annotation[] = [];
    for (let i = 0; i < 10_000; i++) {
      const start = Math.floor(next() * (text.length - 200));
      annotations.push(
        createAnnotation({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          sourceId: 'long',
          text,
          start,
          end: start + 10 + Math.floor(next() * 140),
          now: '2026-03-01T10:00:00Z',
        }),
      );
    }
    // Edits from the end backwards so that earlier offsets stay valid while editing:
    // a word changed inside every 50th highlight, a paragraph dropped every 200 KB, and
    // a sentence inserted near the start, which shifts every later highlight.
    let edited = text;
    const reworded = annotations
      .filter((_, i) => i % 50 === 0)
      .sort((a, b) => b.position.start - a.position.start);
    let cutoff = Number.POSITIVE_INFINITY;
    for (const { position } of reworded) {
      const middle = Math.floor((position.start + position.end) / 2);
      if (position.end >= cutoff) continue;
      edited = edited.slice(0, middle) + 'X' + edited.slice(middle + 1);
      cutoff = position.start;
    }
    for (let at = 900_000; at > 0; at -= 200_000) {
      const start = edited.indexOf('\n\n', at) + 2;
      const end = edited.indexOf('\n\n', start) + 2;
      edited = edited.slice(0, start) + edited.slice(end);
    }
    edited = 'A sentence added by a later cleaning. ' + edited;

    const results = reanchorAll(edited, annotations);

    expect(results).toHaveLength(10_000);
    const counts = { anchored: 0, moved: 0, orphaned: 0 };
    for (const { annotation } of results) {
      counts[annotation.anchor] += 1;
      if (annotation.anchor === 'anchored') {
        const { start, end } = annotation.position;
        expect(edited.slice(start, end)).toBe(annotation.quote.exact);
      }
    }
    expect(counts.moved).toBeGreaterThan(100);
    expect(counts.orphaned).toBeGreaterThan(0);
    expect(counts.anchored).toBeGreaterThan(9_000);
  }, 120_000);
});
