import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorColor } from '../../core/share/author-mark.ts';
import type { RunningSyncServer } from '../../electron/server/sync-server.ts';
import type { AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll, openReading, tempCorpus } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { openSharedProject, type SharedProject } from '../support/share-projects.ts';
import { makeGroup, startTestServer, tempFolder } from '../support/share-server.ts';

describe('another member’s highlights in the reader, the side panel and the annotation list', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let anna: SharedProject;
  let corpus: ReturnType<typeof tempCorpus>;
  let folder: { dir: string; remove(): void };
  let server: RunningSyncServer;

  beforeAll(async () => {
    folder = tempFolder('apparatus-share-authors-');
    ({ server } = await startTestServer(`${folder.dir}/server`));
    const tokens = makeGroup(`${folder.dir}/server`, 'seminar', { anna: 'owner', bob: 'editor' });
    anna = openSharedProject(folder.dir, 'anna');
    anna.services.annotations.create({ sourceId: 'edemskiy-2019', start: 0, end: 40, note: 'Anna’s reading', color: 'green' });
    await anna.services.sync.join({ server: server.url, group: 'seminar', token: tokens.anna ?? '' });
    corpus = tempCorpus('apparatus-share-authors-corpus-');
    backend = openServices(corpus.folder);
    backend.services.annotations.create({ sourceId: 'edemskiy-2019', start: 100, end: 140, note: 'Bob’s own' });
    await backend.services.sync.join({ server: server.url, group: 'seminar', token: tokens.bob ?? '' });
    browser = await launchChromium();
    app = await openReading(browser, backend, 'edemskiy-2019');
  }, 90_000);
  afterAll(async () => {
    await closeAll(app, browser, backend);
    await anna?.close();
    await server?.stop();
    corpus?.remove();
    folder?.remove();
  });

  it('underlines anna’s highlight in her colour over its own, names her on hover and in the list; bob’s own carries no name', async () => {
    const { page } = app;
    const theirs = page.locator('.hl[data-author="anna"]').first();
    await theirs.waitFor();
    expect(await theirs.getAttribute('title')).toBe('Highlighted by anna');
    expect(await theirs.getAttribute('class')).toContain(`author-${authorColor('anna')}`);
    const [mine] = await page.locator('.hl:not([data-author])').all();
    expect(mine).toBeDefined();
    const look = (node: Element) => ({ underline: getComputedStyle(node).borderBottomColor, width: getComputedStyle(node).borderBottomWidth, fill: getComputedStyle(node).backgroundColor });
    const theirLook = await theirs.evaluate(look);
    const myLook = await mine!.evaluate(look);
    // Anna's green stays green; only its underline is hers, and differs from a plain highlight's.
    expect(theirLook.fill).toMatch(/^rgba\(74, 222, 128/);
    expect(theirLook.underline).not.toBe(myLook.underline);
    expect(theirLook.underline).not.toMatch(/^rgba\(74, 222, 128/);
    expect(parseFloat(theirLook.width)).toBeGreaterThanOrEqual(3);

    const author = page.locator('.annotations-panel .annotation-author');
    await expect.poll(() => author.allTextContents()).toEqual(['anna']);
    const box = await author.first().boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    const colors = await author.first().evaluate((node) => [getComputedStyle(node).color, getComputedStyle(node.closest('.annotation-open') ?? node).color]);
    expect(colors[0]).not.toBe(colors[1]);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('names the author in the side panel when her highlight is opened from the keyboard', async () => {
    const { page } = app;
    const row = page.locator('.annotations-panel .annotation-open', { has: page.locator('.annotation-author') });
    await row.focus();
    await page.keyboard.press('Enter');
    const byline = page.locator('.annotation-editor .editor-author');
    await expect.poll(() => byline.textContent()).toBe('anna');
    const box = await byline.boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('filters the list by author from the keyboard: anyone, mine, or a member by name', async () => {
    const { page } = app;
    const select = page.getByRole('combobox', { name: 'Author' });
    expect(await select.isVisible()).toBe(true);
    expect(await select.locator('option').allTextContents()).toEqual(['Anyone', 'Mine', 'anna']);
    const quotes = page.locator('.annotations-panel .annotation-open');
    await expect.poll(() => quotes.count()).toBe(2);
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => quotes.count()).toBe(1);
    expect(await quotes.locator('.annotation-author').count()).toBe(0);
    expect(await quotes.first().textContent()).toContain('Bob’s own');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => quotes.locator('.annotation-author').allTextContents()).toEqual(['anna']);
    expect(await quotes.count()).toBe(1);
    await page.keyboard.press('Home');
    await expect.poll(() => quotes.count()).toBe(2);
  }, 60_000);
});
