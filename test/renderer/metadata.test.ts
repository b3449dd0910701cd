import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';

describe('editing a source’s details in the library', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let folder: string;
  let corpus: string;
  const file = () => readFileSync(join(corpus, 'edemskiy-2019.md'), 'utf8');
  const body = (text: string) => text.slice(text.indexOf('\n---\n', 4));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-details-'));
    corpus = join(folder, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    browser = await launchChromium();
    backend = openServices(corpus);
    app = await openApp(browser, backend.services);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const editor = () => app.page.locator('.import-dialog');
  const field = (label: string) => editor().locator(`label:has-text("${label}") input`).first();

  it('flags a field Chicago needs when it is removed, and writes only the front matter', async () => {
    const before = file();
    await app.page.click('[data-source-id="edemskiy-2019"] .source-edit');
    await editor().waitFor();
    expect(await field('Volume').inputValue()).toBe('50');
    await field('Volume').fill('');
    await editor().locator('button[type="submit"]').click();
    await expect.poll(() => app.page.locator('[data-source-id="edemskiy-2019"] .badge-missing').count()).toBe(1);
    expect(parseSource(file()).meta.csl.volume).toBeUndefined();
    expect(body(file())).toBe(body(before));
  });

  it('refuses a malformed DOI with a message in the dialog, and saves a good one', async () => {
    await app.page.click('[data-source-id="edemskiy-2019"] .source-edit');
    await editor().waitFor();
    expect(await editor().locator('.form-error').first().textContent()).toContain('Chicago needs: Volume');
    await field('DOI').fill('not a doi');
    await editor().locator('button[type="submit"]').click();
    await expect.poll(() => editor().locator('[role="alert"]').textContent()).toContain('is not a DOI');
    await field('DOI').fill('10.2298/BALC1950375E');
    await field('Volume').fill('50');
    await editor().locator('button[type="submit"]').click();
    await expect.poll(() => app.page.locator('[data-source-id="edemskiy-2019"] .badge-missing').count()).toBe(0);
    expect(parseSource(file()).meta.csl.volume).toBe('50');
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});
