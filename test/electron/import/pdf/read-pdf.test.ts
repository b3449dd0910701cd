import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../../../electron/services/import/pdf/read-pdf.ts';
import { article, labelled, longPdf, scanned, shortColumns, twoColumns } from '../../../support/pdf-fixtures.ts';
import { makeTempCorpus, type TempCorpus } from '../temp-corpus.ts';
import { bodyText } from './pdf-body.ts';

describe('reading a PDF in the extraction worker', () => {
  let temp: TempCorpus;
  beforeAll(() => {
    temp = makeTempCorpus();
  });
  afterAll(() => temp.remove());

  for (const fixture of [article, twoColumns, shortColumns, labelled, scanned]) {
    it(`gives ${fixture.name} its exact cleaned text and page milestones`, async () => {
      const file = temp.input(fixture.name, await fixture.bytes());
      const extraction = await readPdf(file);
      expect(bodyText(extraction.body)).toBe(fixture.body);
      expect(extraction.labelSource).toBe(fixture.labelSource);
      expect(extraction.textless).toEqual(fixture.textless);
    });
  }

  it('notes that pages are counted, not printed, when the PDF gives no page numbers', async () => {
    const extraction = await readPdf(temp.input('two.pdf', await twoColumns.bytes()));
    expect(extraction.caveats).toEqual([
      "The page numbers of this source are the PDF's own page count (1 to 1), not printed page numbers: the PDF gives none. Check the printed pages before citing.",
    ]);
    const printed = await readPdf(temp.input('article.pdf', await article.bytes()));
    expect(printed.caveats).toEqual([]);
  });

  it('reads what the PDF says about itself, but not a title a word processor left behind', async () => {
    const extraction = await readPdf(temp.input('article.pdf', await article.bytes()));
    expect(extraction.found).toEqual({ author: [{ family: 'Lalaj', given: 'Ana' }] });
  });

  it('reports every page of a 2,000-page PDF as it is read', async () => {
    const file = join(temp.root, 'in', 'long.pdf');
    writeFileSync(file, await longPdf(2000));
    const seen: number[] = [];
    const extraction = await readPdf(file, {
      onProgress: ({ done, total }) => {
        expect(total).toBe(2000);
        seen.push(done);
      },
    });
    expect(seen).toEqual(Array.from({ length: 2000 }, (_unused, i) => i + 1));
    expect(extraction.pages).toBe(2000);
    expect(extraction.body.blocks).toHaveLength(2000);
    expect(bodyText(extraction.body).split('\n\n').at(-1)).toBe('{{page:2000}}Page 2000 of the long document holds one short paragraph.');
  }, 180_000);

  it('stops reading when cancelled, with a typed error', async () => {
    const file = join(temp.root, 'in', 'long-cancel.pdf');
    writeFileSync(file, await longPdf(2000));
    const controller = new AbortController();
    let last = 0;
    const reading = readPdf(file, {
      signal: controller.signal,
      onProgress: ({ done }) => {
        last = done;
        if (done === 20) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'ImportError', code: 'cancelled', message: 'The import of “long-cancel.pdf” was cancelled; nothing was imported.' });
    expect(last).toBe(20);
  }, 180_000);
});
