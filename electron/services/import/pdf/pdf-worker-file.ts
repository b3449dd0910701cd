/**
 * Finding the PDF worker's script: `pdf-worker.ts` beside this module when running from source
 * (Node 24 type stripping, tests, `node electron/cli.ts`), or the bundled `pdf-worker.mjs` beside
 * a bundle or in `../main/`. The Electron main bundle (CommonJS, no `import.meta`) passes the path.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['./pdf-worker.ts', './pdf-worker.mjs', '../main/pdf-worker.mjs'];

/** The worker script to use when none is given, or undefined when none can be found. */
export function defaultPdfWorkerFile(): string | undefined {
  const base = typeof import.meta.url === 'string' ? import.meta.url : undefined;
  if (base === undefined) return undefined;
  for (const candidate of CANDIDATES) {
    const file = fileURLToPath(new URL(candidate, base));
    if (existsSync(file)) return file;
  }
  return undefined;
}
