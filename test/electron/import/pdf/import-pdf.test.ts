import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../core/api.ts';
import { createAnnotation } from '../../../../core/annotate/create.ts';
import { parseRecipe } from '../../../../core/clean/recipe.ts';
import { parseSource } from '../../../../core/corpus/parse-source.ts';
import { readingTextOf } from '../../../../core/corpus/reading-text.ts';
import { citeAnnotation } from '../../../../core/export/annotation-citation.ts';
import { CorpusService } from '../../../../electron/services/corpus-service.ts';
import { ImportService } from '../../../../electron/services/import/import-service.ts';
import { ImportSessions } from '../../../../electron/services/import-sessions.ts';
import { lines, makePdf } from '../../../support/make-pdf.ts';
import { article, labelled, longPdf, scanned } from '../../../support/pdf-fixtures.ts';
import { fingerprint, makeTempCorpus, type TempCorpus } from '../temp-corpus.ts';
import { fileBody } from './pdf-body.ts';

const ENCRYPTED = fileURLToPath(new URL('../../../fixtures/pdf/encrypted.pdf', import.meta.url));

describe('importing a PDF through ImportSessions', () => {
  let temp: TempCorpus;
  let chosen: string | null;
  let progress: ImportProgress[];
  let sessions: ImportSessions;
  beforeEach(() => {
    temp = makeTempCorpus();
    chosen = null;
    progress = [];
    sessions = new ImportSessions(new ImportService(new CorpusService(temp.corpus)), async () => chosen, (p) => progress.push(p));
  });
  afterEach(() => temp.remove());

  it('previews a PDF with its pages and suggested metadata, and keeps the PDF as the raw file', async () => {
    chosen = temp.input('lalaj.pdf', await article.bytes());
    const preview = await sessions.choose();
    expect(preview).toMatchObject({
      fileName: 'lalaj.pdf',
      form: 'pdf',
      blocks: 7,
      notes: 2,
      missing: ['title', 'reliability'],
      suggested: { title: '', authors: ['Lalaj, Ana'], id: 'lalaj' },
      pdf: { pages: 3, pageNumbers: 'printed-numbers', textless: [], notice: null, caveats: [] },
    });
    expect(progress).toEqual([1, 2, 3].map((done) => ({ done, total: 3 })));
    const { id } = sessions.commit(preview?.token as string, { title: 'Albania and Moscow', reliability: 'secondary' });
    expect(id).toBe('lalaj');
    expect(readFileSync(join(temp.corpus, 'raw', 'lalaj.pdf'))).toEqual(readFileSync(chosen));
    const text = readFileSync(join(temp.corpus, 'lalaj.md'), 'utf8');
    expect(fileBody(text)).toBe(article.body);
    const recipe = parseRecipe(readFileSync(join(temp.corpus, 'recipes', 'lalaj.yml'), 'utf8'));
    expect(recipe).toMatchObject({ raw: 'lalaj.pdf', form: 'pdf', metadata: { csl: { id: 'lalaj', title: 'Albania and Moscow', author: [{ family: 'Lalaj', given: 'Ana' }] } } });
  });

  it('cites a highlight on the third printed page with that page', async () => {
    chosen = temp.input('offprint.pdf', await labelled.bytes());
    const preview = await sessions.choose();
    const { id } = sessions.commit(preview?.token as string, { title: 'An Offprint', authors: ['Lalaj, Ana'], issued: '2019', reliability: 'secondary' });
    const source = parseSource(readFileSync(join(temp.corpus, `${id}.md`), 'utf8'));
    const text = readingTextOf(source.blocks, source.notes).text;
    const start = text.indexOf('third page');
    const annotation = createAnnotation({ id: crypto.randomUUID(), sourceId: id, text, start, end: start + 'third page'.length, now: new Date().toISOString() });
    expect(citeAnnotation(source, annotation).text).toBe('Ana Lalaj, “An Offprint,” 2019, p. 375.');
  });

  it('says how many pages have no text layer, refuses to import them silently, and imports the pages with text when asked', async () => {
    chosen = temp.input('scan.pdf', await scanned.bytes());
    const preview = await sessions.choose();
    expect(preview?.pdf).toEqual({
      pages: 3,
      pageNumbers: 'page-index',
      textless: [2],
      notice:
        '1 of its 3 pages (page 2) has no text layer: it is an image of the page, as a scanner makes them, and Apparatus cannot read their words. ' +
        'To import their text, add a text layer with OCR first, for example with the free program OCRmyPDF (`ocrmypdf --language eng input.pdf output.pdf`), and import the new file.',
      caveats: [
        "The page numbers of this source are the PDF's own page count (1 to 3), not printed page numbers: the PDF gives none. Check the printed pages before citing.",
      ],
    });
    const before = fingerprint(temp.corpus);
    const token = preview?.token as string;
    expect(() => sessions.commit(token, { title: 'A Scan', reliability: 'primary' })).toThrow(expect.objectContaining({ code: 'no-text-layer' }));
    expect(fingerprint(temp.corpus)).toEqual(before);
    const { id } = sessions.commit(token, { title: 'A Scan', reliability: 'primary' }, { textPagesOnly: true });
    const source = parseSource(readFileSync(join(temp.corpus, `${id}.md`), 'utf8'));
    expect(fileBody(readFileSync(join(temp.corpus, `${id}.md`), 'utf8'))).toBe(scanned.body);
    expect(source.meta.caveats).toEqual(preview?.pdf?.caveats);
  });

  it('refuses a PDF whose every page is a scan, saying how to add a text layer', async () => {
    const { makePdf } = await import('../../../support/make-pdf.ts');
    chosen = temp.input('all-scan.pdf', await makePdf([{ scan: true }, { scan: true }]));
    const before = fingerprint(temp.corpus);
    await expect(sessions.choose()).rejects.toMatchObject({
      code: 'no-text-layer',
      message: expect.stringMatching(/^“all-scan\.pdf”: None of its 2 pages has a text layer: they are images of the pages, .*`ocrmypdf --language eng input\.pdf output\.pdf`.* Nothing was imported\.$/),
    });
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('refuses to commit a PDF that changed after it was read', async () => {
    chosen = temp.input('changing.pdf', await article.bytes());
    const preview = await sessions.choose();
    writeFileSync(chosen, await labelled.bytes());
    const before = fingerprint(temp.corpus);
    expect(() => sessions.commit(preview?.token as string, { title: 'T', reliability: 'secondary' })).toThrow(
      '“changing.pdf” changed after it was read; nothing was imported. Choose the file again.',
    );
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('cancels a long PDF while it is read: the preview is null and the corpus unchanged', async () => {
    chosen = temp.input('long.pdf', await longPdf(2000));
    const before = fingerprint(temp.corpus);
    sessions = new ImportSessions(new ImportService(new CorpusService(temp.corpus)), async () => chosen, (p) => {
      progress.push(p);
      if (p.done === 50) sessions.cancel();
    });
    await expect(sessions.choose()).resolves.toBeNull();
    expect(progress.at(-1)).toEqual({ done: 50, total: 2000 });
    expect(fingerprint(temp.corpus)).toEqual(before);
  }, 120_000);
});

describe('what the user says in the import form wins over what the file suggests', () => {
  let temp: TempCorpus;
  let sessions: ImportSessions;
  let chosen: string | null;
  beforeEach(() => {
    temp = makeTempCorpus();
    chosen = null;
    sessions = new ImportSessions(new ImportService(new CorpusService(temp.corpus)), async () => chosen);
  });
  afterEach(() => temp.remove());

  const metadataOf = (id: string) => parseRecipe(readFileSync(join(temp.corpus, 'recipes', `${id}.yml`), 'utf8')).metadata.csl;

  it('leaves out a suggestion of a PDF’s first page that the user emptied, keeping those the user kept', async () => {
    chosen = temp.input('cwh.pdf', await makePdf([
      {
        texts: [
          { text: 'Cold War History, Vol. 12, No. 3, 2012, pp. 375–400', x: 50, y: 570, size: 8 },
          { text: 'ISSN 1468-2745 DOI: 10.1080/14682745.2012.650903', x: 50, y: 560, size: 8 },
          ...lines(50, 500, ['The split of 1961 was long in coming, and its roots lay in the', 'quarrels of the 1950s over the course of the economy.'], { indent: 12 }),
        ],
      },
    ]));
    const preview = await sessions.choose();
    expect(preview?.suggested).toMatchObject({ containerTitle: 'Cold War History', volume: '12', issue: '3', DOI: '10.1080/14682745.2012.650903', ISSN: '1468-2745' });
    const { id } = sessions.commit(preview?.token as string, {
      title: 'The Split',
      authors: [],
      issued: '2012',
      type: 'article-journal',
      containerTitle: 'Cold War History',
      url: '',
      reliability: 'secondary',
      id: '',
      volume: '12',
      issue: '',
      page: '375–400',
      DOI: '',
      ISSN: ' ',
    });
    const csl = metadataOf(id);
    expect(csl).toMatchObject({ 'container-title': 'Cold War History', volume: '12', page: '375–400' });
    expect(csl).not.toHaveProperty('DOI');
    expect(csl).not.toHaveProperty('ISSN');
    expect(csl).not.toHaveProperty('issue');
  });

  it('leaves out the authors and date of a web page that the user emptied', async () => {
    chosen = temp.fixture('article.html');
    const preview = await sessions.choose();
    expect(preview?.suggested).toMatchObject({ authors: ['Mëhilli, Elidor'], issued: '2017' });
    const { id } = sessions.commit(preview?.token as string, { title: 'The Break of 1961', authors: [''], issued: '', type: '', containerTitle: '', url: '', reliability: 'secondary', id: '' });
    const csl = metadataOf(id);
    expect(csl).not.toHaveProperty('author');
    expect(csl).not.toHaveProperty('issued');
    expect(csl).not.toHaveProperty('container-title');
    expect(csl.type).toBe('webpage');
  });

  it('keeps what the file states for a field the form did not show', async () => {
    chosen = temp.fixture('article.html');
    const preview = await sessions.choose();
    const { id } = sessions.commit(preview?.token as string, { title: 'The Break of 1961', reliability: 'secondary' });
    expect(metadataOf(id)).toMatchObject({ author: [{ family: 'Mëhilli', given: 'Elidor' }], issued: { 'date-parts': [[2017, 3, 1]] } });
  });
});

describe('a file dropped on the window', () => {
  let temp: TempCorpus;
  let sessions: ImportSessions;
  beforeEach(() => {
    temp = makeTempCorpus();
    sessions = new ImportSessions(new ImportService(new CorpusService(temp.corpus)), async () => null);
  });
  afterEach(() => temp.remove());

  it('is read from the token main gave for its path, once', async () => {
    const token = sessions.acceptDropped(temp.input('lalaj.pdf', await article.bytes()));
    const preview = await sessions.chooseDropped(token);
    expect(preview).toMatchObject({ fileName: 'lalaj.pdf', form: 'pdf', pdf: { pages: 3 } });
    await expect(sessions.chooseDropped(token)).rejects.toMatchObject({ code: 'not-found', message: 'The dropped file is no longer known. Please drop it again.' });
    expect(sessions.commit(preview?.token as string, { title: 'Albania and Moscow', reliability: 'secondary' })).toEqual({ id: 'lalaj' });
  });

  it('keeps the last twenty files dropped at once, forgetting older ones', async () => {
    const tokens = Array.from({ length: 21 }, (_unused, i) => sessions.acceptDropped(temp.input(`note-${i}.txt`, `Note ${i}, a short text.\n`)));
    await expect(sessions.chooseDropped(tokens[0] as string)).rejects.toMatchObject({ code: 'not-found' });
    await expect(sessions.chooseDropped(tokens[20] as string)).resolves.toMatchObject({ fileName: 'note-20.txt' });
  });

  it('gives the same clear refusal as a chosen file for one that cannot be imported', async () => {
    const token = sessions.acceptDropped(temp.input('picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])));
    await expect(sessions.chooseDropped(token)).rejects.toMatchObject({ code: 'unsupported-type', message: expect.stringMatching(/^Apparatus cannot import “picture\.png”/) });
  });
});

describe('PDFs that cannot be read', () => {
  let temp: TempCorpus;
  let service: ImportService;
  beforeEach(() => {
    temp = makeTempCorpus();
    service = new ImportService(new CorpusService(temp.corpus));
  });
  afterEach(() => temp.remove());

  const refuses = async (name: string, bytes: Uint8Array, code: string, message: RegExp) => {
    const before = fingerprint(temp.corpus);
    await expect(service.prepareFile(temp.input(name, bytes))).rejects.toMatchObject({ name: 'ImportError', code, message: expect.stringMatching(message) });
    expect(fingerprint(temp.corpus)).toEqual(before);
  };

  it('refuses an encrypted PDF with a message that says what to do', async () => {
    await refuses('letter.pdf', readFileSync(ENCRYPTED), 'encrypted', /^“letter\.pdf” is protected by a password, so Apparatus cannot read its text\. .*unprotected copy/);
  });

  it('refuses a truncated PDF', async () => {
    const bytes = await article.bytes();
    await refuses('cut.pdf', bytes.subarray(0, Math.floor(bytes.length * 0.6)), 'damaged', /^“cut\.pdf” is incomplete: the file stops before its end/);
  });

  it('refuses a damaged PDF', async () => {
    const bytes = Buffer.from(await article.bytes());
    const start = bytes.indexOf('stream') + 10;
    bytes.fill(0x41, start, bytes.length - 200);
    await refuses('damaged.pdf', bytes, 'damaged', /^“damaged\.pdf” is (damaged|incomplete)/);
  });

  it('refuses a file named .pdf that is not a PDF', async () => {
    await refuses('notes.pdf', new TextEncoder().encode('Just some notes, not a PDF.\n'), 'damaged', /^“notes\.pdf” is not a PDF, although its name ends in \.pdf/);
  });

  it('refuses a PDF over the size limit before reading it', async () => {
    service = new ImportService(new CorpusService(temp.corpus), { maxPdfBytes: 1000 });
    await refuses('big.pdf', await article.bytes(), 'too-large', /^This PDF is larger than the 1 KB import limit: “big\.pdf” is \d+ KB\./);
  });
});
