/**
 * File ▸ Project in the window: the project's integrity check, the copies it can be restored
 * from, and restoring one; and when another program removed or replaced the open project's files,
 * what happened and going on with the project as it is. The work is the store's own, the same that
 * `apparatus project check`, `backups`, `restore` and `accept` do; this service only closes the
 * open project around a restore or an acceptance, so that the app goes on without a restart.
 */
import type { ProjectAcceptDone, ProjectBackupView, ProjectCheckView, ProjectDecisionView, ProjectRestoreDone } from '../../core/api.ts';
import { existsSync } from 'node:fs';
import { acceptProjectAsIs, copyContents, everyRestorableCopy, inspectProject, restorableCopies, restoreCopy, whyReadOnly, type RestorableCopy, type StoreRecoveryError } from './store/index.ts';

/** How many lines of the integrity check's report the window shows. */
const SHOWN_PROBLEMS = 20;

/**
 * Runs `work` while the project is closed, then opens it again (the project `work` left in place,
 * or the one that was there if `work` failed).
 */
export type WhileClosed = <T>(work: () => T) => T;

/** Checks the project `file`, lists its backups and restores one, for the window. */
export class ProjectService {
  readonly #file: string;
  readonly #whileClosed: WhileClosed;
  readonly #stopped: () => StoreRecoveryError | undefined;

  /** `stopped` tells why the open project stopped saving, if it did. */
  constructor(file: string, whileClosed: WhileClosed, stopped: () => StoreRecoveryError | undefined = () => undefined) {
    this.#file = file;
    this.#whileClosed = whileClosed;
    this.#stopped = stopped;
  }

  /** Whether the project opens and passes SQLite's thorough integrity check; changes nothing. */
  check(): ProjectCheckView {
    const stopped = this.#stopped();
    // The open project's own connection would count as another program holding it.
    if (stopped) {
      const copies = restorableCopies(this.#file);
      return { file: this.#file, state: 'needs-decision', message: stopped.message, problems: [], contents: null, backups: { count: copies.length, newest: copies[0]?.created ?? null }, cannotSave: this.#cannotSave() };
    }
    const report = inspectProject(this.#file);
    return {
      file: report.file,
      state: report.state,
      message: report.message,
      problems: report.problems.slice(0, SHOWN_PROBLEMS),
      contents: report.contents ? { annotations: report.contents.annotations, tags: report.contents.tags } : null,
      backups: { count: report.restorable.length, newest: report.restorable[0]?.created ?? null },
      cannotSave: this.#cannotSave(),
    };
  }

  // A sound project that cannot be changed is still news: the next highlight would be refused.
  #cannotSave(): ProjectCheckView['cannotSave'] {
    return existsSync(this.#file) ? (whyReadOnly(this.#file) ?? null) : null;
  }

  /** Why the open project stopped saving and what each choice keeps, or null while it saves normally. */
  decision(): ProjectDecisionView | null {
    const stopped = this.#stopped();
    if (!stopped) return null;
    const copies = restorableCopies(this.#file);
    const recovery = stopped.recoveryCopy === undefined ? undefined : copies.find((copy) => copy.path === stopped.recoveryCopy);
    // Read from the file alone: the stopped connection still holds the journal it opened.
    const project = copyContents(this.#file);
    return {
      happened: stopped.happened ?? stopped.message,
      recoveryCopy: recovery ? describe(recovery) : null,
      project: project ? { annotations: project.annotations, tags: project.tags } : null,
      copies: copies.length,
    };
  }

  /**
   * Goes on with the project as it now is, as `apparatus project accept` does, once the open
   * project stopped saving: the project is closed, its recovery copy (if any) kept among the
   * backups, and the project opened again. While the project saves normally there is nothing to
   * do, and nothing is done.
   */
  accept(): ProjectAcceptDone {
    if (!this.#stopped()) return { done: [] };
    return { done: this.#whileClosed(() => acceptProjectAsIs(this.#file)) };
  }

  /**
   * The copies the project can be restored from, newest first, with what each holds: the project
   * files earlier restores replaced among them, so that a restore can be undone.
   */
  backups(): ProjectBackupView[] {
    return everyRestorableCopy(this.#file).map(describe);
  }

  /**
   * Replaces the project by the copy `name`, as `apparatus project restore` does: the project is
   * closed first, the file it replaces is kept beside it, and the restored project is opened.
   */
  restore(name: string): ProjectRestoreDone {
    const path = everyRestorableCopy(this.#file).find((copy) => copy.name === name)?.path;
    // Read before the restore: a recovery copy moves into the backups folder as it is restored.
    const contents = path === undefined ? undefined : copyContents(path);
    const done = this.#whileClosed(() => restoreCopy(this.#file, name));
    const { name: restored, kind, created, bytes } = done.restored;
    return {
      restored: { name: restored, kind, created, bytes, contents: contents ? { annotations: contents.annotations, tags: contents.tags } : null },
      setAside: done.setAside ?? null,
    };
  }
}

function describe(copy: RestorableCopy): ProjectBackupView {
  const contents = copyContents(copy.path);
  return {
    name: copy.name,
    kind: copy.kind,
    created: copy.created,
    bytes: copy.bytes,
    contents: contents ? { annotations: contents.annotations, tags: contents.tags } : null,
  };
}
