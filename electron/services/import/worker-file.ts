/**
 * Finding a worker's script: `<stem>.ts` beside the module that asks when running from source
 * (Node 24 type stripping, tests, `node electron/cli.ts`), or the bundled `<stem>.mjs` beside a
 * bundle or in `../main/`. The Electron main bundle (CommonJS, no `import.meta`) passes the path.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The worker script `stem` for a module at URL `base`, or undefined when none can be found. */
export function findWorkerFile(base: string | undefined, stem: string): string | undefined {
  if (base === undefined) return undefined;
  for (const candidate of [`./${stem}.ts`, `./${stem}.mjs`, `../main/${stem}.mjs`]) {
    const file = fileURLToPath(new URL(candidate, base));
    if (existsSync(file)) return file;
  }
  return undefined;
}
