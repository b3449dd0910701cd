/**
 * Watching the corpus folder for source files (and the list of references without text) that
 * other programs add, edit or remove. The
 * folder itself is watched (not recursively: every cleaned source sits at its top, and recursive
 * watching is missing on some platforms); events are gathered for a moment, then the files' sizes
 * and modification times are compared with what was last seen, so only real changes are reported.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { REFERENCES_FILE } from '../../core/interop/references/reference-list.ts';
import { sourceFileNames, sourceIdOf } from './corpus-names.ts';

/** How long to wait after the last event before looking: an editor's save is several events. */
const SETTLE_MS = 200;

type Signature = string;

/** Reports the ids of the source files that changed; watching stops at `close`. */
export class CorpusWatcher {
  readonly #folder: string;
  readonly #report: (sourceIds: string[]) => void;
  readonly #log: (message: string) => void;
  readonly #referencesChanged: () => void;
  #seen = new Map<string, Signature>();
  #references: Signature | undefined;
  #watcher: FSWatcher | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #checking: Promise<void> = Promise.resolve();

  /** `referencesChanged` hears of changes to the list of references without text. */
  constructor(folder: string, report: (sourceIds: string[]) => void, log: (message: string) => void, referencesChanged: () => void = () => {}) {
    this.#folder = folder;
    this.#report = report;
    this.#log = log;
    this.#referencesChanged = referencesChanged;
    try {
      this.#watcher = watch(folder, { persistent: false }, () => this.#schedule());
      this.#watcher.on('error', (error) => this.#stop(error));
    } catch (error) {
      this.#stop(error);
      return;
    }
    void this.#look(false);
  }

  /** Takes note of files changed by Apparatus itself, which it announces on its own. */
  remember(sourceIds: readonly string[]): void {
    for (const id of sourceIds) {
      const signature = signatureOf(join(this.#folder, `${id}.md`));
      if (signature === undefined) this.#seen.delete(id);
      else this.#seen.set(id, signature);
    }
  }

  /** Takes note of the list of references without text as Apparatus itself wrote it. */
  rememberReferences(): void {
    this.#references = signatureOf(join(this.#folder, REFERENCES_FILE));
  }

  /** Stops watching; nothing is reported after this. */
  close(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  #schedule(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#checking = this.#checking.then(() => this.#look(true));
    }, SETTLE_MS);
    this.#timer.unref?.();
  }

  async #look(report: boolean): Promise<void> {
    let now: Map<string, Signature>;
    try {
      now = await signatures(this.#folder);
    } catch {
      // The folder itself went away or cannot be read: anything may have changed.
      if (report && this.#watcher) this.#report([]);
      return;
    }
    const changed = [...new Set([...now.keys(), ...this.#seen.keys()])].filter((id) => now.get(id) !== this.#seen.get(id)).sort();
    this.#seen = now;
    if (report && this.#watcher && changed.length > 0) this.#report(changed);
    const references = signatureOf(join(this.#folder, REFERENCES_FILE));
    const referencesChanged = references !== this.#references;
    this.#references = references;
    if (report && this.#watcher && referencesChanged) this.#referencesChanged();
  }

  #stop(error: unknown): void {
    this.close();
    this.#log(`Changes to the corpus folder made outside Apparatus will be seen after a restart: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function signatures(folder: string): Promise<Map<string, Signature>> {
  const result = new Map<string, Signature>();
  for (const name of sourceFileNames(await readdir(folder))) {
    try {
      const info = await stat(join(folder, name));
      result.set(sourceIdOf(name), `${info.size}:${info.mtimeMs}`);
    } catch {
      // Gone between listing and looking: it is reported as removed.
    }
  }
  return result;
}

function signatureOf(file: string): Signature | undefined {
  try {
    const info = statSync(file);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return undefined;
  }
}
