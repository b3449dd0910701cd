/**
 * Finding the index worker's script. From source (Node 24 type stripping, tests, `node
 * electron/cli.ts`) it is `index-worker.ts` beside this module. Bundled, `import.meta.url` names
 * the bundle, so the worker is looked for as `search-worker.cjs` beside it or in `../main/`
 * (where the build puts it); the Electron main bundle (CommonJS, no `import.meta`) passes the path
 * explicitly through `SearchServiceOptions.workerFile`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['./index-worker.ts', './search-worker.cjs', '../main/search-worker.cjs'];

/** The worker script to use when none is given, or undefined when none can be found. */
export function defaultWorkerFile(): string | undefined {
  const base = typeof import.meta.url === 'string' ? import.meta.url : undefined;
  if (base === undefined) return undefined;
  for (const candidate of CANDIDATES) {
    const file = fileURLToPath(new URL(candidate, base));
    if (existsSync(file)) return file;
  }
  return undefined;
}
