/**
 * The corpus folder on disk: one cleaned `<id>.md` per source (corpus/README.md), with `raw/` and
 * `recipes/` beside. This service alone lists, reads, parses, writes and watches it, and announces
 * every change. A file that cannot be read or parsed is never left out: it is listed with what is
 * wrong and how to repair it, and opening it gives that reason.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceProblem, SourceProvenance, SourceSummary, UnreadableSource } from '../../core/api.ts';
import { SOURCE_ID_PATTERN } from '../../core/corpus/front-matter-schema.ts';
import { editMetadata } from '../../core/corpus/metadata-edit.ts';
import { applyMetadataPatch, type MetadataPatch } from '../../core/corpus/metadata-patch.ts';
import type { CslItem, Source } from '../../core/corpus/model.ts';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { parseRecipe } from '../../core/clean/recipe.ts';
import { misnamedProblem, sourceProblem, unreadableSummary } from '../../core/corpus/problem.ts';
import { provenanceOf, summarizeSource } from '../../core/corpus/summary.ts';
import { DomainError } from '../../core/errors.ts';
import type { SharedWrite } from '../../core/share/write-refusal.ts';
import { parseReferenceList, REFERENCES_FILE, serializeReferenceList } from '../../core/interop/references/reference-list.ts';
import { syncFolder, writeFileAtomic, writeNewFilesAtomic, type NewFile } from './atomic-write.ts';
import { contentHash } from './content-hash.ts';
import { pendingImportPath, pendingImportText, sweepCorpusFolder } from './corpus-recovery.ts';
import { sourceFileNames, sourceIdOf } from './corpus-names.ts';
import { CorpusWatcher } from './corpus-watcher.ts';
import { Emitter, type ServiceEmitter } from './events.ts';

/** One readable source file, as search indexes it: its id, path and the SHA-256 of its bytes. */
export interface CorpusFile {
  sourceId: string;
  file: string;
  hash: string;
}

/** Which files a scan parses to learn whether they can be read: those `check` accepts (by id and content hash). */
export interface ScanOptions {
  check?: (sourceId: string, hash: string) => boolean;
}

/** What search needs of the corpus: its readable files with their hashes, and a parsed source to show a hit. */
export interface SearchCorpus {
  /** Every readable source file, sorted by id; files unchanged since the last scan are not read again. */
  scan(options?: ScanOptions): Promise<CorpusFile[]>;
  /** The source as last parsed, or undefined when it cannot be read. */
  source(sourceId: string): Source | undefined;
  /** The files found unreadable by the last scan, with what is wrong and how to repair it. */
  unreadable(): UnreadableSource[];
}

/** How a `CorpusService` keeps what it read. */
export interface CorpusServiceOptions {
  /**
   * How many parsed sources to keep for reuse (default: all, as the library lists them all); a
   * service that shows a few sources at a time of a large library keeps less memory.
   */
  keepParsed?: number;
  /**
   * Asked before every change this computer's user makes to the corpus (not those the group
   * sends): throws the refusal when the user may not make it (a reader of a group the corpus is
   * shared with).
   */
  guard?: (write: CorpusWrite) => void;
}

/** What a change to the corpus would change: add sources, edit a source's details, or the references without text. */
export type CorpusWrite = Exclude<SharedWrite, 'tags'>;

/** Every readable source of the corpus, and the files that could not be read. */
export interface CorpusContents {
  sources: Source[];
  unreadable: UnreadableSource[];
}

type Entry = { ok: true; source: Source } | { ok: false; problem: SourceProblem };

/** See the module comment. One instance per corpus folder and process. */
export class CorpusService implements SearchCorpus {
  /** The corpus folder. */
  readonly folder: string;
  readonly #events: ServiceEmitter;
  // Parsing a long source costs far more than reading it: the last parse of each file is kept and
  // reused while its text is unchanged (Sources are never mutated, so sharing them is safe).
  readonly #parsed = new Map<string, { text: string; entry: Entry }>();
  readonly #keepParsed: number;
  readonly #guard: (write: CorpusWrite) => void;
  // What a scan learnt of each file: its hash, and, once it was parsed, its problem (null: none).
  readonly #scanned = new Map<string, { size: number; mtimeMs: number; hash: string; problem?: SourceProblem | null }>();
  #unreadable: UnreadableSource[] = [];
  #watcher: CorpusWatcher | undefined;

