import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer is a plain web page served to Electron from out/renderer over our own scheme.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome156',
    // Inline nothing: the Content-Security-Policy allows only files from our own origin.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
