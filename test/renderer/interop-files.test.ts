import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { openApp, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { unzipText } from '../core/export/unzip.ts';
import { buttonsNotSeen, buttonsOutOfView } from '../support/dialog-fit.ts';
import { closeAll, tempCorpus } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

const HYPOTHESIS = fileURLToPath(new URL('../fixtures/interop/hypothesis-export.json', import.meta.url));

// A record that fills the date and place of a source (matched by DOI) whose title it gives
// otherwise, a book the corpus lacks, and a record without a title.
const BIBTEX = `@article{pilaca,
  title = {Splitting Apart: Soviet-Albanian Relations},
  author = {Pilaca, Geri and Nako, Alban},
  journal = {Mediterranean Journal of Social Sciences},
  year = {2021}, month = jul,
  doi = {10.36941/mjss-2021-0028},
  address = {Rome}
}

@book{griffith1963,
  title = {Albania and the Sino-Soviet Rift},
  author = {Griffith, William E.},
  publisher = {MIT Press}, address = {Cambridge, MA},
  year = {1963}
}

@misc{untitled, author = {Nobody, A.}, year = 1960}
`;

describe('File ▸ Import References… and Import Annotations… in the browser', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let corpus: ReturnType<typeof tempCorpus>;
  const source = (id: string) => parseSource(readFileSync(join(corpus.folder, `${id}.md`), 'utf8'));

  beforeAll(async () => {
    corpus = tempCorpus('apparatus-interop-ui-');
    // The source lacks its date, so the library shows it undated and missing a detail.
    const file = join(corpus.folder, 'pilaca-nako-2021.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^issued: .*\n/m, ''));
    browser = await launchChromium();
    // Main sends an annotation import's progress to the window, as the app does.
    backend = openServices(corpus.folder, undefined, { onAnnotationImportProgress: (p) => void app.emit('annotations.importProgress', p) });
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    corpus.remove();
  });

  const byline = (id: string) => app.page.locator(`[data-source-id="${id}"] .source-byline`).textContent();

  it('shows what a BibTeX file would change, and fills the source’s details once confirmed from the keyboard', async () => {
    const { page } = app;
    expect(await byline('pilaca-nako-2021')).toBe('Geri Pilaca and Alban Nako, n.d.');
    const bib = join(corpus.folder, '..', 'references.bib');
    writeFileSync(bib, BIBTEX);

    // Escape leaves everything as it was.
    backend.filesToChoose.push(bib);
    await app.emit('menu.importReferences');
    await page.waitForSelector('.references-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.references-dialog').count()).toBe(0);
    expect(source('pilaca-nako-2021').meta.csl.issued).toBeUndefined();

    backend.filesToChoose.push(bib);
    await app.emit('menu.importReferences');
    const dialog = page.locator('.references-dialog');
    await dialog.waitFor();
    expect(backend.dialogsShown).toEqual(['references', 'references']);
    expect(await dialog.locator('.panel-intro').first().textContent()).toBe('references.bib (BibTeX): 3 records.');
    expect(await dialog.locator('.plan-sources h3').textContent()).toBe('Fills the details of 1 source');
    expect(await dialog.locator('.plan-sources .plan-line > span').textContent()).toBe('“Splitting Apart” ← BibTeX entry “pilaca” (line 1) (same DOI): adds Place of publication, Date');
    expect(await dialog.locator('.plan-sources .plan-kept li').allTextContents()).toEqual([
      'Keeps Title “Splitting Apart: How the Soviet-Albanian Relations Came to an End” (the file says “Splitting Apart: Soviet-Albanian Relations”)',
    ]);
    expect(await dialog.locator('.plan-added li').allTextContents()).toEqual(['Griffith, “Albania and the Sino-Soviet Rift” (1963) ← BibTeX entry “griffith1963” (line 10)']);
    expect(await dialog.locator('.plan-skipped li').allTextContents()).toEqual(['BibTeX entry “untitled” (line 17): it has no title']);
    expect(await buttonsOutOfView(page, '.references-dialog')).toEqual([]);
    expect(await buttonsNotSeen(dialog)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // The confirming button has the focus: Enter imports.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Import');
    await page.keyboard.press('Enter');

    await expect.poll(() => byline('pilaca-nako-2021')).toBe('Geri Pilaca and Alban Nako, 2021');
    expect(await page.locator('.references-dialog').count()).toBe(0);
    await expect.poll(() => page.locator('.toast').textContent()).toBe('Filled the details of 1 source and added 1 reference without text.');
    expect(source('pilaca-nako-2021').meta.csl).toMatchObject({ issued: { 'date-parts': [[2021, 7]] }, 'publisher-place': 'Rome', title: 'Splitting Apart: How the Soviet-Albanian Relations Came to an End' });
    const references = JSON.parse(readFileSync(join(corpus.folder, 'references.json'), 'utf8')) as { id: string; title: string }[];
    expect(references.map((item) => [item.id, item.title])).toEqual([['griffith1963', 'Albania and the Sino-Soviet Rift']]);
  });

  it('says there is nothing to change when the same file is imported again', async () => {
    const { page } = app;
    backend.filesToChoose.push(join(corpus.folder, '..', 'references.bib'));
    await app.emit('menu.importReferences');
    const dialog = page.locator('.references-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.dialog-buttons button').allTextContents()).toEqual(['Close']);
    expect(await dialog.textContent()).toContain('Nothing to change: the corpus already has everything the file gives.');
    // Every record is accounted for: the reference kept the first time is listed as matched.
    expect(await dialog.locator('.plan-known-references h3').textContent()).toBe('Already kept as references without text, with every detail the file gives (1 reference)');
    expect(await dialog.locator('.plan-known-references li').allTextContents()).toEqual(['Griffith, “Albania and the Sino-Soviet Rift” (1963) ← BibTeX entry “griffith1963” (line 10) (same title and year)']);
    await dialog.locator('button', { hasText: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('imports a Hypothesis export: where the annotations go, then what became of each, and lists them', async () => {
    const { page } = app;
    backend.filesToChoose.push(HYPOTHESIS);
    await app.emit('menu.importAnnotations');
    const dialog = page.locator('.annotations-import-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.panel-intro').textContent()).toBe('hypothesis-export.json, a Hypothesis export: 5 annotations on passages.');
    expect(await dialog.locator('.annotation-targets li').allTextContents()).toEqual(['2 annotations on “Soviet–Albanian split”', '3 annotations on “Additional Evidence”']);
    expect(await dialog.locator('.skipped-records li').count()).toBe(2);
    expect(await dialog.locator('input[value="address"]').isChecked()).toBe(true);
    expect(await dialog.locator('select').isDisabled()).toBe(true);
    expect(await buttonsOutOfView(page, '.annotations-import-dialog')).toEqual([]);
    expect(await buttonsNotSeen(dialog)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.locator('button', { hasText: 'Import' }).click();

    await expect.poll(() => dialog.locator('.import-counts').textContent()).toBe(
      'Imported 5: 3 anchored, 1 moved, 1 orphaned. New tags: Comintern, Halliday, Red Army, Moscow, forms of address.',
    );
    expect(await dialog.locator('.imported-annotations li').count()).toBe(5);
    expect(await dialog.locator('.imported-annotations li', { hasText: 'Orphaned' }).textContent()).toContain('The Soviet ambassador was recalled from Tirana in the spring of 1962');
    expect(await dialog.locator('.skipped-records li').first().textContent()).toBe(
      'Hypothesis annotation Tu2f3AnREe-4HZxMyNT3oz: it is a reply to another annotation, not a note on a passage',
    );
    expect(await buttonsOutOfView(page, '.annotations-import-dialog')).toEqual([]);
    expect(await buttonsNotSeen(dialog)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);

    // No source is open: the list shows the whole corpus's annotations, the orphan apart; the tags are there.
    await expect.poll(() => page.locator('[data-pane="annotations"] .annotation-list:not(.orphans) > li').count()).toBe(4);
    expect(await page.locator('[data-pane="annotations"] .annotation-list.orphans > li').count()).toBe(1);
    // The note's Markdown is shown rendered: the emphasis in italics, not between asterisks.
    expect(await page.locator('[data-pane="annotations"] .annotation-list').first().textContent()).toContain('Halliday on the founding of the party.');
    expect(await page.locator('[data-pane="annotations"] .annotation-list .annotation-note em').allTextContents()).toContain('founding');
    // A 900-pixel window shows one panel beside the text: the library while no source is open.
    await page.click('[data-action="toggle-side"]');
    await page.click('[data-side="tags"]');
    const tagNames = await page.locator('.tag-row .tag-name').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(tagNames.sort()).toEqual(['Comintern', 'Halliday', 'Moscow', 'Red Army', 'forms of address']);
    await page.click('[data-side="annotations"]');
    await page.click('[data-action="toggle-library"]');
  });

  it('says, when the same export is chosen again, that its annotations are already in the project', async () => {
    const { page } = app;
    backend.filesToChoose.push(HYPOTHESIS);
    await app.emit('menu.importAnnotations');
    const dialog = page.locator('.annotations-import-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.annotation-targets li').allTextContents()).toEqual([
      '2 annotations on “Soviet–Albanian split”, all already in the project',
      '3 annotations on “Additional Evidence”, all already in the project',
    ]);
    expect(await buttonsOutOfView(page, '.annotations-import-dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('puts every annotation on the source the user chooses', async () => {
    const { page } = app;
    const file = join(corpus.folder, '..', 'elsewhere.json');
    // Two of the export's annotations, saved from a copy of the article at another address, with notes of their own.
    const hypothesis = JSON.parse(readFileSync(HYPOTHESIS, 'utf8')) as { annotations: { uri: string; text: string; target: { source: string }[] }[] };
    hypothesis.annotations = hypothesis.annotations.slice(0, 2);
    for (const annotation of hypothesis.annotations) {
      annotation.uri = 'https://example.org/a-copy-of-the-article';
      annotation.text = `${annotation.text} (Read again in a copy.)`;
      for (const target of annotation.target) target.source = annotation.uri;
    }
    writeFileSync(file, JSON.stringify(hypothesis));
    backend.filesToChoose.push(file);
    await app.emit('menu.importAnnotations');
    const dialog = page.locator('.annotations-import-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.annotation-targets li').allTextContents()).toEqual(['2 annotations whose address names no source of the corpus']);
    expect(await dialog.locator('input[value="address"]').isDisabled()).toBe(true);
    expect(await dialog.locator('input[value="one"]').isChecked()).toBe(true);
    await dialog.locator('select').selectOption('wikipedia-split');
    await dialog.locator('button', { hasText: 'Import' }).click();
    await expect.poll(() => dialog.locator('.import-counts').textContent()).toBe('Imported 2: 2 anchored, 0 moved, 0 orphaned.');
    const lines = await dialog.locator('.imported-annotations li').allTextContents();
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.startsWith('Anchored') && line.endsWith('— Soviet–Albanian split'))).toBe(true);
    await dialog.locator('button', { hasText: 'Close' }).click();
  });

  it('exports a Word document with Zotero citation fields, and Obsidian notes into a folder the user chooses', async () => {
    const { page } = app;
    const dialog = page.locator('.import-dialog');
    const exportAs = async (format: string, options: { zotero?: boolean; replace?: boolean } = {}) => {
      await app.emit('menu.export');
      await dialog.waitFor();
      await dialog.locator('select').first().selectOption(format);
      const zotero = dialog.locator('label', { hasText: 'Zotero citation fields (Word)' });
      const replace = dialog.locator('label', { hasText: 'Replace notes already in the folder' });
      // Each format's own option shows with it alone.
      expect([await zotero.isVisible(), await replace.isVisible()]).toEqual([format === 'docx', format === 'obsidian']);
      if (options.zotero) await zotero.locator('input').check();
      if (options.replace) await replace.locator('input').check();
      expect(await buttonsOutOfView(page, '.import-dialog')).toEqual([]);
      await dialog.locator('button[type="submit"]').click();
      await expect.poll(() => dialog.count()).toBe(0);
    };

    const docx = join(corpus.folder, '..', 'with-fields.docx');
    backend.filesToSave.push(docx);
    await exportAs('docx', { zotero: true });
    await expect.poll(() => existsSync(docx)).toBe(true);
    const footnotes = unzipText(readFileSync(docx), 'word/footnotes.xml');
    expect(footnotes).toContain('ADDIN ZOTERO_ITEM CSL_CITATION {');
    expect(unzipText(readFileSync(docx), 'word/document.xml')).toContain('ADDIN ZOTERO_BIBL');

    const vault = join(corpus.folder, '..', 'vault');
    mkdirSync(vault);
    backend.foldersToChoose.push(vault);
    await exportAs('obsidian');
    await expect.poll(() => page.locator('.toast').textContent()).toBe(`Exported 7 highlights from 2 sources as 2 notes in the folder to ${vault}.`);
    expect(readdirSync(vault).sort()).toEqual(['edemskiy-2019.md', 'wikipedia-split.md']);
    expect(readFileSync(join(vault, 'wikipedia-split.md'), 'utf8')).toContain('#Halliday');

    // Notes already there are kept unless the user says to replace them.
    writeFileSync(join(vault, 'edemskiy-2019.md'), 'My own notes.');
    backend.foldersToChoose.push(vault);
    await exportAs('obsidian');
    await expect.poll(() => page.locator('.toast.error').textContent()).toContain(
      `${join(vault, 'wikipedia-split.md')} already exists; nothing was written. Export again with “Replace notes already in the folder” ticked, or choose another folder.`,
    );
    expect(readFileSync(join(vault, 'edemskiy-2019.md'), 'utf8')).toBe('My own notes.');
    backend.foldersToChoose.push(vault);
    await exportAs('obsidian', { replace: true });
    await expect.poll(() => readFileSync(join(vault, 'edemskiy-2019.md'), 'utf8')).toContain('Additional Evidence');
  });

  it('exports Word with Zotero fields from the keyboard alone: the format chosen with the arrows, the option ticked with Space, Enter on Export', async () => {
    const { page } = app;
    const dialog = page.locator('.import-dialog');
    const docx = join(corpus.folder, '..', 'from-the-keyboard.docx');
    backend.filesToSave.push(docx);
    await app.emit('menu.export');
    await dialog.waitFor();
    const format = dialog.locator('select').first();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    const values = await format.evaluate((select) => [...(select as HTMLSelectElement).options].map((option) => option.value));
    await page.keyboard.press('Home');
    for (let i = 0; i < values.indexOf('docx'); i += 1) await page.keyboard.press('ArrowDown');
    expect(await format.inputValue()).toBe('docx');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('label')?.textContent)).toContain('Zotero citation fields (Word)');
    await page.keyboard.press('Space');
    expect(await dialog.locator('label', { hasText: 'Zotero citation fields (Word)' }).locator('input').isChecked()).toBe(true);
    const submit = dialog.locator('button[type="submit"]');
    for (let i = 0; i < 10 && !(await submit.evaluate((button) => button === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export…');
    expect(await buttonsOutOfView(page, '.import-dialog')).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => existsSync(docx)).toBe(true);
    expect(unzipText(readFileSync(docx), 'word/footnotes.xml')).toContain('ADDIN ZOTERO_ITEM CSL_CITATION {');
  });

  // Last of the file's tests: the annotations it keeps would change the counts of the exports above.
  it('shows how far a long annotation import has come, and Escape stops it, keeping what was saved', async () => {
    const { page } = app;
    const file = join(corpus.folder, '..', 'long.json');
    const wiki = 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split';
    // Words the article never had: each is searched for at length before it is kept as an orphan.
    const annotations = Array.from({ length: 2000 }, (_, i) => ({ id: `L${i}`, uri: wiki, text: `long ${i}`, tags: [], target: [{ source: wiki, selector: [{ type: 'TextQuoteSelector', exact: `words this article never had, no. ${i}`, prefix: '', suffix: '' }] }] }));
    writeFileSync(file, JSON.stringify({ annotations }));
    const before = backend.services.annotations.list({}).length;
    backend.filesToChoose.push(file);
    await app.emit('menu.importAnnotations');
    const dialog = page.locator('.annotations-import-dialog');
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    const status = dialog.locator('.annotation-import-status');
    // The test shares its process with the import, which answers the page between its steps: polls wait longer.
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Imported \d+ of 2,000 annotations…Stop$/);
    // What the user sees while it runs, looked at in one go: the bar filling, Stop on screen and focused.
    const seen = await page.evaluate(() => {
      const bar = document.querySelector('.annotation-import-status progress') as HTMLProgressElement;
      const stop = [...document.querySelectorAll('.annotation-import-status button')].find((b) => b.textContent === 'Stop') as HTMLElement;
      const box = stop.getBoundingClientRect();
      const inView = box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
      const atItsCentre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === stop;
      return { filled: bar.value, inView, atItsCentre, focused: document.activeElement === stop };
    });
    expect(seen.filled).toBeGreaterThan(0);
    expect(seen).toMatchObject({ inView: true, atItsCentre: true, focused: true });
    await page.keyboard.press('Escape');

    await expect.poll(() => dialog.locator('.panel-alert').textContent(), { timeout: 10_000 }).toMatch(/^Stopped: [\d,]+ annotations of the file were not imported\./);
    const counts = (await dialog.locator('.import-counts').textContent()) ?? '';
    const imported = Number(/^Imported (\d+):/.exec(counts)?.[1]);
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(2000);
    expect(await dialog.locator('.panel-alert').textContent()).toContain(`Stopped: ${(2000 - imported).toLocaleString('en')} annotations of the file were not imported. The ${imported} annotations imported are kept`);
    expect(backend.services.annotations.list({}).length).toBe(before + imported);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('raised no error in the page', () => {
    expect(app.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});
