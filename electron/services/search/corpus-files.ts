/**
 * The cleaned files of the corpus folder and their content hashes. Files are read
 * asynchronously, so scanning a large corpus does not hold up the calling thread; a file whose
 * size and modification time are unchanged since the last scan keeps its hash without a re-read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash } from './cache-layout.ts';
import { SearchServiceError } from './errors.ts';

/** One cleaned source file: `<folder>/<sourceId>.md` and the SHA-256 of its bytes. */
export interface CorpusFile {
  sourceId: string;
  file: string;
  hash: string;
}

interface Seen {
  size: number;
  mtimeMs: number;
  hash: string;
}

/** Scans one corpus folder repeatedly, remembering hashes between scans. */
export class CorpusFiles {
  readonly #folder: string;
  readonly #seen = new Map<string, Seen>();

  constructor(folder: string) {
    this.#folder = folder;
  }

  /** Every `<id>.md` except README.md, sorted by id, with its hash. */
  async scan(): Promise<CorpusFile[]> {
    let names: string[];
    try {
      names = await readdir(this.#folder);
    } catch {
      throw new SearchServiceError(
        'index-build-failed',
        `The corpus folder cannot be read: ${this.#folder}`,
      );
    }
    const sources = names.filter((name) => name.endsWith('.md') && name !== 'README.md').sort();
    const files: CorpusFile[] = [];
    for (const name of sources) {
      const file = join(this.#folder, name);
      const hash = await this.#hash(file);
      if (hash !== undefined) files.push({ sourceId: name.slice(0, -'.md'.length), file, hash });
    }
    return files;
  }

  /** The hash of one file, or undefined when it vanished or cannot be read. */
  async #hash(file: string): Promise<string | undefined> {
    try {
      const info = await stat(file);
      const seen = this.#seen.get(file);
      if (seen && seen.size === info.size && seen.mtimeMs === info.mtimeMs) return seen.hash;
      const hash = contentHash(await readFile(file));
      this.#seen.set(file, { size: info.size, mtimeMs: info.mtimeMs, hash });
      return hash;
    } catch {
      this.#seen.delete(file);
      return undefined;
    }
  }
}
