/**
 * A throw-away corpus folder holding a copy of one real source (cleaned file, recipe, raw file),
 * and a fingerprint of a folder's every file to show that a refused import changed nothing.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const SEED = { id: 'resexcellence-2021', raw: '000_658a3b248dccd0f2.txt' };

/** A temporary folder with `corpus/` (one source) and `in/` for files to import. */
export interface TempCorpus {
  root: string;
  corpus: string;
  /** Writes a file to import into `in/` and returns its path. */
  input(name: string, data: string | Uint8Array): string;
  /** Copies a fixture from test/fixtures/import into `in/` and returns its path. */
  fixture(name: string): string;
  remove(): void;
}

/** A new temporary corpus holding a copy of the `resexcellence-2021` source. */
export function makeTempCorpus(): TempCorpus {
  const root = mkdtempSync(join(tmpdir(), 'apparatus-import-'));
  const corpus = join(root, 'corpus');
  mkdirSync(join(corpus, 'raw'), { recursive: true });
  mkdirSync(join(corpus, 'recipes'));
  mkdirSync(join(root, 'in'));
  copyFileSync(join(REPO, 'corpus', `${SEED.id}.md`), join(corpus, `${SEED.id}.md`));
  copyFileSync(join(REPO, 'corpus', 'recipes', `${SEED.id}.yml`), join(corpus, 'recipes', `${SEED.id}.yml`));
  copyFileSync(join(REPO, 'corpus', 'raw', SEED.raw), join(corpus, 'raw', SEED.raw));
  const input = (name: string, data: string | Uint8Array): string => {
    const path = join(root, 'in', name);
    writeFile(path, data);
    return path;
  };
  return {
    root,
    corpus,
    input,
    fixture: (name) => input(name, readFileSync(join(REPO, 'test', 'fixtures', 'import', name))),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

function writeFile(path: string, data: string | Uint8Array): void {
  writeFileSync(path, data);
}

/** Every file under `folder` (hidden ones too) with the SHA-256 of its bytes, sorted by path. */
export function fingerprint(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        out[`${relative(folder, path)}/`] = 'folder';
        walk(path);
      } else {
        out[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
      }
    }
  };
  walk(folder);
  return out;
}
