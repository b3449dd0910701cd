import { describe, expect, it } from 'vitest';
import { applyMetadataPatch, MetadataError } from '../../../core/corpus/metadata-patch.ts';

const item = { id: 'x', type: 'article-journal', title: 'Old', volume: '50', DOI: '10.1/a' };

describe('applyMetadataPatch', () => {
  it('sets, trims and removes fields, and parses authors and dates', () => {
    const next = applyMetadataPatch(item, { title: '  New  title ', volume: '', authors: ['Pilaca, Geri', 'Nako, Alban'], issued: '2021-07-08' });
    expect(next).toEqual({
      id: 'x',
      type: 'article-journal',
      title: 'New title',
      DOI: '10.1/a',
      author: [
        { family: 'Pilaca', given: 'Geri' },
        { family: 'Nako', given: 'Alban' },
      ],
      issued: { 'date-parts': [[2021, 7, 8]] },
    });
  });

  it('sets names in other roles as given, and removes a role given no one', () => {
    const translator = [{ family: 'Hoxha', given: 'Ndriçim' }];
    const next = applyMetadataPatch({ ...item, editor: [{ family: 'Doe', given: 'Jane' }] }, { names: { translator, editor: [] } });
    expect(next).toEqual({ ...item, translator });
  });

  it('keeps a DOI without its resolver prefix', () => {
    expect(applyMetadataPatch(item, { DOI: 'https://doi.org/10.2298/BALC1950375E' }).DOI).toBe('10.2298/BALC1950375E');
  });

  it.each([
    [{ title: ' ' }, 'title'],
    [{ DOI: 'not a doi' }, 'DOI'],
    [{ URL: 'javascript:alert(1)' }, 'URL'],
    [{ issued: 'last spring' }, 'issued'],
  ])('refuses %j with a message naming %s', (patch, field) => {
    expect(() => applyMetadataPatch(item, patch)).toThrow(MetadataError);
    try {
      applyMetadataPatch(item, patch);
    } catch (error) {
      expect((error as MetadataError).field).toBe(field);
    }
  });
});
