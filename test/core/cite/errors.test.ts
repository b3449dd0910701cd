import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import type { Cluster } from '../../../core/cite/cite-document.ts';
import { CitationError } from '../../../core/cite/errors.ts';
import type { CitationErrorCode } from '../../../core/cite/errors.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { run, seedItems } from './golden.ts';

const items = seedItems();

function failure(items: CslItem[], clusters: Cluster[]): { code: CitationErrorCode; message: string } {
  try {
    citeDocument(items, clusters);
  } catch (error) {
    if (error instanceof CitationError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('citeDocument accepted the input');
}

describe('CitationError', () => {
  it('names an unknown id and the note that cites it', () => {
    expect(failure(items, run(['griffith1963'], ['nobody']))).toEqual({
      code: 'unknown-item',
      message: 'Note 2 cites “nobody”, which is not among the sources given.',
    });
  });

  it('refuses two items with one id', () => {
    expect(failure([...items, items[0]!], run(['griffith1963'])).code).toBe('duplicate-item');
  });

  it('refuses a type it cannot cite, naming the source and the type', () => {
    const item: CslItem = { id: 'film', type: 'motion_picture', title: 'Skanderbeg' };
    const { code, message } = failure([item], run(['film']));
    expect(code).toBe('unsupported-type');
    expect(message).toMatch(/“film” has the type “motion_picture”/);
  });

  it('refuses an item without a field its type needs', () => {
    const item: CslItem = { id: 'j', type: 'article-journal', title: 'No Journal' };
    expect(failure([item], run(['j']))).toEqual({
      code: 'missing-field',
      message: 'The source “j” (article-journal) has no “container-title”; Chicago cannot cite it without one.',
    });
  });

  it('refuses note numbers that do not rise, and an empty note', () => {
    const backwards: Cluster[] = [
      { noteIndex: 5, items: [{ id: 'griffith1963' }] },
      { items: [{ id: 'griffith1963' }] },
    ];
    expect(failure(items, backwards).message).toBe(
      'Note 2 comes after note 5: notes must be given in rising order, each number once.',
    );
    expect(failure(items, [{ items: [] }]).code).toBe('invalid-note');
  });

  it('refuses an edition other than 17 or 18', () => {
    expect(() => citeDocument(items, run(['griffith1963']), { edition: 16 as 17 })).toThrow(/edition 16/);
  });
});
