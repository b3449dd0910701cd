import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCleanedFile } from '../../core/clean/build-source.ts';
import { cleaners } from '../../core/clean/index.ts';
import { parseRecipe } from '../../core/clean/recipe.ts';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { CorpusService } from '../../electron/services/corpus-service.ts';
import { CORPUS_DIR } from '../support/services.ts';

const body = (text: string) => text.slice(text.indexOf('\n---\n', 4));

describe('MetadataService', () => {
  let folder: string;
  let corpus: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-metadata-'));
    corpus = join(folder, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const read = (name: string) => readFileSync(join(corpus, name), 'utf8');

  it('writes the edit into the front matter and the recipe, never the body, and stays rebuildable', () => {
    const before = read('pilaca-nako-2021.md');
    new CorpusService(corpus).updateMetadata('pilaca-nako-2021', { page: '66–77', 'title-short': 'Splitting Apart', ISSN: undefined } as never);
    const after = read('pilaca-nako-2021.md');
    expect(body(after)).toBe(body(before));
    expect(parseSource(after).meta.csl.page).toBe('66–77');
    const recipe = parseRecipe(read('recipes/pilaca-nako-2021.yml'));
    expect(recipe.metadata.csl.page).toBe('66–77');
    expect(buildCleanedFile(readFileSync(join(corpus, 'raw', recipe.raw), 'utf8'), recipe, cleaners)).toBe(after);
  });

  it('removes a field everywhere, so a rebuild does not bring it back', () => {
    new CorpusService(corpus).updateMetadata('edemskiy-2019', { publisher: '' });
    const after = read('edemskiy-2019.md');
    expect(parseSource(after).meta.csl.publisher).toBeUndefined();
    const recipe = parseRecipe(read('recipes/edemskiy-2019.yml'));
    expect(buildCleanedFile(readFileSync(join(corpus, 'raw', recipe.raw), 'utf8'), recipe, cleaners)).toBe(after);
  });

  it('refuses bad metadata and an unknown source, changing nothing', () => {
    const before = read('edemskiy-2019.md');
    const service = new CorpusService(corpus);
    expect(() => service.updateMetadata('edemskiy-2019', { DOI: 'not a doi' })).toThrow(/is not a DOI/);
    expect(() => service.updateMetadata('edemskiy-2019', { title: '' })).toThrow(/cannot be empty/);
    expect(() => service.updateMetadata('../etc/passwd', { title: 'x' })).toThrow(/no source/);
    expect(() => service.updateMetadata('nobody-1900', { title: 'x' })).toThrow(/no source/);
    expect(read('edemskiy-2019.md')).toBe(before);
  });
});
