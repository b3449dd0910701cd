import { describe, expect, it } from 'vitest';
import { missingForChicago } from '../../../core/cite/requirements.ts';

describe('missingForChicago', () => {
  it('asks nothing more of a complete journal article', () => {
    expect(
      missingForChicago({ id: 'a', type: 'article-journal', title: 'T', author: [{ family: 'F' }], 'container-title': 'J', volume: '50', issued: { 'date-parts': [[2019]] } }),
    ).toEqual([]);
  });

  it('names what a journal article lacks', () => {
    expect(missingForChicago({ id: 'a', type: 'article-journal', title: 'T', author: [] })).toEqual(['author', 'container-title', 'issued', 'volume']);
  });

  it('accepts either of two alternatives', () => {
    expect(missingForChicago({ id: 'w', type: 'webpage', title: 'T', 'container-title': 'Site', accessed: { 'date-parts': [[2025, 12, 3]] }, URL: 'https://x' })).toEqual([]);
    expect(missingForChicago({ id: 'w', type: 'webpage', title: 'T', 'container-title': 'Site', URL: 'https://x' })).toEqual(['issued|accessed']);
  });

  it('treats blank text as missing and unknown types as needing a title', () => {
    expect(missingForChicago({ id: 'x', type: 'software', title: '  ' })).toEqual(['title']);
  });
});

describe('missingForChicago and page ranges', () => {
  const article = { id: 'a', type: 'article-journal', title: 'T', author: [{ family: 'F' }], 'container-title': 'J', volume: '12', issued: { 'date-parts': [[2021]] as [number][] } };

  it('asks for the range of a journal article or chapter that gives one page only', () => {
    expect(missingForChicago({ ...article, page: '66' })).toEqual(['page']);
    expect(missingForChicago({ ...article, type: 'chapter', publisher: 'P', page: 66 as never })).toEqual(['page']);
  });

  it('accepts a range, or an open one whose last page is unknown, and a magazine’s single page', () => {
    expect(missingForChicago({ ...article, page: '66-77' })).toEqual([]);
    expect(missingForChicago({ ...article, page: '66-' })).toEqual([]);
    expect(missingForChicago({ id: 'm', type: 'article-magazine', title: 'T', 'container-title': 'M', issued: { 'date-parts': [[2021]] }, page: '34' })).toEqual([]);
  });
});
