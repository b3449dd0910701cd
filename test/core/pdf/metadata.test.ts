import { describe, expect, it } from 'vitest';
import { pdfMetadata } from '../../../core/pdf/index.ts';

describe('what a PDF says about itself', () => {
  it('ignores titles and authors a program left behind', () => {
    for (const Title of ['Microsoft Word - hoxha_final.doc', 'untitled', 'chapter3.indd', '12345']) {
      expect(pdfMetadata({ info: { Title, Author: 'Administrator' }, xmp: {}, firstLines: [] })).toEqual({});
    }
  });

  it('prefers XMP to the information dictionary', () => {
    const found = pdfMetadata({ info: { Title: 'Old title', Author: 'Someone' }, xmp: { 'dc:title': 'The Break with Moscow', 'dc:creator': ['Ana Lalaj', 'Ben Smith'] }, firstLines: [] });
    expect(found).toEqual({ title: 'The Break with Moscow', author: [{ family: 'Lalaj', given: 'Ana' }, { family: 'Smith', given: 'Ben' }] });
  });

  it('finds a DOI, a valid ISSN and a journal line on the first pages', () => {
    const found = pdfMetadata({
      info: {},
      xmp: {},
      firstLines: ['Cold War History, Vol. 12, No. 3, August 2012, pp. 375–400', 'ISSN 1468-2745 (print)', 'https://doi.org/10.1080/14682745.2012.123456.'],
    });
    expect(found).toEqual({
      'container-title': 'Cold War History',
      volume: '12',
      issue: '3',
      issued: { 'date-parts': [[2012]] },
      page: '375–400',
      type: 'article-journal',
      DOI: '10.1080/14682745.2012.123456',
      ISSN: '1468-2745',
    });
  });

  it('leaves out the mark a running head sets between the journal and its volume', () => {
    for (const mark of ['·', '•', '|', '–', '/']) {
      const found = pdfMetadata({ info: {}, xmp: {}, firstLines: [`Journal of Balkan Cold War Studies ${mark} Vol. 12 (2021)`] });
      expect(found['container-title'], mark).toBe('Journal of Balkan Cold War Studies');
      expect(found.volume, mark).toBe('12');
    }
  });

  it('never reports an ISSN whose check digit is wrong', () => {
    expect(pdfMetadata({ info: {}, xmp: {}, firstLines: ['ISSN 1468-2746'] })).toEqual({});
  });
});
