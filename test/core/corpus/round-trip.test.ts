import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../core/corpus/model.ts';
import { normalizeSource } from '../../../core/corpus/normalize-source.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { serializeSource } from '../../../core/corpus/serialize-source.ts';
import { NUM_RUNS, PROPERTY_TIMEOUT, emphasisSourceArb, sourceArb } from './source-arbitraries.ts';

describe('serializeSource', () => {
  it('writes a file that parseSource reads back as the same Source, ids renumbered', () => {
    fc.assert(
      fc.property(sourceArb, (source) => {
        expect(parseSource(serializeSource(source))).toStrictEqual(normalizeSource(source));
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('keeps a source marker whose label holds a bracket inside a link (found by the property)', () => {
    const source = {
      id: 'test-source',
      meta: { csl: { id: 'test-source', type: 'article-journal', title: ' ' }, reliability: 'primary', cleaning: [] },
      blocks: [],
      notes: [
        {
          label: '_',
          blocks: [
            {
              type: 'paragraph',
              id: 'x',
              content: [
                { type: 'text', text: '*', href: 'https://x.org/a)b' },
                { type: 'marker', label: ']:  ' },
                { type: 'text', text: ' ', em: true, href: 'https://x.org/a)b' },
              ],
            },
          ],
        },
      ],
    } as unknown as Source;
    expect(parseSource(serializeSource(source))).toStrictEqual(normalizeSource(source));
  });

  it('writes the same text again for the Source it read back', () => {
    fc.assert(
      fc.property(sourceArb, (source) => {
        const text = serializeSource(source);
        expect(serializeSource(parseSource(text))).toBe(text);
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it('keeps every mix of emphasis, strength and links beside spaces, punctuation, letters', () => {
    fc.assert(
      fc.property(emphasisSourceArb, (source) => {
        expect(parseSource(serializeSource(source))).toStrictEqual(normalizeSource(source));
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT);
});