  constructor(folder: string, events: ServiceEmitter = new Emitter(), options: CorpusServiceOptions = {}) {
    this.folder = folder;
    this.#events = events;
    this.#keepParsed = options.keepParsed ?? Number.POSITIVE_INFINITY;
    this.#guard = options.guard ?? (() => {});
  }

  /** Throws the refusal when the user may not make a change of this kind (checked again when it is made). */
  assertWritable(write: CorpusWrite): void {
    this.#guard(write);
  }

  /** Every source, sorted by author then title, as the library lists them; unreadable ones with their problem. */
  list(): SourceSummary[] {
    const entries = this.#readAll();
    const titles = new Map(entries.flatMap(({ entry }) => (entry.ok ? [[entry.source.id, entry.source.meta.csl.title ?? entry.source.id] as const] : [])));
    return entries
      .map(({ id, fileName, entry }) => (entry.ok ? summarizeSource(entry.source, titles) : unreadableSummary(id, fileName, entry.problem)))
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b), 'en'));
  }

  /** Every readable source, sorted by id, and the files that cannot be read. */
  contents(): CorpusContents {
    const sources: Source[] = [];
    for (const { entry } of this.#readAll()) if (entry.ok) sources.push(entry.source);
    return { sources, unreadable: this.#unreadable };
  }

  /**
   * Refuses (`corpus-unreadable`) a corpus folder that cannot be read at all, a mistyped one
   * included: what is kept beside the sources would otherwise look removed from the corpus.
   */
  assertReadable(): void {
    try {
      readdirSync(this.folder);
    } catch {
      throw folderUnreadable(this.folder);
    }
  }

  /** The files that could not be read when the folder was last listed or scanned. */
  unreadable(): UnreadableSource[] {
    return this.#unreadable;
  }

  /** The source with this id, parsed; `not-found` if there is none, `corpus-unreadable` (with the repair) if it cannot be read. */
  get(id: string): Source {
    const text = this.#text(id);
    const entry = this.#entry(id, `${id}.md`, text);
    if (!entry.ok) throw new DomainError('corpus-unreadable', `${entry.problem.reason} ${entry.problem.repair}`);
    return entry.source;
  }

  /** How source `id` was made and what is known to be wrong with it (caveats, rights, corrections). */
  provenance(id: string): SourceProvenance {
    const source = this.get(id);
    const original = source.meta.derivativeOf;
    let title: string | null = null;
    if (original) {
      try {
        title = this.get(original).meta.csl.title ?? null;
      } catch {
        title = null;
      }
    }
    return provenanceOf(source, title);
  }

  /** The metadata of source `id`. */
  metadata(id: string): CslItem {
    return this.get(id).meta.csl;
  }

  /**
   * Edits a source's metadata in its cleaned file's front matter, and in its recipe when it has
   * one (so rebuilding the corpus keeps the edit); returns the new metadata. The body is never
   * touched. Both files are written atomically; if the source file cannot be written, the recipe
   * is put back.
   */
  updateMetadata(id: string, patch: MetadataPatch): CslItem {
    this.#guard('details');
    const text = this.#text(id);
    const source = this.get(id);
    const recipe = join(this.folder, 'recipes', `${id}.yml`);
    const recipeBefore = existsSync(recipe) ? readFileSync(recipe, 'utf8') : undefined;
    const edit = editMetadata(source, text, patch, recipeBefore);
    if (edit.recipeText !== undefined) writeFileAtomic(recipe, edit.recipeText, { overwrite: true });
    try {
      writeFileAtomic(join(this.folder, `${id}.md`), edit.sourceText, { overwrite: true });
    } catch (error) {
      // Keep the two files in step.
      if (recipeBefore !== undefined) writeFileAtomic(recipe, recipeBefore, { overwrite: true });
      throw error;
    }
    this.#changed([id]);
    return edit.csl;
  }

  /** Whether any file of the corpus already uses this id: `<id>.md`, its recipe, or a raw file. */
  idTaken(id: string): boolean {
    if (existsSync(join(this.folder, `${id}.md`))) return true;
    if (existsSync(join(this.folder, 'recipes', `${id}.yml`))) return true;
    const rawFolder = join(this.folder, 'raw');
    return existsSync(rawFolder) && readdirSync(rawFolder).some((name) => name.startsWith(`${id}.`));
  }

  /** `id` itself if free in the corpus, else the first free `id-2`, `id-3`, …. */
  uniqueId(id: string): string {
    if (!this.idTaken(id)) return id;
    for (let n = 2; ; n++) {
      const candidate = `${id}-${n}`;
      if (!this.idTaken(candidate)) return candidate;
    }
  }

  /**
   * Adds a new source: its raw copy, recipe and cleaned file (paths relative to the corpus folder),
   * all or nothing and never over an existing file (`AtomicWriteError` `file-exists`). A marker
   * names the files while they are written, so that a process killed meanwhile leaves nothing
   * that `recover` does not remove.
   */
  addSource(id: string, files: readonly NewFile[]): void {
    this.#guard('sources');
    // Written first, in the same all-or-nothing step, and removed once every file is in place.
    const marker = { path: pendingImportPath(id), data: pendingImportText(files.map((file) => file.path)) };
    writeNewFilesAtomic([marker, ...files].map((file) => ({ path: join(this.folder, file.path), data: file.data })));
    rmSync(join(this.folder, marker.path), { force: true });
    this.#changed([id]);
  }

  /** The text of source `id`'s cleaned file as it is on disk (front matter and body). */
  sourceText(id: string): string {
    return this.#text(id);
  }

  /**
   * Writes the cleaned file of source `id` as the group a shared corpus belongs to holds it,
   * replacing this computer's copy (which the caller has set aside when it differed).
   */
  receiveShared(id: string, text: string): void {
    if (!SOURCE_ID_PATTERN.test(id)) throw noSource(id);
    writeFileAtomic(join(this.folder, `${id}.md`), text, { overwrite: true });
    this.#changed([id]);
  }

  /**
   * Source `id`'s raw file and the recipe naming it, to share with a group; null when the source
   * has no recipe or its raw file is not in `raw/`.
   */
  rawOf(id: string): { name: string; bytes: Uint8Array; recipe: string } | null {
    if (!SOURCE_ID_PATTERN.test(id)) throw noSource(id);
    const recipeFile = join(this.folder, 'recipes', `${id}.yml`);
    if (!existsSync(recipeFile)) return null;
    const recipe = readFileSync(recipeFile, 'utf8');
    let name: string;
    try {
      name = parseRecipe(recipe, `recipes/${id}.yml`).raw;
    } catch {
      return null;
    }
    const file = join(this.folder, 'raw', name);
    if (!isRawName(name) || !existsSync(file) || !statSync(file).isFile()) return null;
    const bytes = readFileSync(file);
    return { name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), recipe };
  }

  /**
   * Writes the raw file and recipe of source `id` as the group holds them, where this computer
   * has none: `raw/` is never edited, so a file of that name with other bytes stays, and so does
   * an existing recipe. Returns what was kept instead of the group's copy, in words; throws
   * `invalid-input` for a name or recipe that does not belong in the corpus folder.
   */
  receiveSharedRaw(id: string, file: { name: string; bytes: Uint8Array; recipe?: string }): string[] {
    if (!SOURCE_ID_PATTERN.test(id)) throw noSource(id);
    if (!isRawName(file.name)) throw new DomainError('invalid-input', `The group's raw file for ${id} has a name that cannot be a file in raw/.`);
    if (file.recipe !== undefined) {
      let raw: string;
      try {
        raw = parseRecipe(file.recipe, `recipes/${id}.yml`).raw;
      } catch (error) {
        throw new DomainError('invalid-input', `The group's recipe for ${id} cannot be read: ${(error as Error).message}`, { cause: error });
      }
      if (raw !== file.name) throw new DomainError('invalid-input', `The group's recipe for ${id} names raw/${raw}, not the raw file it came with.`);
    }
    const kept: string[] = [];
    const rawFile = join(this.folder, 'raw', file.name);
    if (!existsSync(rawFile)) {
      mkdirSync(join(this.folder, 'raw'), { recursive: true });
      writeFileAtomic(rawFile, file.bytes);
    }
    else if (contentHash(readFileSync(rawFile)) !== contentHash(file.bytes)) kept.push(`raw/${file.name}`);
    if (file.recipe !== undefined) {
      const recipeFile = join(this.folder, 'recipes', `${id}.yml`);
      if (!existsSync(recipeFile)) {
        mkdirSync(join(this.folder, 'recipes'), { recursive: true });
        writeFileAtomic(recipeFile, file.recipe);
      }
      else if (readFileSync(recipeFile, 'utf8') !== file.recipe) kept.push(`recipes/${id}.yml`);
    }
    this.#changed([id]);
    return kept;
  }

  /**
   * Moves source `id`'s cleaned file out of the corpus into `set-aside/<id>.<stamp>.md` (the
   * group's copy of that id takes its place); with `withRecipe`, its recipe and the raw file the
   * recipe names go with it, into `set-aside/<id>.<stamp>/recipes/` and `raw/` (a raw file another
   * recipe names stays). Returns where each was moved, relative to the corpus folder: `text`, and
   * `recipe` (the folder) when a recipe was moved. Nothing is deleted.
   */
  setAside(id: string, stamp: string, withRecipe = false): { text: string; recipe?: string } {
    if (!SOURCE_ID_PATTERN.test(id)) throw noSource(id);
    const folder = join(this.folder, 'set-aside');
    mkdirSync(folder, { recursive: true });
    const safeStamp = stamp.replace(/[^0-9A-Za-z-]/g, '-');
    let base = `${id}.${safeStamp}`;
    for (let n = 2; existsSync(join(folder, `${base}.md`)) || existsSync(join(folder, base)); n++) base = `${id}.${safeStamp}-${n}`;
    renameSync(join(this.folder, `${id}.md`), join(folder, `${base}.md`));
    const recipe = withRecipe ? this.#setRecipeAside(id, join(folder, base)) : false;
    syncFolder(folder);
    syncFolder(this.folder);
    this.#changed([id]);
    return recipe ? { text: `set-aside/${base}.md`, recipe: `set-aside/${base}/` } : { text: `set-aside/${base}.md` };
  }

  // Moves recipes/<id>.yml, and the raw file it names unless another recipe names it too, into
  // `into` (as recipes/ and raw/); false when the source has no recipe.
  #setRecipeAside(id: string, into: string): boolean {
    const recipeFile = join(this.folder, 'recipes', `${id}.yml`);
    if (!existsSync(recipeFile)) return false;
    const raw = rawNamedBy(recipeFile);
    mkdirSync(join(into, 'recipes'), { recursive: true });
    renameSync(recipeFile, join(into, 'recipes', `${id}.yml`));
    const rawFile = raw === undefined ? undefined : join(this.folder, 'raw', raw);
    if (raw !== undefined && rawFile !== undefined && existsSync(rawFile) && !this.#rawNamedByAnother(raw)) {
      mkdirSync(join(into, 'raw'), { recursive: true });
      renameSync(rawFile, join(into, 'raw', raw));
      syncFolder(join(into, 'raw'));
      syncFolder(join(this.folder, 'raw'));
    }
    syncFolder(join(into, 'recipes'));
    syncFolder(join(this.folder, 'recipes'));
    return true;
  }

  #rawNamedByAnother(raw: string): boolean {
    const recipes = join(this.folder, 'recipes');
    if (!existsSync(recipes)) return false;
    return readdirSync(recipes).some((name) => name.endsWith('.yml') && rawNamedBy(join(recipes, name)) === raw);
  }

  /**
   * Removes what a process killed while writing the folder left behind (temporary files, the raw
   * copy and recipe of an interrupted import); returns a sentence for each thing removed. Called
   * when a process starts.
   */
  recover(): string[] {
    return sweepCorpusFolder(this.folder);
  }

  /** The references without text kept beside the sources (`references.json`); none when there is no such file. Throws `ReferenceListError` for a damaged list. */
  references(): CslItem[] {
    const file = join(this.folder, REFERENCES_FILE);
    if (!existsSync(file)) return [];
    return parseReferenceList(readFileSync(file, 'utf8'));
  }

  /** Replaces the references without text, atomically, and announces it (`references.changed`). */
  saveReferences(items: readonly CslItem[]): void {
    this.#guard('references');
    writeFileAtomic(join(this.folder, REFERENCES_FILE), serializeReferenceList(items), { overwrite: true });
    this.#watcher?.rememberReferences();
    this.#events.emit('references.changed', undefined);
  }

  /** Removes the reference without text `id` from the list; returns it. `not-found` when the list has none of that id. */
  removeReference(id: string): CslItem {
    const items = this.references();
    const removed = items.find((item) => item.id === id);
    if (!removed) throw referenceNotFound(id);
    this.saveReferences(items.filter((item) => item !== removed));
    return removed;
  }

  /** Edits the details of the reference without text `id` as a source's are edited (`MetadataError` for bad details); returns them. */
  updateReference(id: string, patch: MetadataPatch): CslItem {
    const items = this.references();
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw referenceNotFound(id);
    const next = applyMetadataPatch(items[index]!, patch);
    this.saveReferences(items.map((item, i) => (i === index ? next : item)));
    return next;
  }

  /**
   * Every readable source file with its content hash (for search); a file unchanged since the
   * last scan is not read again. `check` (default: every file) chooses the files parsed to learn
   * whether they can be read: search's index already holds most sources at their current bytes,
   * parsed when they were indexed, and parsing a large library again costs seconds. A file not
   * checked yet is listed as readable until a scan checks it.
   */
  async scan(options: ScanOptions = {}): Promise<CorpusFile[]> {
    const check = options.check ?? (() => true);
    let names: string[];
    try {
      names = sourceFileNames(await readdir(this.folder));
    } catch {
      throw folderUnreadable(this.folder);
    }
    const files: CorpusFile[] = [];
    const unreadable: UnreadableSource[] = [];
    for (const fileName of names) {
      const id = sourceIdOf(fileName);
      const file = join(this.folder, fileName);
      try {
        const info = await stat(file);
        let known = this.#scanned.get(id);
        let text: string | undefined;
        if (!known || known.size !== info.size || known.mtimeMs !== info.mtimeMs) {
          const bytes = await readFile(file);
          known = { size: info.size, mtimeMs: info.mtimeMs, hash: contentHash(bytes) };
          this.#scanned.set(id, known);
          text = bytes.toString('utf8');
        }
        if (known.problem === undefined && check(id, known.hash)) {
          const entry = this.#entry(id, fileName, text ?? (await readFile(file, 'utf8')));
          known.problem = entry.ok ? null : entry.problem;
        }
        if (known.problem) unreadable.push({ id, fileName, problem: known.problem });
        else files.push({ sourceId: id, file, hash: known.hash });
      } catch (error) {
        this.#scanned.delete(id);
        unreadable.push({ id, fileName, problem: sourceProblem(fileName, error) });
      }
    }
    this.#forgetOthers(names);
    this.#unreadable = unreadable;
    return files;
  }

  /** The source as last parsed (by `scan`, `list` or `get`), or undefined when it cannot be read. */
  source(sourceId: string): Source | undefined {
    const entry = this.#parsed.get(sourceId)?.entry;
    if (entry) return entry.ok ? entry.source : undefined;
    // A file the last scan found unreadable is not parsed again to show the same problem.
    if (this.#scanned.get(sourceId)?.problem) return undefined;
    try {
      return this.get(sourceId);
    } catch {
      return undefined;
    }
  }

  /**
   * Starts watching the folder for source files added, edited or removed by other programs (a
   * text editor, a rebuild of the corpus); each change is announced as `corpus.changed`.
   */
  watch(log: (message: string) => void = console.warn): void {
    this.#watcher ??= new CorpusWatcher(
      this.folder,
      (sourceIds) => this.#events.emit('corpus.changed', { sourceIds }),
      log,
      () => this.#events.emit('references.changed', undefined),
    );
  }

  /** Stops watching. */
  close(): void {
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  // A change this service made itself: the watcher learns it (so it is not announced twice) and
  // it is announced at once.
  #changed(sourceIds: string[]): void {
    this.#watcher?.remember(sourceIds);
    this.#events.emit('corpus.changed', { sourceIds });
  }

  #readAll(): { id: string; fileName: string; entry: Entry }[] {
    let names: string[];
    try {
      names = sourceFileNames(readdirSync(this.folder));
    } catch {
      throw folderUnreadable(this.folder);
    }
    const entries = names.map((fileName) => {
      const id = sourceIdOf(fileName);
      let entry: Entry;
      try {
        entry = this.#entry(id, fileName, readFileSync(join(this.folder, fileName), 'utf8'));
      } catch (error) {
        entry = { ok: false, problem: sourceProblem(fileName, error) };
      }
      return { id, fileName, entry };
    });
    this.#forgetOthers(names);
    this.#unreadable = entries.flatMap(({ id, fileName, entry }) => (entry.ok ? [] : [{ id, fileName, problem: entry.problem }]));
    return entries;
  }

  #text(id: string): string {
    // Ids are checked by the caller's schema too; this keeps a path out of the folder regardless.
    if (!SOURCE_ID_PATTERN.test(id)) throw noSource(id);
    const fileName = `${id}.md`;
    try {
      return readFileSync(join(this.folder, fileName), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw noSource(id);
      const problem = sourceProblem(fileName, error);
      throw new DomainError('corpus-unreadable', `${problem.reason} ${problem.repair}`);
    }
  }

  #entry(id: string, fileName: string, text: string): Entry {
    const cached = this.#parsed.get(id);
    if (cached?.text === text) {
      if (this.#keepParsed !== Number.POSITIVE_INFINITY) this.#touch(id, cached);
      return cached.entry;
    }
    let entry: Entry;
    try {
      const source = parseSource(text);
      entry = source.id === id ? { ok: true, source } : { ok: false, problem: misnamedProblem(fileName, source.id) };
    } catch (error) {
      entry = { ok: false, problem: sourceProblem(fileName, error) };
    }
    this.#touch(id, { text, entry });
    return entry;
  }

  // The parsed source becomes the most recently used; past `keepParsed`, the least recently used goes.
  #touch(id: string, parsed: { text: string; entry: Entry }): void {
    this.#parsed.delete(id);
    this.#parsed.set(id, parsed);
    if (this.#parsed.size > this.#keepParsed) this.#parsed.delete(this.#parsed.keys().next().value as string);
  }

  // Sources whose file is gone are dropped from the caches, so they do not hold memory.
  #forgetOthers(names: readonly string[]): void {
    const present = new Set(names.map(sourceIdOf));
    for (const id of [...this.#parsed.keys()]) if (!present.has(id)) this.#parsed.delete(id);
    for (const id of [...this.#scanned.keys()]) if (!present.has(id)) this.#scanned.delete(id);
  }
}

// The raw file a recipe names, when the recipe can be read and names one that may be in raw/.
function rawNamedBy(recipeFile: string): string | undefined {
  try {
    const raw = parseRecipe(readFileSync(recipeFile, 'utf8'), recipeFile).raw;
    return isRawName(raw) ? raw : undefined;
  } catch {
    return undefined;
  }
}

// A plain file name inside raw/: no folder, no hidden or parent name, nothing unprintable.
function isRawName(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here.
  return name.length > 0 && name.length <= 200 && !name.startsWith('.') && !/[/\\\u0000-\u001f]/u.test(name);
}

function noSource(id: string): DomainError {
  return new DomainError('not-found', `There is no source "${id}" in the corpus.`);
}

function folderUnreadable(folder: string): DomainError {
  return new DomainError('corpus-unreadable', `The corpus folder cannot be read: ${folder}`);
}

function sortKey(summary: SourceSummary): string {
  return `${summary.authors ?? summary.title}\u0000${summary.title}`;
}

function referenceNotFound(id: string): DomainError<'not-found'> {
  return new DomainError('not-found', `There is no reference without text “${id}” in the corpus; it may have been removed.`);
}
