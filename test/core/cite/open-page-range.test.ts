import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import { formatPages } from '../../../core/cite/page-range.ts';
import { toPlainText } from '../../../core/cite/render.ts';
import { missingForChicago } from '../../../core/cite/requirements.ts';
import { writeBibtex } from '../../../core/export/bibtex.ts';
import { writeRis } from '../../../core/export/ris.ts';
import { corpusSource } from '../export/corpus-fixture.ts';

// Pilaca and Nako's article starts on p. 66; where it ends is not known.
const pilaca = corpusSource('pilaca-nako-2021').meta.csl;

describe('an article whose last page is unknown', () => {
  it('keeps its open range in the corpus metadata, which the metadata check accepts', () => {
    expect(pilaca.page).toBe('66-');
    expect(missingForChicago(pilaca)).toEqual([]);
  });

  it('prints “66–”, never a one-page article, in the bibliography and a note without locator', () => {
    expect(formatPages('66-')).toBe('66–');
    const doc = citeDocument([pilaca], [{ items: [{ id: pilaca.id }] }]);
    expect(toPlainText(doc.bibliography[0]!.rich)).toContain('Mediterranean Journal of Social Sciences 12, no. 4 (2021): 66–. https://doi.org/');
    expect(toPlainText(doc.notes[0]!.rich)).toContain('(2021): 66–, https://doi.org/');
  });

  it('gives the first page alone to RIS and an open range to BibTeX', () => {
    const ris = writeRis([pilaca]).split('\r\n');
    expect(ris).toContain('SP  - 66');
    expect(ris.some((line) => line.startsWith('EP  -'))).toBe(false);
    expect(writeBibtex([pilaca])).toContain('  pages = {66--},');
  });
});
