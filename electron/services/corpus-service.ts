import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceSummary } from '../../core/api.ts';
import type { Source } from '../../core/corpus/model.ts';
import { SOURCE_ID_PATTERN } from '../../core/corpus/front-matter-schema.ts';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { summarizeSource } from '../../core/corpus/summary.ts';
import { UserFacingError } from '../errors.ts';

/**
 * The corpus folder on disk: one cleaned `<id>.md` per source (corpus/README.md). The folder is
 * read-only input here; a file that does not parse is reported, never rewritten.
 */
export class CorpusService {
  readonly #folder: string;
  readonly #log: (message: string) => void;
  readonly #parsed = new Map<string, { text: string; source: Source }>();

  constructor(folder: string, log: (message: string) => void = console.warn) {
    this.#folder = folder;
    this.#log = log;
  }

  /** Every readable source, sorted by author then title, as the library lists them. */
  list(): SourceSummary[] {
    const sources = this.#readAll();
    const titles = new Map(sources.map((source) => [source.id, source.meta.csl.title ?? source.id]));
    return sources
      .map((source) => summarizeSource(source, titles))
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b), 'en'));
  }

  /** The source with this id, parsed; a typed error if there is none or it cannot be read. */
  get(id: string): Source {
    // Ids are checked by the caller's schema too; this keeps a path out of the folder regardless.
    if (!SOURCE_ID_PATTERN.test(id)) throw new UserFacingError('not-found', `There is no source "${id}" in the corpus.`);
    let text: string;
    try {
      text = readFileSync(join(this.#folder, `${id}.md`), 'utf8');
    } catch {
      throw new UserFacingError('not-found', `There is no source "${id}" in the corpus.`);
    }
    try {
      return this.#parse(id, text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UserFacingError('corpus-unreadable', `The source "${id}" cannot be read: ${reason}`);
    }
  }

  // Parsing a long source costs far more than reading it: keep the last parse of each file and
  // reuse it while the text is unchanged (Sources are never mutated, so sharing them is safe).
  #parse(key: string, text: string): Source {
    const cached = this.#parsed.get(key);
    if (cached?.text === text) return cached.source;
    const source = parseSource(text);
    this.#parsed.set(key, { text, source });
    return source;
  }

  #readAll(): Source[] {
    let names: string[];
    try {
      names = readdirSync(this.#folder);
    } catch {
      throw new UserFacingError('corpus-unreadable', `The corpus folder cannot be read: ${this.#folder}`);
    }
    const sources: Source[] = [];
    for (const name of names.filter((file) => file.endsWith('.md') && file !== 'README.md').sort()) {
      try {
        sources.push(this.#parse(name.slice(0, -'.md'.length), readFileSync(join(this.#folder, name), 'utf8')));
      } catch (error) {
        this.#log(`Skipped ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return sources;
  }
}

function sortKey(summary: SourceSummary): string {
  return `${summary.authors ?? summary.title}\u0000${summary.title}`;
}
