import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the renderer (renderer/) into out/renderer: a plain web page that Electron loads over
// our own scheme. It lives at the top level because it runs in Node, not in the renderer.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome156',
    // Inline nothing: the Content-Security-Policy allows only files from our own origin.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
