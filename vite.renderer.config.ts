import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const PDFJS = fileURLToPath(new URL('./node_modules/pdfjs-dist', import.meta.url));

// What pdf.js reads beside its worker when it shows a page: the standard fonts a PDF may use
// without embedding them, the character maps of East Asian fonts, and its image decoders for
// scans (JBIG2, JPEG 2000) as plain scripts, since the page allows no WebAssembly.
const PDFJS_DATA: [folder: string, keep: (name: string) => boolean][] = [
  ['standard_fonts', () => true],
  ['cmaps', () => true],
  ['wasm', (name) => name.endsWith('_nowasm_fallback.js') || name.startsWith('LICENSE')],
];

function pdfjsData(): Plugin {
  return {
    name: 'apparatus-pdfjs-data',
    apply: 'build',
    generateBundle() {
      for (const [folder, keep] of PDFJS_DATA) {
        for (const name of readdirSync(join(PDFJS, folder)).filter(keep)) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(join(PDFJS, folder, name)) });
        }
      }
    },
  };
}

// Builds the renderer (renderer/) into out/renderer: a plain web page that Electron loads over
// our own scheme. It lives at the top level because it runs in Node, not in the renderer.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  // The build lists every file it writes, pdf.js's data among them: only warnings are worth reading.
  logLevel: 'warn',
  plugins: [pdfjsData()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome156',
    // Inline nothing: the Content-Security-Policy allows only files from our own origin.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
