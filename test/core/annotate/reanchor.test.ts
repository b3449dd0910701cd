import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../core/annotate/create.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { reanchorAll } from '../../../core/annotate/reanchor.ts';
import { edemskiyText } from './fixture-text.ts';

const text = edemskiyText();
const paragraphs = text.split('\n\n');

const NOW = '2026-03-01T10:00:00.000Z';

function highlight(id: string, phrase: string, source = text): Annotation {
  const start = source.indexOf(phrase);
  if (start < 0 || source.indexOf(phrase, start + 1) >= 0) {
    throw new Error(`test setup: "${phrase}" must occur exactly once`);
  }
  return createAnnotation({
    id,
    sourceId: '004_b2516ecbae186d39',
    text: source,
    start,
    end: start + phrase.length,
    color: 'green',
    tags: ['t-albania'],
    note: 'See *Mëhilli* on this.',
    now: NOW,
  });
}

const ids = [
  '0b9c1a52-3f1e-4c55-9f0e-2d1a7b6c8e01',
  '0b9c1a52-3f1e-4c55-9f0e-2d1a7b6c8e02',
  '0b9c1a52-3f1e-4c55-9f0e-2d1a7b6c8e03',
] as const;

const shifted = highlight(ids[0], 'the Soviet leader Khrushchev criticized the Chinese leadership');
const reworded = highlight(
  ids[1],
  'Enver Hoxha and his entourage did not consider it possible to challenge the Soviets',
);
const deleted = highlight(ids[2], 'requesting 50 thousand tons of wheat to be shipped to Albania');

// The acceptance scenario: one edit per highlight, all in one new version of the text.
function editedText(): string {
  const edited = paragraphs.slice();
  edited[0] = (edited[0] as string).replace('consider it possible', 'consider it prudent');
  edited[2] = (edited[2] as string).replace(
    'And then, in Bucharest,',
    'The minutes of these encounters were published only in 1993. And then, in Bucharest,',
  );
  edited.splice(3, 1);
  return edited.join('\n\n');
}

describe('reanchorAll', () => {
  it('anchors a highlight at its new place after a sentence is inserted before it', () => {
    const edited = editedText();
    const [result] = reanchorAll(edited, [shifted]);
    const expectedStart = edited.indexOf(shifted.quote.exact);
    expect(result?.annotation.anchor).toBe('anchored');
    expect(result?.annotation.position).toEqual({
      start: expectedStart,
      end: expectedStart + shifted.quote.exact.length,
    });
    expect(result?.current).toBe(shifted.quote.exact);
  });

  it('marks a highlight whose words changed as moved, keeping what the user highlighted', () => {
    const edited = editedText();
    const [result] = reanchorAll(edited, [reworded]);
    expect(result?.annotation.anchor).toBe('moved');
    expect(result?.annotation.quote).toEqual(reworded.quote);
    expect(result?.current).toBe(
      'Enver Hoxha and his entourage did not consider it prudent to challenge the Soviets',
    );
    const { start, end } = result?.annotation.position ?? { start: -1, end: -1 };
    expect(edited.slice(start, end)).toBe(result?.current);
  });

  it('orphans a highlight whose paragraph was deleted, keeping its quote', () => {
    const [result] = reanchorAll(editedText(), [deleted]);
    expect(result?.annotation).toEqual({ ...deleted, anchor: 'orphaned' });
    expect(result?.current).toBeNull();
  });

  it('returns one result per annotation, in order, with notes, tags and dates untouched', () => {
    const results = reanchorAll(editedText(), [deleted, shifted, reworded]);
    expect(results.map((r) => r.annotation.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(results.map((r) => r.annotation.anchor)).toEqual(['orphaned', 'anchored', 'moved']);
    for (const { annotation } of results) {
      expect(annotation).toMatchObject({
        note: 'See *Mëhilli* on this.',
        tags: ['t-albania'],
        color: 'green',
        created: NOW,
        modified: NOW,
      });
    }
  });

  it('does not modify the annotations it is given', () => {
    const input = structuredClone([shifted, reworded, deleted]);
    reanchorAll(editedText(), input);
    expect(input).toEqual([shifted, reworded, deleted]);
  });

  it('refreshes the context of an anchored highlight from the current text', () => {
    const edited = editedText();
    const [result] = reanchorAll(edited, [shifted]);
    const { start, end } = result?.annotation.position ?? { start: 0, end: 0 };
    expect(result?.annotation.quote).toEqual({
      exact: shifted.quote.exact,
      prefix: edited.slice(start - 32, start),
      suffix: edited.slice(end, end + 32),
    });
  });

  it('gives the same answer when the same text is re-anchored again', () => {
    const edited = editedText();
    const once = reanchorAll(edited, [shifted, reworded, deleted]).map((r) => r.annotation);
    const twice = reanchorAll(edited, once).map((r) => r.annotation);
    expect(twice).toEqual(once);
  });

  it('anchors a moved highlight again when the original wording comes back', () => {
    const moved = reanchorAll(editedText(), [reworded]).map((r) => r.annotation);
    const [result] = reanchorAll(text, moved);
    expect(result?.annotation).toEqual(reworded);
  });

  it('keeps an unchanged text anchored exactly where it was', () => {
    const results = reanchorAll(text, [shifted, reworded, deleted]);
    expect(results.map((r) => r.annotation)).toEqual([shifted, reworded, deleted]);
    expect(results.map((r) => r.step)).toEqual(['position', 'position', 'position']);
  });
});
