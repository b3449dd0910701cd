import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/annotate/model.ts';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { sight } from '../support/visible.ts';

const SOURCE = 'edemskiy-2019';
const PASSAGE = 'ideological differences should not be discussed publicly, in the media, but rather in personal meetings.';
const CUT = ', in the media, but rather in personal meetings';

describe('selecting and adjusting highlights from the keyboard and with the mouse', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let tagId = '';

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    tagId = backend.services.store.createTag('Kremlin', 'blue').id;
    app = await openReading(browser, backend, SOURCE);
  });
  afterAll(() => closeAll(app, browser, backend));

  const annotations = () => backend.services.store.list({ sourceId: SOURCE });
  const byId = (id: string) => backend.services.store.get(id)!;
  const editorButton = (label: string) => app.page.locator('.annotation-editor .extent-actions button', { hasText: label });

  it('selects with Shift and the arrows from a caret in the text, and highlights with H', async () => {
    const { page } = app;
    await page.locator('.reading').focus();
    await page.keyboard.press('ArrowRight');
    // Drawn by the app, and let clicks through to the text: on screen, if never on top.
    await expect.poll(async () => (await sight(page.locator('.reader-caret'))).whole).toBe(true);
    // Down to the title, to its start, then three words.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    await page.locator('.selection-toolbar').waitFor({ state: 'visible' });
    expect((await page.evaluate(() => getSelection()!.toString())).trim()).toBe('Additional Evidence on');
    await page.keyboard.press('h');
    await expect.poll(() => annotations().length).toBe(1);
    expect(annotations()[0]!.quote.exact.trim()).toBe('Additional Evidence on');
  });

  it('moves an end a word at a time from the editor, re-quoting it and keeping tags and note, undoably', async () => {
    const { page } = app;
    const [made] = annotations() as [Annotation];
    backend.services.annotations.update(made.id, { tags: [tagId], note: 'The *title*.' });
    await page.locator(`.annotation-open[data-annotation-id="${made.id}"]`).click();
    await editorButton('End ▸').click();
    await expect.poll(() => byId(made.id).quote.exact).toBe('Additional Evidence on the');
    expect(byId(made.id)).toMatchObject({ tags: [tagId], note: 'The *title*.', color: made.color });
    expect(await page.locator(`.hl[data-annotation-id="${made.id}"]`).allTextContents()).toEqual(['Additional Evidence on the']);
    await page.locator('.reading').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => byId(made.id).quote.exact.trim()).toBe('Additional Evidence on');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => byId(made.id).quote.exact).toBe('Additional Evidence on the');
  });

  it('keeps the cuts of a trimmed quotation that still fit, and gives back those it drops on undo', async () => {
    const { page } = app;
    const range = phraseRange(SOURCE, PASSAGE);
    const cutStart = PASSAGE.indexOf(CUT);
    const trimmed = backend.services.annotations.create({ sourceId: SOURCE, ...range });
    backend.services.annotations.update(trimmed.id, { omissions: [{ start: cutStart, end: cutStart + CUT.length }] });
    await page.reload();
    await page.waitForSelector('.reading');
    await page.locator(`.annotation-open[data-annotation-id="${trimmed.id}"]`).click();
    await editorButton('◂ Start').click();
    await expect.poll(() => byId(trimmed.id).quote.exact).toBe(`mutual ${PASSAGE}`);
    expect(byId(trimmed.id).omissions).toEqual([{ start: cutStart + 7, end: cutStart + 7 + CUT.length }]);
    await editorButton('◂ End').click();
    await expect.poll(() => byId(trimmed.id).quote.exact).toBe(`mutual ${PASSAGE.slice(0, -'meetings.'.length).trimEnd()}`);
    expect(byId(trimmed.id).omissions).toEqual([]);
    expect(await page.locator('.toast').textContent()).toContain('those cuts were dropped');
    await page.locator('.reading').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => byId(trimmed.id).omissions).toEqual([{ start: cutStart + 7, end: cutStart + 7 + CUT.length }]);
  });

  it('drags the end of the highlight being edited to another word', async () => {
    const { page } = app;
    const [first] = annotations().filter((a) => a.quote.exact.startsWith('Additional')) as [Annotation];
    await page.locator(`.annotation-open[data-annotation-id="${first.id}"]`).click();
    const handle = page.locator('.hl-handle-end');
    await expect.poll(() => handle.count()).toBe(1);
    const from = (await handle.boundingBox())!;
    // To the middle of the next word but one ("Final"), as the hand drags it.
    const target = await page.evaluate(() => {
      const heading = document.querySelector('.reading h1')!;
      const node = [...heading.childNodes].flatMap((n) => (n.nodeType === Node.TEXT_NODE ? [n] : [...n.childNodes])).find((n) => n.textContent!.includes('Final'))!;
      const at = node.textContent!.indexOf('Final');
      const range = document.createRange();
      range.setStart(node, at + 5);
      range.setEnd(node, at + 5);
      const box = range.getBoundingClientRect();
      return { x: box.left, y: box.top + box.height / 2 };
    });
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => byId(first.id).quote.exact).toBe('Additional Evidence on the Final');
    expect(byId(first.id).tags).toEqual([tagId]);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});
