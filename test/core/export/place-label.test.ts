import { describe, expect, it } from 'vitest';
import { placeLabel } from '../../../core/export/locator.ts';
import { corpusSource, offsetOf, pageStart, textOf } from './corpus-fixture.ts';

const edemskiy = corpusSource('edemskiy-2019');
const wikipedia = corpusSource('wikipedia-split');

describe('where a passage lies, as a list shows it', () => {
  it('gives the page of a passage in the body, and the pages of one across a page break', () => {
    const p380 = pageStart(edemskiy, '380');
    expect(placeLabel(edemskiy, p380 + 5, p380 + 50)).toBe('p. 380');
    const p386 = pageStart(edemskiy, '386');
    expect(placeLabel(edemskiy, p386 - 30, p386 + 30)).toBe('pp. 385–86');
  });

  it('names the note of a passage in the source’s own notes', () => {
    const at = offsetOf(edemskiy, 'L. A. Velichanskaia');
    expect(placeLabel(edemskiy, at, at + 19)).toBe('p. 382 n. 12');
  });

  it('gives nothing for an unpaginated source or a range outside the text', () => {
    expect(placeLabel(wikipedia, 10, 40)).toBeNull();
    expect(placeLabel(edemskiy, 0, textOf(edemskiy).length + 1)).toBeNull();
  });
});
