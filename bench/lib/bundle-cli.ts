/**
 * The command line as it is installed: `apparatus` runs a bundle (package.json `bin`), not the
 * TypeScript sources, so a fresh process is measured on a bundle built the same way, with the
 * search worker beside it where the bundle looks for it.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = `${ROOT}/out/bench`;

/** Builds `out/bench/apparatus.mjs` (and its worker); returns the bundle's path. */
export async function bundleCli(): Promise<string> {
  const common = { bundle: true, platform: 'node', target: 'node24', logLevel: 'error' } as const;
  await build({ ...common, entryPoints: [`${ROOT}/electron/cli.ts`], format: 'esm', packages: 'external', outfile: `${OUT}/apparatus.mjs` });
  await build({ ...common, entryPoints: [`${ROOT}/electron/services/search/index-worker.ts`], format: 'cjs', outfile: `${OUT}/search-worker.cjs` });
  return `${OUT}/apparatus.mjs`;
}
