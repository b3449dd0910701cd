import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { buttonsNotSeen } from '../support/dialog-fit.ts';
import { contentOf, folderState } from '../support/folder-state.ts';
import { inkOnPage, within } from '../support/page-canvas.ts';
import { lines, makePdf } from '../support/make-pdf.ts';
import { article, scanned } from '../support/pdf-fixtures.ts';
import { selectWithMouse } from '../support/select.ts';
import { closeAll } from '../support/reading.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

describe('a PDF in File ▸ Import Source…, and its page beside the text', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let folder: string;
  let corpus: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-pdf-ui-'));
    corpus = join(folder, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    writeFileSync(join(folder, 'lalaj.pdf'), await article.bytes());
    writeFileSync(join(folder, 'scan.pdf'), await scanned.bytes());
    browser = await launchChromium();
    backend = openServices(corpus);
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 1400, 900);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const field = (label: string) => app.page.locator(`.import-dialog label:has-text("${label}") :is(input, select, textarea)`).first();

  it('imports a PDF, cites a highlight on its third printed page with that page, and shows that page', async () => {
    const { page } = app;
    backend.filesToChoose.push(join(folder, 'lalaj.pdf'));
    await app.emit('menu.import');
    await page.waitForSelector('.import-dialog');
    expect(await page.locator('.import-dialog .import-summary').allTextContents()).toEqual([
      'lalaj.pdf: 7 paragraphs and headings, 2 notes, read as pdf.',
      '3 pages. Page numbers: read from the numbers printed at the head or foot of its pages.',
    ]);
    expect(await field('Authors').inputValue()).toBe('Lalaj, Ana');
    await field('Title').fill('Albania and Moscow');
    await field('Date').fill('2012');
    await field('Type').selectOption('article-journal');
    await field('Published in').fill('Cold War History');
    await field('Volume').fill('12');
    await field('Issue').fill('3');
    await field('Pages').fill('12–14');
    await field('Id in the corpus').fill('lalaj');
    await page.click('.import-dialog button[type="submit"]');
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe('Albania and Moscow');
    expect(readFileSync(join(corpus, 'raw', 'lalaj.pdf'))).toEqual(readFileSync(join(folder, 'lalaj.pdf')));

    // A passage on the third printed page, 14, which the running head of that page prints.
    await selectWithMouse(page, 'claim to self-determination');
    await page.waitForSelector('.selection-toolbar:not([hidden])');
    await page.keyboard.press('h');
    await page.waitForSelector('.annotation-editor');
    await page.click('.annotation-editor button:has-text("Copy citation")');
    await expect.poll(() => backend.clipboard.length).toBe(1);
    expect(backend.clipboard[0]!.text).toBe('Ana Lalaj, “Albania and Moscow,” Cold War History 12, no. 3 (2012): 14.');

    await page.click('[data-action="page-view"]');
    await page.waitForSelector('.page-pane:not([hidden]) .page-mark');
    expect(await page.locator('[data-action="page-view"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.page-heading').textContent()).toBe('Page 14');
    expect(await page.locator('.page-where').textContent()).toBe('PDF page 3 of 3');
    expect(await page.locator('.page-note').textContent()).toBe('The highlighted passage is marked on the page.');
    // Its page numbers are printed ones: no note says otherwise.
    expect(await page.locator('.page-counted').isHidden()).toBe(true);
    // The page is drawn, and the marked box stands on its printed words.
    const canvas = (await page.locator('.page-canvas').boundingBox())!;
    expect(canvas.width).toBeGreaterThan(300);
    expect(await inkOnPage(page)).toBeGreaterThan(0.002);
    const marks = await page.locator('.page-mark').evaluateAll((boxes) => boxes.map((box) => box.getBoundingClientRect().toJSON() as DOMRect));
    expect(marks).toHaveLength(2);
    for (const mark of marks) {
      const box = { x: mark.x, y: mark.y, width: mark.width, height: mark.height };
      expect(within(box, canvas)).toBe(true);
      expect(await inkOnPage(page, box)).toBeGreaterThan(0.05);
    }
    // The words under the first box, as the page's text layer gives them.
    const under = await page.evaluate(({ x, y, width, height }) => {
      const spans = Array.from(document.querySelectorAll<HTMLElement>('.page-pane .textLayer span'));
      return spans.filter((span) => {
        const r = span.getBoundingClientRect();
        return r.top < y + height && r.bottom > y && r.left < x + width && r.right > x;
      }).map((span) => span.textContent).join('|');
    }, marks[0]!);
    expect(under).toContain('claim to self-');
  });

  it('marks a passage that runs on to the next page on both pages, each its part', async () => {
    const { page } = app;
    await selectWithMouse(page, 'its argument continues');
    await page.waitForSelector('.selection-toolbar:not([hidden])');
    await page.keyboard.press('h');
    await expect.poll(() => page.locator('.annotation-editor .editor-quote').textContent()).toContain('its argument continues');
    await expect.poll(() => page.locator('.page-heading').textContent()).toBe('Page 12');
    await page.waitForSelector('.page-mark');
    const markedOn = () =>
      page.evaluate(() => {
        const marks = Array.from(document.querySelectorAll('.page-mark')).map((mark) => mark.getBoundingClientRect());
        return Array.from(document.querySelectorAll<HTMLElement>('.page-pane .textLayer span'))
          .filter((span) => {
            const r = span.getBoundingClientRect();
            return marks.some((m) => r.top < m.bottom && r.bottom > m.top && r.left < m.right && r.right > m.left);
          })
          .map((span) => span.textContent)
          .join('|');
      });
    expect(await markedOn()).toContain('its argu-');
    await page.click('.page-pane button[aria-label="Next page"]');
    await expect.poll(() => page.locator('.page-heading').textContent()).toBe('Page 13');
    // The next page's text layer is drawn after its mark: wait for the words, not the first frame.
    await expect.poll(markedOn).toMatch(/^ment continues/);
  });

  it('says how many pages of a scan have no text, refuses to import it silently, and imports the pages with text when asked', async () => {
    const { page } = app;
    backend.filesToChoose.push(join(folder, 'scan.pdf'));
    await app.emit('menu.import');
    await page.waitForSelector('.import-dialog');
    expect(await page.locator('.import-dialog .import-notice').textContent()).toMatch(/^1 of its 3 pages \(page 2\) has no text layer: .*ocrmypdf/);
    expect(await page.locator('.import-dialog .import-caveat').textContent()).toMatch(/not printed page numbers/);
    await field('Title').fill('A Scanned Letter');
    await field('Id in the corpus').fill('scan');
    const before = contentOf(folderState(corpus));
    await page.click('.import-dialog button[type="submit"]');
    await expect.poll(() => page.locator('.import-dialog .form-error').textContent()).toMatch(/You can also import only the pages that have text.*nothing was imported yet/);
    expect(contentOf(folderState(corpus))).toEqual(before);
    await page.check('.import-dialog .form-check input');
    expect(await page.locator('.import-dialog .form-check').textContent()).toBe('Import the 2 pages that have text; the 1 page without text is marked as a gap in the text.');
    await page.click('.import-dialog button[type="submit"]');
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe('A Scanned Letter');
    // The page without text is shown as scanned: an image, drawn.
    if (await page.locator('.page-pane').isHidden()) await page.click('[data-action="page-view"]');
    await page.waitForSelector('.page-pane:not([hidden]) .page-sheet:not([hidden])');
    const previous = page.locator('.page-pane button[aria-label="Previous page"]');
    while (await previous.isEnabled()) await previous.click();
    await expect.poll(() => page.locator('.page-heading').textContent()).toBe('Page 1');
    // The PDF prints no page numbers: the page view says its pages are counted.
    expect(await page.locator('.page-counted').textContent()).toBe('Not a printed page number: the PDF prints none, so its pages are counted from 1.');
    expect(await page.locator('.page-counted').isVisible()).toBe(true);
    await page.click('.page-pane button[aria-label="Next page"]');
    await expect.poll(() => page.locator('.page-heading').textContent()).toBe('Page 2');
    await expect.poll(() => inkOnPage(page)).toBeGreaterThan(0.9);
  });

  it('fills the form with what the PDF states (its properties, the journal line and DOI of its first page) for the user to confirm', async () => {
    const { page } = app;
    const file = join(folder, 'cwh.pdf');
    writeFileSync(
      file,
      await makePdf(
        [
          {
            texts: [
              { text: 'Cold War History, Vol. 12, No. 3, 2012, pp. 375–400', x: 50, y: 570, size: 8 },
              { text: 'ISSN 1468-2745 DOI: 10.1080/14682745.2012.650903', x: 50, y: 560, size: 8 },
              ...lines(50, 500, ['The split of 1961 was long in coming, and its roots lay in the', 'quarrels of the 1950s over the course of the economy.'], { indent: 12 }),
            ],
          },
        ],
        { title: 'The Split of 1961', author: 'Ana Lalaj' },
      ),
    );
    backend.filesToChoose.push(file);
    await app.emit('menu.import');
    await page.waitForSelector('.import-dialog');
    const shown = async () => Object.fromEntries(await Promise.all(['Title', 'Authors', 'Published in', 'Volume', 'Issue', 'DOI', 'ISSN'].map(async (label) => [label, await field(label).inputValue()])));
    expect(await shown()).toEqual({
      Title: 'The Split of 1961',
      Authors: 'Lalaj, Ana',
      'Published in': 'Cold War History',
      Volume: '12',
      Issue: '3',
      DOI: '10.1080/14682745.2012.650903',
      ISSN: '1468-2745',
    });
    // The user corrects one suggestion and confirms the rest.
    await field('Issue').fill('4');
    await field('Id in the corpus').fill('lalaj-split');
    await page.click('.import-dialog button[type="submit"]');
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe('The Split of 1961');
    const recipe = readFileSync(join(corpus, 'recipes', 'lalaj-split.yml'), 'utf8');
    expect(recipe).toMatch(/container-title: Cold War History\n/);
    expect(recipe).toMatch(/issue: "4"\n/);
    expect(recipe).toMatch(/DOI: 10\.1080\/14682745\.2012\.650903\n/);
  });

  it('keeps the PDF form’s buttons in view in a 900 × 600 window, its fields within the form', async () => {
    const { page } = app;
    await resizeWindow(page, 900, 600);
    backend.filesToChoose.push(join(folder, 'scan.pdf'));
    await app.emit('menu.import');
    await page.waitForSelector('.import-dialog');
    const form = (await page.locator('.import-form').boundingBox())!;
    for (const name of ['Cancel', 'Import']) {
      const box = (await page.locator(`.import-dialog .dialog-buttons button:has-text("${name}")`).boundingBox())!;
      expect(box.y + box.height, name).toBeLessThanOrEqual(600);
      expect(box.y, name).toBeGreaterThanOrEqual(0);
    }
    for (const label of ['Volume', 'Issue', 'Pages', 'DOI', 'ISSN']) {
      const box = (await field(label).boundingBox())!;
      expect(box.x + box.width, label).toBeLessThanOrEqual(form.x + form.width + 0.5);
    }
    expect(await buttonsNotSeen(page.locator('.import-dialog'))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('.import-dialog button:has-text("Cancel")');
    await resizeWindow(page, 1400, 900);
  });

  it('imports a PDF dropped on the library, the page never learning where it is', async () => {
    const { page } = app;
    const before = readdirSync(corpus).sort();
    await app.dropFiles('.library', [join(folder, 'lalaj.pdf')]);
    await page.waitForSelector('.import-dialog');
    expect(await page.locator('.import-dialog .import-summary').first().textContent()).toBe('lalaj.pdf: 7 paragraphs and headings, 2 notes, read as pdf.');
    const drop = app.calls.find((call) => call.name.endsWith('dropped-file'));
    const dropped = app.calls.find((call) => call.name === 'corpus.importDropped');
    expect(drop?.payload).toBe(join(folder, 'lalaj.pdf'));
    // What the page sent and got: a token and a preview, no path.
    expect(JSON.stringify(dropped)).not.toContain(folder);
    await page.click('.import-dialog button:has-text("Cancel")');
    expect(readdirSync(corpus).sort()).toEqual(before);
  });

  it('refuses a dropped file that is not on disk, with a message', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['some text'], 'clipping.txt'));
      const library = document.querySelector('.library')!;
      for (const type of ['dragenter', 'dragover', 'drop']) library.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    });
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/“clipping\.txt” is not a file on this computer/);
    expect(await page.locator('.import-dialog').count()).toBe(0);
  });

  it('tells why an encrypted, a truncated or a damaged PDF cannot be imported, and leaves the corpus folder as it was', async () => {
    const { page } = app;
    const bytes = Buffer.from(await article.bytes());
    const broken = Buffer.from(bytes);
    broken.fill(0x41, broken.indexOf('stream') + 10, broken.length - 200);
    const files: [string, Uint8Array, RegExp][] = [
      ['letter.pdf', readFileSync(fileURLToPath(new URL('../fixtures/pdf/encrypted.pdf', import.meta.url))), /^“letter\.pdf” is protected by a password, so Apparatus cannot read its text\. .*Nothing was imported\.$/],
      ['cut.pdf', bytes.subarray(0, Math.floor(bytes.length * 0.6)), /^“cut\.pdf” is incomplete: the file stops before its end, .*Nothing was imported\.$/],
      ['damaged.pdf', broken, /^“damaged\.pdf” is damaged: its text cannot be read .*Nothing was imported\.$/],
    ];
    const before = contentOf(folderState(corpus));
    for (const [name, content, message] of files) {
      writeFileSync(join(folder, name), content);
      backend.filesToChoose.push(join(folder, name));
      await app.emit('menu.import');
      await expect.poll(() => page.locator('.toast > span').textContent(), { timeout: 30_000 }).toMatch(message);
      // An error stays until the user dismisses it.
      expect(await page.locator('.toast.error').isVisible()).toBe(true);
      expect(await page.locator('.toast button:has-text("Dismiss")').isVisible()).toBe(true);
      expect(await page.locator('.import-dialog').count()).toBe(0);
      expect(await page.locator('.import-progress').isHidden()).toBe(true);
    }
    expect(contentOf(folderState(corpus))).toEqual(before);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});
