import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole, unseen } from '../support/visible.ts';

describe('what is known to be wrong with a source, above its text', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    app = await openReading(browser, backend, 'resexcellence-2021');
  });
  afterAll(() => closeAll(app, browser, backend));

  const notice = () => app.page.locator('.source-notice');

  it('says that a paraphrase is one, of what, and how many problems it has', async () => {
    expect(await seenWhole(notice().locator('.notice-summary'))).toBe(true);
    expect(await notice().locator('.notice-summary').textContent()).toBe(
      'Before quoting: A machine paraphrase of parts of “Soviet–Albanian split”: cite the original for its substance. 14 known problems, rights to check.',
    );
    // The notice comes before the text, not in it.
    expect(await notice().evaluate((node) => !!(node.compareDocumentPosition(document.querySelector('.reading')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
  });

  it('lists its caveats and its rights on demand', async () => {
    const caveat = notice().locator('li', { hasText: 'his pro-Soviet sympathies' });
    expect(await unseen(caveat)).toBe(true);
    await notice().locator('summary').click();
    await expect.poll(() => caveat.textContent()).toBe('Paraphrase error kept as printed: “his pro-Soviet sympathies” (Liri Belishova was a woman).');
    expect(await seenWhole(caveat)).toBe(true);
    expect(await notice().locator('p', { hasText: 'No licence or rights statement' }).count()).toBe(1);
  });

  it('shows the cleaning log of a corrected source', async () => {
    await app.page.click('[data-source-id="pilaca-nako-2021"] .source-open');
    await expect.poll(() => notice().locator('.notice-summary').textContent()).toBe(
      'Before quoting: 10 known problems, 7 corrections made while cleaning, rights to check.',
    );
    await notice().locator('summary').click();
    const logged = notice().locator('li', { hasText: 'Koço Tashko' });
    expect(await logged.textContent()).toBe('“Kogo Tashko” became “Koço Tashko”: OCR slip: g for ç in the name Koço Tashko');
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});
