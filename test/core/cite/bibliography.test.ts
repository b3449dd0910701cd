import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { bibliographyOf, run } from './golden.ts';

function book(id: string, title: string, family?: string): CslItem {
  return {
    id,
    type: 'book',
    title,
    ...(family ? { author: [{ family, given: 'A.' }] } : {}),
    publisher: 'Press',
    issued: { 'date-parts': [[2000]] },
  };
}

describe('bibliography order', () => {
  it('sorts by first author, and an anonymous work by its title without an initial article', () => {
    const items = [book('z', 'Last Things', 'Zogu'), book('q', 'The Albanian Question'), book('b', 'Bunkers', 'Ëmini')];
    const doc = citeDocument(items, run(['z'], ['q'], ['b']));
    expect(bibliographyOf(doc)).toEqual([
      '*The Albanian Question*. Press, 2000.',
      'Ëmini, A. *Bunkers*. Press, 2000.',
      'Zogu, A. *Last Things*. Press, 2000.',
    ]);
  });

  it('lists only cited sources, each once, whatever the order of the items', () => {
    const items = [book('never', 'Uncited', 'Adams'), book('z', 'Last Things', 'Zogu')];
    const doc = citeDocument(items, run(['z', '1'], ['z', '2']));
    expect(doc.bibliography.map((e) => e.id)).toEqual(['z']);
  });
});
