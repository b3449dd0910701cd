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
