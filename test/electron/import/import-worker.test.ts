import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../core/api.ts';
import { cleaners } from '../../../core/clean/cleaners.ts';
import { readHtmlStream } from '../../../core/clean/html-stream/html-stream.ts';
import { CorpusService } from '../../../electron/services/corpus-service.ts';
import { ImportService, type ImportStepProgress } from '../../../electron/services/import/import-service.ts';
import { ImportSessions } from '../../../electron/services/import-sessions.ts';
import { openServices } from '../../support/services.ts';
import { fingerprint, makeTempCorpus, type TempCorpus } from './temp-corpus.ts';

// The app's cleaning worker, held at each stage while a `.hold-<stage>` file lies beside the imported file.
const HELD_WORKER = fileURLToPath(new URL('../../support/held-clean-worker.ts', import.meta.url));

// Imports as the window makes them: the file read and cleaned in a worker thread, the preview
// saying what the user must know, the commit carrying the user's confirmation.
describe('imports from the window, cleaned in a worker thread', () => {
  let temp: TempCorpus;
  let files: string[];
  let progress: ImportProgress[];
  let sessions: ImportSessions;
  beforeEach(() => {
    temp = makeTempCorpus();
    files = [];
    progress = [];
    sessions = new ImportSessions(new ImportService(new CorpusService(temp.corpus)), async () => files.shift() ?? null, (p) => progress.push(p));
  });
  afterEach(() => temp.remove());
  const metadata = { title: 'Letter', reliability: 'primary' as const };

  it('previews a Windows-1252 file with the conversion to confirm, and converts it only with the confirmation', async () => {
    files.push(temp.input('letter.txt', Buffer.from([...Buffer.from('Tiran'), 0xeb, ...Buffer.from(': '), 0x93, ...Buffer.from('the letter'), 0x94, 0x0a])));
    const preview = await sessions.choose();
    expect(preview?.encoding).toEqual({ from: 'windows-1252', notice: 'This file is in Windows-1252; Apparatus will convert it to UTF-8.' });
    expect(progress.map((p) => p.stage)).toEqual(['reading', 'cleaning', 'cleaning']);
    const before = fingerprint(temp.corpus);
    expect(() => sessions.commit(preview!.token, metadata)).toThrow('“letter.txt” is in Windows-1252: confirm converting it to UTF-8 to import it. Nothing was imported.');
    expect(fingerprint(temp.corpus)).toEqual(before);
    const { id } = sessions.commit(preview!.token, metadata, { encoding: 'windows-1252' });
    expect(new CorpusService(temp.corpus).get(id).blocks[0]).toMatchObject({ content: [{ type: 'text', text: 'Tiranë: “the letter”' }] });
  }, 60_000);

  it('shows what was flattened among the notices of the preview', async () => {
    files.push(temp.input('deep.md', `# Deep\n\n${'>'.repeat(100)} Innermost words.\n`));
    const preview = await sessions.choose();
    expect(preview?.notices).toEqual([expect.stringMatching(/^Quotations or lists nested more than 60 levels deep in the file were flattened/)]);
    expect(preview?.encoding).toBeUndefined();
  }, 60_000);

  it('cancels a file being cleaned: the preview resolves to nothing', async () => {
    files.push(temp.input('page.html', `<html><body>${'<div><p>A paragraph of the page.</p></div>'.repeat(20_000)}</body></html>`));
    const choosing = sessions.choose();
    await new Promise((resolve) => setTimeout(resolve, 50));
    sessions.cancel();
    expect(await choosing).toBeNull();
  }, 60_000);

  it('refuses to add a file changed since it was read, rather than clean it again', async () => {
    const file = temp.fixture('letter.txt');
    files.push(file);
    const preview = await sessions.choose();
    writeFileSync(file, 'Another text altogether.\n');
    const before = fingerprint(temp.corpus);
    expect(() => sessions.commit(preview!.token, metadata)).toThrow('“letter.txt” changed after it was read; nothing was imported. Choose the file again.');
    expect(fingerprint(temp.corpus)).toEqual(before);
  }, 60_000);

  it('stops cleaning that outlasts its time budget, with a message saying what to do', async () => {
    const hurried = new ImportService(new CorpusService(temp.corpus), { cleanTimeMs: 0 });
    await expect(hurried.prepareFile(temp.fixture('article.html'))).rejects.toThrow(
      /^Cleaning “article\.html” took longer than 0 seconds, so Apparatus stopped it; nothing was imported\. .*save or copy only the article’s text, and import that\.$/,
    );
  }, 60_000);

  it('cleans each file once: commit writes what was prepared, without cleaning it again', () => {
    const markdown = cleaners.markdown!;
    let cleanings = 0;
    cleaners.markdown = (raw, options) => {
      cleanings += 1;
      return markdown(raw, options);
    };
    try {
      const service = new ImportService(new CorpusService(temp.corpus));
      const prepared = service.prepare(temp.fixture('notes.md'));
      const { id } = service.commit(prepared, { title: 'Notes', reliability: 'secondary' });
      expect(cleanings).toBe(1);
      expect(new CorpusService(temp.corpus).get(id).blocks).toHaveLength(prepared.blocks);
    } finally {
      cleaners.markdown = markdown;
    }
  });

  it('tells how far a long Markdown or plain text file’s cleaning has come, as it tells a web page’s', async () => {
    const markdown = `# Minutes\n\n${Array.from({ length: 3000 }, (_, i) => `## Part ${i}\n\nThe delegation *left* Moscow, “early”.\n\n- an item ${i}`).join('\n\n')}\n`;
    const text = Array.from({ length: 6000 }, (_, i) => `Paragraph ${i} of the minutes, hard\nwrapped over two lines.`).join('\n\n');
    const service = new ImportService(new CorpusService(temp.corpus));
    for (const [name, content] of [['minutes.md', markdown], ['minutes.txt', text]] as const) {
      const reported: ImportStepProgress[] = [];
      await service.prepareFile(temp.input(name, content), { onProgress: (progress) => reported.push(progress) });
      const fractions = reported.flatMap((progress) => (progress.fraction === undefined ? [] : [progress.fraction]));
      expect(fractions.length, name).toBeGreaterThan(10);
      expect(fractions.at(-1), name).toBe(1);
      expect([...fractions].sort((a, b) => a - b), name).toEqual(fractions);
      expect(reported.filter((progress) => progress.fraction !== undefined).every((progress) => progress.stage === 'cleaning'), name).toBe(true);
    }
  }, 60_000);

  it('writes a large page’s raw copy from the file’s own bytes, cut exactly where the stream cut its text', async () => {
    const paragraph = '<p onclick="steal()">Përmet, “the letter” 𝔘 — kept</p><!-- a comment --><script>PAYLOAD()</script><p>Tiranë</p>';
    // Over 256 KB: the page is read from its bytes in pieces, some ending inside a character.
    const html = `\uFEFF<html><head><title>Përmet</title><style>p{}</style></head><body>${paragraph.repeat(2500)}</body></html>`;
    expect(Buffer.byteLength(html)).toBeGreaterThan(256 * 1024);
    const service = new ImportService(new CorpusService(temp.corpus), { largePageChars: 1000 });
    const reported: ImportStepProgress[] = [];
    const prepared = await service.prepareFile(temp.input('large.html', html), { onProgress: (progress) => reported.push(progress) });
    expect(prepared.caveats).toEqual([]);
    // Reading, then cleaning as far as the stream has come, to the end: never back.
    expect(reported[0]).toEqual({ done: 0, total: 2, stage: 'reading' });
    const fractions = reported.flatMap((progress) => (progress.fraction === undefined ? [] : [progress.fraction]));
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.at(-1)).toBe(1);
    expect(reported.map((progress) => progress.done)).toEqual([...reported.map((progress) => progress.done)].sort((a, b) => a - b));
    const { id } = service.commit(prepared, metadata);
    const raw = readFileSync(join(temp.corpus, 'raw', `${id}.html`));
    expect(raw.equals(Buffer.from(readHtmlStream(html).sanitized, 'utf8'))).toBe(true);
    expect(raw.toString('utf8')).not.toMatch(/PAYLOAD|onclick|a comment|<style/);
    const text = new CorpusService(temp.corpus).get(id).blocks.map((block) => JSON.stringify(block.content)).join('');
    expect(text.match(/Përmet, “the letter” 𝔘 — kept/g)).toHaveLength(2500);
  }, 60_000);
});

