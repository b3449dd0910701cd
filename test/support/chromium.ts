import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's Chromium lives unless CHROME_PATH says otherwise. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium to drive: CHROME_PATH, else Debian's. Missing → an error that says how to install
 * it, so the renderer tests fail loudly instead of skipping.
 */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. The renderer tests run the app in a real Chromium: install Debian's ` +
        "package ('sudo apt-get install chromium') or point CHROME_PATH at a Chromium 156 executable.",
    );
  }
  return path;
}

// Offline machines refuse Chromium's background connections; these flags stop it trying.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Launches headless Chromium with a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: FLAGS });
}
