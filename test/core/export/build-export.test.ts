import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../core/cite/render.ts';
import { buildExport } from '../../../core/export/build-export.ts';
import { ExportError } from '../../../core/export/errors.ts';
import { ELLIPSIS } from '../../../core/export/quotation.ts';
import { highlight, textOf } from './corpus-fixture.ts';
import { across, cut, edemskiy, first, orphan, sampleExport, second, tags, third, wikipedia } from './sample-export.ts';

function refusal(fn: () => unknown): ExportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExportError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('buildExport', () => {
  it('numbers the notes in reading order so full, short and consecutive forms come out right', () => {
    const doc = sampleExport();
    expect(doc.entries.map((e) => e.annotation.id)).toEqual(
      [first, second, orphan, across, third].map((a) => a.id),
    );
    expect(doc.entries.map((e) => e.noteIndex)).toEqual([1, 2, 3, 4, 5]);
    const notes = doc.entries.map((e) => toPlainText(e.citation));
    expect(notes[0]).toBe(
      'Andrey Edemskiy, “Additional Evidence on the Final Break between Moscow and Tirana in ' +
        '1960–1961,” Balcanica 50 (2019): 380, https://doi.org/10.2298/BALC1950375E.',
    );
    expect(notes[1]).toBe('Edemskiy, “Additional Evidence,” 380.');
    expect(notes[2]).toBe('Edemskiy, “Additional Evidence.”');
    expect(notes[3]).toBe('Edemskiy, “Additional Evidence,” 385–86.');
    expect(notes[4]).toMatch(/^“Soviet–Albanian Split,” Wikipedia/);
  });

  it('reads in order: sources as first highlighted, each one’s passages in text order', () => {
    // Highlighted last, but earliest in the text of a source read first.
    const late = { ...highlight(edemskiy, 10, 40, { now: '2025-03-02T09:00:00.000Z' }) };
    const doc = buildExport({
      sources: [edemskiy, wikipedia],
      annotations: [third, late, across, first],
      tags,
      scope: { kind: 'all' },
      order: 'reading',
    });
    expect(doc.entries.map((e) => e.annotation.id)).toEqual([late, first, across, third].map((a) => a.id));
    const wikipediaFirst = buildExport({
      sources: [edemskiy, wikipedia],
      annotations: [{ ...third, created: '2025-01-01T00:00:00.000Z' }, first],
      tags,
      scope: { kind: 'all' },
      order: 'reading',
    });
    expect(wikipediaFirst.entries.map((e) => e.annotation.id)).toEqual([third.id, first.id]);
  });

  it('writes Ibid. for the cmos17-ibid style', () => {
    const notes = sampleExport('cmos17-ibid').entries.map((e) => toPlainText(e.citation));
    expect(notes[1]).toBe('Ibid.');
  });

  it('quotes every highlight verbatim from the reading text, piece by piece', () => {
    for (const entry of sampleExport().entries) {
      if (entry.quotation.orphaned) continue;
      const text = textOf(entry.annotation.sourceId === edemskiy.id ? edemskiy : wikipedia);
      for (const piece of entry.quotation.pieces) {
        expect(text.slice(piece.start, piece.end)).toBe(piece.text);
      }
      expect(entry.quotation.text).toBe(entry.quotation.pieces.map((p) => p.text).join(ELLIPSIS));
    }
  });

  it('puts an ellipsis where the historian cut words out', () => {
    const entry = sampleExport().entries.find((e) => e.annotation.id === across.id)!;
    expect(entry.quotation.pieces).toHaveLength(2);
    expect(entry.quotation.text).toContain(' … ');
    expect(entry.quotation.text).not.toContain(textOf(edemskiy).slice(cut.start, cut.end).trim());
  });

  it('exports an orphan with its saved quote, marked, and without a locator', () => {
    const entry = sampleExport().entries.find((e) => e.annotation.id === orphan.id)!;
    expect(entry.quotation).toMatchObject({ orphaned: true, text: 'words the source no longer has' });
    expect(entry.locator).toBeNull();
  });

  it('gives each entry its tag names, note and a full citation for standalone use', () => {
    const entry = sampleExport().entries[1]!;
    expect(entry.tags).toEqual(['Tirana <& co>']);
    expect(toPlainText(entry.fullCitation)).toMatch(/^Andrey Edemskiy, “Additional Evidence on/);
    expect(sampleExport().entries[4]!.locator).toEqual({ locator: 'Origins', label: 'under' });
  });

  it('lists each cited source at most once in the bibliography', () => {
    const ids = sampleExport().bibliography.map((b) => b.id);
    expect(ids).toContain('edemskiy-2019');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id === edemskiy.id || id === wikipedia.id)).toBe(true);
  });

  it('groups by tag, untagged last, and by source', () => {
    const base = { sources: [edemskiy, wikipedia], annotations: [first, second, third], tags };
    const byTag = buildExport({ ...base, scope: { kind: 'all' }, order: 'tag' });
    expect(byTag.groups.map((g) => g.heading)).toEqual(['Moscow', 'Tirana <& co>', 'Untagged']);
    const bySource = buildExport({ ...base, scope: { kind: 'all' }, order: 'source' });
    expect(bySource.groups.map((g) => g.entries.length)).toEqual([2, 1]);
    expect(bySource.groups[0]!.heading).toMatch(/^Additional Evidence/);
  });

  it('selects by source and by tag, including the tags below it', () => {
    const child = { id: 't-child', name: 'Kremlin', color: 'green' as const, parent: 't-moscow' };
    const tagged = { ...third, tags: ['t-child'] };
    const base = { sources: [edemskiy, wikipedia], tags: [...tags, child], order: 'reading' as const };
    const bySource = buildExport({ ...base, annotations: [first, third], scope: { kind: 'source', sourceId: 'wikipedia-split' } });
    expect(bySource.entries.map((e) => e.annotation.id)).toEqual([third.id]);
    const byTag = buildExport({ ...base, annotations: [first, second, tagged], scope: { kind: 'tag', tag: 'moscow' } });
    expect(byTag.entries.map((e) => e.annotation.id)).toEqual([first.id, tagged.id]);
  });

  it('refuses an unknown tag, an unknown source, an empty scope and a bad cut, in plain words', () => {
    const base = { sources: [edemskiy], annotations: [first], tags, order: 'reading' as const };
    expect(refusal(() => buildExport({ ...base, scope: { kind: 'tag', tag: 'nope' } })).code).toBe('unknown-tag');
    expect(refusal(() => buildExport({ ...base, scope: { kind: 'source', sourceId: 'x' } })).message).toBe(
      'There is no source “x” in the corpus.',
    );
    expect(refusal(() => buildExport({ ...base, annotations: [], scope: { kind: 'all' } })).code).toBe('nothing-to-export');
    const bad = { ...first, omissions: [{ start: 5, end: first.quote.exact.length + 2 }] };
    expect(refusal(() => buildExport({ ...base, annotations: [bad], scope: { kind: 'all' } })).code).toBe('invalid-omission');
  });

  it('re-anchors a highlight whose saved position went stale before quoting it', () => {
    const stale = { ...first, position: { start: first.position.start + 7, end: first.position.end + 7 } };
    const doc = buildExport({ sources: [edemskiy], annotations: [stale], tags, scope: { kind: 'all' }, order: 'reading' });
    expect(doc.entries[0]!.quotation.text).toBe(first.quote.exact.trim());
  });
});
