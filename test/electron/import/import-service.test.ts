import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../core/clean/recipe.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { CorpusService } from '../../../electron/services/corpus-service.ts';
import { ImportService } from '../../../electron/services/import/import-service.ts';
import { fingerprint, makeTempCorpus, type TempCorpus } from './temp-corpus.ts';

const now = () => new Date('2025-12-03T10:00:00Z');

describe('ImportService', () => {
  let temp: TempCorpus;
  let service: ImportService;
  beforeEach(() => {
    temp = makeTempCorpus();
    service = new ImportService(new CorpusService(temp.corpus), { now });
  });
  afterEach(() => temp.remove());

  function listed(): string[] {
    return new CorpusService(temp.corpus).list().map((source) => source.id);
  }

  it('imports plain text as a readable source listed in the corpus', () => {
    const prepared = service.prepare(temp.fixture('letter.txt'));
    expect(prepared).toMatchObject({ form: 'plain', blocks: 2, notes: 0, missing: ['title', 'reliability'] });
    const { id } = service.commit(prepared, {
      title: 'A Letter from Bucharest',
      authors: ['Hoxha, Enver'],
      issued: '1960',
      reliability: 'primary',
    });
    expect(id).toBe('hoxha-1960');
    const source = parseSource(readFileSync(join(temp.corpus, `${id}.md`), 'utf8'));
    expect(source.meta.csl).toMatchObject({ title: 'A Letter from Bucharest', type: 'document', author: [{ family: 'Hoxha', given: 'Enver' }] });
    expect(readingText(source).text).toContain('The Albanian delegation left early, and the Soviet side “regretted” the decision…');
    expect(readingText(source).text).toContain('It was, as one observer wrote, the beginning of a long and obvious estrangement.');
    expect(readFileSync(join(temp.corpus, 'raw', `${id}.txt`))).toEqual(readFileSync(prepared.file));
    expect(listed()).toContain(id);
  });

  it('imports Markdown with its front matter as metadata and a recipe the build can read', () => {
    const prepared = service.prepare(temp.fixture('notes.md'));
    expect(prepared).toMatchObject({ form: 'markdown', notes: 1, missing: ['reliability'], suggestedId: 'lalaj-2012' });
    expect(prepared.found).toMatchObject({ title: 'Notes on the Moscow Conference', URL: 'https://example.org/notes' });
    const { id } = service.commit(prepared, { title: prepared.found.title ?? '', reliability: 'secondary' });
    const source = parseSource(readFileSync(join(temp.corpus, `${id}.md`), 'utf8'));
    expect(source.meta.csl).toMatchObject({ id: 'lalaj-2012', issued: { 'date-parts': [[2012, 11, 5]] }, author: [{ family: 'Lalaj', given: 'Ana' }] });
    expect(source.notes).toHaveLength(1);
    expect(source.blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'quote', 'item', 'item']);
    const recipe = parseRecipe(readFileSync(join(temp.corpus, 'recipes', `${id}.yml`), 'utf8'));
    expect(recipe).toMatchObject({ raw: 'lalaj-2012.md', form: 'markdown', corrections: [] });
    expect(listed()).toContain(id);
  });

  it('imports a web page through Readability, keeping the article and its metadata', () => {
    const prepared = service.prepare(temp.fixture('article.html'));
    expect(prepared).toMatchObject({ form: 'html', suggestedId: 'mehilli-2017' });
    expect(prepared.found).toMatchObject({ title: 'The Break of 1961', 'container-title': 'History Review', language: 'en' });
    const { id } = service.commit(prepared, { title: 'The Break of 1961', reliability: 'secondary' });
    const source = parseSource(readFileSync(join(temp.corpus, `${id}.md`), 'utf8'));
    expect(source.meta.csl).toMatchObject({ type: 'webpage', accessed: { 'date-parts': [[2025, 12, 3]] } });
    const text = readingText(source).text;
    expect(text).toContain('We will eat grass if need be');
    expect(text).not.toContain('About');
    expect(text).not.toContain('© History Review');
    expect(source.blocks.some((block) => block.content.some((run) => run.type === 'text' && run.href === 'https://en.wikipedia.org/wiki/Nikita_Khrushchev'))).toBe(true);
    expect(listed()).toContain(id);
  });

  it('imports HTML with scripts without keeping any script, style or handler in any written file', () => {
    const before = new Set(Object.keys(fingerprint(temp.corpus)));
    const { id } = service.commit(service.prepare(temp.fixture('scripted.html')), {
      title: 'Scripted page',
      reliability: 'tertiary',
    });
    const written = Object.keys(fingerprint(temp.corpus)).filter((path) => !before.has(path));
    expect(written.sort()).toEqual([`${id}.md`, `raw/${id}.html`, `recipes/${id}.yml`].sort());
    for (const path of written) {
      const text = readFileSync(join(temp.corpus, path), 'utf8');
      expect(text).not.toMatch(/PAYLOAD|<script|onclick|onload|javascript:/i);
    }
    expect(readFileSync(join(temp.corpus, `${id}.md`), 'utf8')).toContain('Soviet ships left the base at Vlorë');
  });

  it('refuses a binary file and leaves the corpus unchanged', () => {
    const file = temp.input('scan.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff, 0x00]));
    const before = fingerprint(temp.corpus);
    expect(() => service.prepare(file)).toThrow('This file is not text: “scan.txt” holds binary data');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('refuses a file that is not UTF-8 and leaves the corpus unchanged', () => {
    const file = temp.input('latin1.txt', Buffer.from('Shqipëri dhe Tiranë', 'latin1'));
    const before = fingerprint(temp.corpus);
    expect(() => service.prepare(file)).toThrow('This file is not UTF-8 text: “latin1.txt” uses another character encoding');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('refuses an empty or whitespace-only file and leaves the corpus unchanged', () => {
    const before = fingerprint(temp.corpus);
    expect(() => service.prepare(temp.input('empty.txt', ''))).toThrow('This file is empty: “empty.txt” holds no text');
    expect(() => service.prepare(temp.input('blank.md', ' \n\t\n'))).toThrow('This file is empty: “blank.md”');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('refuses a file over the size limit, naming the limit, and leaves the corpus unchanged', () => {
    const file = temp.input('big.txt', 'word '.repeat(300));
    const small = new ImportService(new CorpusService(temp.corpus), { maxBytes: 1024 });
    const before = fingerprint(temp.corpus);
    expect(() => small.prepare(file)).toThrow('This file is larger than the 1 KB import limit: “big.txt” is 1 KB');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('names the default 10 MB limit', () => {
    const file = temp.input('huge.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
    const before = fingerprint(temp.corpus);
    expect(() => service.prepare(file)).toThrow('This file is larger than the 10 MB import limit');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('refuses a text too long to read without freezing the window, naming the 2 million limit', () => {
    // Under the file limit, but 2.4 million characters once cleaned.
    const paragraph = `${'The delegation left Moscow early. '.repeat(30).trim()}\n\n`;
    const file = temp.input('collected.txt', paragraph.repeat(Math.ceil(2_400_000 / paragraph.length)));
    const before = fingerprint(temp.corpus);
    expect(() => service.prepare(file)).toThrow(
      /^The text of “collected\.txt” is too long for one source: 2\.4 million characters once cleaned, over the limit of 2 million\. Split it into parts/,
    );
    expect(fingerprint(temp.corpus)).toEqual(before);
    const roomy = new ImportService(new CorpusService(temp.corpus), { maxTextChars: 3_000_000 });
    expect(roomy.prepare(file).blocks).toBeGreaterThan(2000);
  });

  it('says why a file cannot be read: there is none by that name, or it is a folder', async () => {
    const before = fingerprint(temp.corpus);
    const missing = join(temp.root, 'in', 'gone.md');
    await expect(service.prepareFile(missing)).rejects.toThrow(`The file “gone.md” cannot be read: there is no such file (was it moved, renamed or deleted?). (${missing})`);
    await expect(service.prepareFile(join(temp.root, 'in', 'gone.pdf'))).rejects.toThrow('The file “gone.pdf” cannot be read: there is no such file');
    for (const name of ['scans.pdf', 'notes.md']) {
      mkdirSync(join(temp.root, 'in', name));
      await expect(service.prepareFile(join(temp.root, 'in', name))).rejects.toThrow(`The file “${name}” cannot be read: it is a folder, not a file: choose a file inside it.`);
    }
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('refuses an unsupported file type and leaves the corpus unchanged', () => {
    const file = temp.input('thesis.docx', 'PK not really a document');
    const before = fingerprint(temp.corpus);
    expect(() => service.prepare(file)).toThrow('Apparatus cannot import “thesis.docx”: only plain text (.txt), Markdown (.md) and web pages');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('refuses a file in which no text is found and leaves the corpus unchanged', () => {
    const file = temp.input('shell.html', '<html><head><script>x()</script></head><body><div> </div></body></html>');
    const before = fingerprint(temp.corpus);
    expect(() => service.prepare(file)).toThrow('No text was found in “shell.html”');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('refuses to commit without a title and leaves the corpus unchanged', () => {
    const prepared = service.prepare(temp.fixture('letter.txt'));
    const before = fingerprint(temp.corpus);
    expect(() => service.commit(prepared, { title: '  ', reliability: 'primary' })).toThrow('The details for this source need fixing:\n- The title must not be empty');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('lists every problem with the metadata in words', () => {
    const prepared = service.prepare(temp.fixture('letter.txt'));
    const bad = { title: 'T', issued: 'last spring', url: 'ftp://x', reliability: 'gospel' } as never;
    expect(() => service.commit(prepared, bad)).toThrow(/year \(1961\)[\s\S]*http:\/\/ or https:\/\/[\s\S]*primary, secondary, tertiary, derivative/);
  });

  it('refuses an id that is already in the corpus and leaves the corpus unchanged', () => {
    const prepared = service.prepare(temp.fixture('letter.txt'));
    const before = fingerprint(temp.corpus);
    expect(() =>
      service.commit(prepared, { title: 'Letter', reliability: 'primary', id: 'resexcellence-2021' }),
    ).toThrow('The corpus already has a source with the id “resexcellence-2021”');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('makes a derived id unique instead of overwriting', () => {
    const metadata = { title: 'Letter', authors: ['Hoxha, Enver'], issued: '1960', reliability: 'primary' } as const;
    const first = service.commit(service.prepare(temp.fixture('letter.txt')), { ...metadata, authors: [...metadata.authors] });
    const second = service.commit(service.prepare(temp.fixture('letter.txt')), { ...metadata, authors: [...metadata.authors] });
    expect([first.id, second.id]).toEqual(['hoxha-1960', 'hoxha-1960-2']);
    expect(readdirSync(join(temp.corpus, 'raw')).sort()).toContain('hoxha-1960-2.txt');
  });

  it('writes nothing in prepare', () => {
    const before = fingerprint(temp.corpus);
    service.prepare(temp.fixture('article.html'));
    expect(fingerprint(temp.corpus)).toEqual(before);
  });
});
