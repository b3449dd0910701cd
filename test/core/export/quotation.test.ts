import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../core/annotate/create.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { ExportError } from '../../../core/export/errors.ts';
import { quotationOf } from '../../../core/export/quotation.ts';

const TEXT = 'Before. Until June 1960, Moscow had not responded to the Albanian requests. After.';
const PASSAGE = 'Until June 1960, Moscow had not responded to the Albanian requests.';

function trimmed(text: string, words: string[]): Annotation {
  const start = text.indexOf(PASSAGE);
  const annotation = createAnnotation({ id: 'a', sourceId: 's', text, start, end: start + PASSAGE.length, now: '2026-01-01T00:00:00Z' });
  const omissions = words.map((w) => ({ start: PASSAGE.indexOf(w), end: PASSAGE.indexOf(w) + w.length }));
  return { ...annotation, omissions };
}

describe('quotationOf', () => {
  it('quotes a trimmed highlight from the reading text, each piece verbatim', () => {
    const quotation = quotationOf(TEXT, trimmed(TEXT, ['June ', ' to the Albanian requests']));
    expect(quotation.text).toBe('Until … 1960, Moscow had not responded ….');
    for (const piece of quotation.pieces) expect(TEXT.slice(piece.start, piece.end)).toBe(piece.text);
  });

  it('keeps the cuts of a highlight that moved when the words it kept are still there', () => {
    const annotation = trimmed(TEXT, ['June ']);
    const edited = `A new first sentence. ${TEXT}`;
    const shift = edited.length - TEXT.length;
    const moved: Annotation = {
      ...annotation,
      anchor: 'moved',
      position: { start: annotation.position.start + shift, end: annotation.position.end + shift + 1 },
    };
    const quotation = quotationOf(edited, moved);
    expect(quotation.text.startsWith('Until … 1960, Moscow')).toBe(true);
    for (const piece of quotation.pieces) expect(edited.slice(piece.start, piece.end)).toBe(piece.text);
  });

  it('quotes a moved highlight in full when words it kept have changed, rather than cut wrongly', () => {
    const annotation = trimmed(TEXT, ['June ']);
    const edited = TEXT.replace('Moscow', 'the Kremlin');
    const start = edited.indexOf('Until');
    const moved: Annotation = { ...annotation, anchor: 'moved', position: { start, end: edited.indexOf(' After') } };
    expect(quotationOf(edited, moved).text).toBe(edited.slice(start, edited.indexOf(' After')));
  });

  it('says when the wording it quotes is not the wording highlighted, and keeps the words highlighted', () => {
    const annotation = trimmed(TEXT, []);
    expect(quotationOf(TEXT, annotation)).toMatchObject({ changed: false, saved: PASSAGE });
    const edited = TEXT.replace('Moscow', 'the Kremlin');
    const start = edited.indexOf('Until');
    const moved: Annotation = { ...annotation, anchor: 'moved', position: { start, end: edited.indexOf(' After') } };
    expect(quotationOf(edited, moved)).toMatchObject({ changed: true, saved: PASSAGE, text: edited.slice(start, edited.indexOf(' After')) });
    const shifted = `New. ${TEXT}`;
    const anchored: Annotation = { ...annotation, position: { start: shifted.indexOf('Until'), end: shifted.indexOf('Until') + PASSAGE.length } };
    expect(quotationOf(shifted, anchored).changed).toBe(false);
  });

  it('quotes an orphan as saved, with its cuts', () => {
    const orphan: Annotation = { ...trimmed(TEXT, ['June ']), anchor: 'orphaned' };
    expect(quotationOf('Unrelated text.', orphan)).toMatchObject({ orphaned: true, text: 'Until … 1960, Moscow had not responded to the Albanian requests.' });
  });

  it('refuses cuts that do not fit the saved quote', () => {
    const bad = { ...trimmed(TEXT, []), omissions: [{ start: 3, end: 999 }] };
    expect(() => quotationOf(TEXT, bad)).toThrow(ExportError);
  });
});
