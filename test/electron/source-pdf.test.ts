import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRecipe } from '../../core/clean/recipe.ts';
import { CorpusService } from '../../electron/services/corpus-service.ts';
import { ImportService } from '../../electron/services/import/import-service.ts';
import { SourcePdfs } from '../../electron/services/source-pdf.ts';
import { article, labelled, scanned, type PdfFixture } from '../support/pdf-fixtures.ts';
import { makeTempCorpus, type TempCorpus } from './import/temp-corpus.ts';

describe('the PDF a source was imported from', () => {
  let temp: TempCorpus;
  let corpus: CorpusService;
  let importer: ImportService;
  let pdfs: SourcePdfs;
  beforeEach(() => {
    temp = makeTempCorpus();
    corpus = new CorpusService(temp.corpus);
    importer = new ImportService(corpus);
    pdfs = new SourcePdfs(corpus);
  });
  afterEach(() => temp.remove());

  const importPdf = async (fixture: PdfFixture, id: string) => {
    const file = temp.input(fixture.name, await fixture.bytes());
    importer.commit(await importer.prepareFile(file), { title: 'A PDF', reliability: 'secondary', id }, { textPagesOnly: true });
    return file;
  };

  it.each([
    [article, ['12', '13', '14']],
    [labelled, ['i', 'ii', '375', '376', '377']],
    [scanned, ['1', '2', '3']],
  ])('records the printed page of every page of $name in its recipe, and gives them with its bytes', async (fixture, labels) => {
    const file = await importPdf(fixture, 'source');
    const recipe = parseRecipe(readFileSync(join(temp.corpus, 'recipes', 'source.yml'), 'utf8'));
    expect(recipe.options).toEqual({ pageLabels: labels });
    expect(pdfs.info('source')).toEqual({ bytes: readFileSync(file).length, pageLabels: labels });
    expect(Buffer.from(await pdfs.data('source'))).toEqual(readFileSync(file));
  });

  it('writes the labels of a long PDF as one flowing list, not a line each', async () => {
    await importPdf(labelled, 'offprint');
    const text = readFileSync(join(temp.corpus, 'recipes', 'offprint.yml'), 'utf8');
    expect(text).toContain('options:\n  pageLabels: [ i, ii, "375", "376", "377" ]\n');
  });

  it('has none for a source not imported from a PDF, and says so when asked for its bytes', async () => {
    expect(pdfs.info('resexcellence-2021')).toBeNull();
    await expect(pdfs.data('resexcellence-2021')).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/was not imported from a PDF, so there is no page to show/) });
  });

  it('refuses an unknown source, and names a PDF missing from the corpus folder', async () => {
    expect(() => pdfs.info('no-such-source')).toThrow(expect.objectContaining({ code: 'not-found' }));
    await importPdf(article, 'lalaj');
    rmSync(join(temp.corpus, 'raw', 'lalaj.pdf'));
    expect(() => pdfs.info('lalaj')).toThrow('The PDF of “A PDF” is missing from the corpus folder: raw/lalaj.pdf is not there any more.');
  });

  it('gives no labels for a recipe that records none (an earlier import), so the page view infers them', async () => {
    await importPdf(article, 'lalaj');
    const recipeFile = join(temp.corpus, 'recipes', 'lalaj.yml');
    writeFileSync(recipeFile, readFileSync(recipeFile, 'utf8').replace(/options:\n {2}pageLabels: .*\n/u, ''));
    expect(pdfs.info('lalaj')?.pageLabels).toBeNull();
  });

  it('never reads outside raw/, whatever the recipe names', async () => {
    await importPdf(article, 'lalaj');
    const recipeFile = join(temp.corpus, 'recipes', 'lalaj.yml');
    writeFileSync(recipeFile, readFileSync(recipeFile, 'utf8').replace('raw: lalaj.pdf', 'raw: ..'));
    expect(pdfs.info('lalaj')).toBeNull();
  });
});