describe('closing the project while a file is read for import', () => {
  it('stops the import at once: it resolves to nothing, its worker reports no more, and nothing is added', async () => {
    const temp = makeTempCorpus();
    const progress: ImportProgress[] = [];
    const backend = openServices(temp.corpus, undefined, { cleanWorkerFile: HELD_WORKER, onImportProgress: (p) => progress.push(p) });
    try {
      const file = temp.input('minutes.md', '# Minutes\n\nThe delegation left Moscow.\n');
      const hold = `${file}.hold-cleaning`;
      writeFileSync(hold, '');
      const before = fingerprint(temp.corpus);
      const reading = backend.services.imports.chooseDropped(backend.services.imports.acceptDropped(file));
      const start = Date.now();
      while (!progress.some((p) => p.stage === 'cleaning') && Date.now() - start < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(progress.some((p) => p.stage === 'cleaning')).toBe(true);
      await backend.close();
      // Held, the worker would answer only once the hold is lifted: the import must be over without it.
      const outcome = await Promise.race([reading, new Promise((resolve) => setTimeout(() => resolve('still running'), 5_000))]);
      expect(outcome).toBeNull();
      const reported = progress.length;
      rmSync(hold);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(progress).toHaveLength(reported);
      expect(existsSync(file)).toBe(true);
      expect(fingerprint(temp.corpus)).toEqual(before);
    } finally {
      await backend.dispose();
      temp.remove();
    }
  }, 60_000);
});
