/**
 * File ▸ Project in the window: the project's integrity check, the copies it can be restored
 * from, and restoring one. The work is the store's own, the same that `apparatus project check`,
 * `backups` and `restore` do; this service only closes the open project around a restore.
 */
import type { ProjectBackupView, ProjectCheckView, ProjectRestoreDone } from '../../core/api.ts';
import { copyContents, inspectProject, restorableCopies, restoreCopy, type RestorableCopy } from './store/index.ts';

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

  constructor(file: string, whileClosed: WhileClosed) {
    this.#file = file;
    this.#whileClosed = whileClosed;
  }

  /** Whether the project opens and passes SQLite's thorough integrity check; changes nothing. */
  check(): ProjectCheckView {
    const report = inspectProject(this.#file);
    return {
      file: report.file,
      state: report.state,
      message: report.message,
      problems: report.problems.slice(0, SHOWN_PROBLEMS),
      contents: report.contents ? { annotations: report.contents.annotations, tags: report.contents.tags } : null,
      backups: { count: report.restorable.length, newest: report.restorable[0]?.created ?? null },
    };
  }

  /** The copies the project can be restored from, newest first, with what each holds. */
  backups(): ProjectBackupView[] {
    return restorableCopies(this.#file).map(describe);
  }

  /**
   * Replaces the project by the copy `name`, as `apparatus project restore` does: the project is
   * closed first, the file it replaces is kept beside it, and the restored project is opened.
   */
  restore(name: string): ProjectRestoreDone {
    const path = restorableCopies(this.#file).find((copy) => copy.name === name)?.path;
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
