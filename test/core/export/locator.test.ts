import { describe, expect, it } from 'vitest';
import { locatorFor } from '../../../core/export/locator.ts';
import { corpusSource, highlight, offsetOf, pageStart, textOf } from './corpus-fixture.ts';

const edemskiy = corpusSource('edemskiy-2019');
const wikipedia = corpusSource('wikipedia-split');
const paraphrase = corpusSource('resexcellence-2021');

describe('locatorFor', () => {
  it('gives the printed page of a highlight within one page of edemskiy-2019', () => {
    const start = pageStart(edemskiy, '380') + 5;
    expect(locatorFor(edemskiy, highlight(edemskiy, start, start + 40))).toEqual({
      locator: '380',
      label: 'page',
    });
  });

  it('gives a shortened page range for a highlight across a page break', () => {
    const turn = pageStart(edemskiy, '386');
    expect(locatorFor(edemskiy, highlight(edemskiy, turn - 30, turn + 30))).toEqual({
      locator: '385–86',
      label: 'page',
    });
  });

  it('spans several pages with Chicago’s inclusive numbers', () => {
    const start = pageStart(edemskiy, '385') + 2;
    const end = pageStart(edemskiy, '387') + 10;
    expect(locatorFor(edemskiy, highlight(edemskiy, start, end))?.locator).toBe('385–87');
  });

  it('gives the section heading of an unpaginated source', () => {
    const heading = offsetOf(wikipedia, 'Origins');
    const start = heading + 'Origins'.length + 2;
    expect(textOf(wikipedia).slice(heading, start)).toBe('Origins\n\n');
    expect(locatorFor(wikipedia, highlight(wikipedia, start, start + 30))).toEqual({
      locator: 'Origins',
      label: 'under',
    });
  });

  it('gives no locator for the paraphrase, which has neither pages nor headings', () => {
    expect(locatorFor(paraphrase, highlight(paraphrase, 10, 60))).toBeNull();
  });

  it('gives no locator for an orphan, whose range no longer means anything', () => {
    const start = pageStart(edemskiy, '380');
    const orphan = { ...highlight(edemskiy, start, start + 10), anchor: 'orphaned' as const };
    expect(locatorFor(edemskiy, orphan)).toBeNull();
  });
});
