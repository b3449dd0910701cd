/**
 * A report on the project for `apparatus project check`: whether it can be opened, what SQLite's
 * thorough `integrity_check` says about the file, and what could be restored. It changes nothing:
 * a damaged file is reported, not moved aside.
 */
import { existsSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { checkBeforeOpening } from './open-checks.ts';
import { frozen, readProjectFile } from './read-project-file.ts';
import { projectEvidence } from './project-marker.ts';
import { restorableCopies } from './recovery.ts';
import type { RestorableCopy } from './recovery.ts';
import { StoreRecoveryError } from './store-errors.ts';

/** What `inspectProject` found. */
export interface ProjectReport {
  file: string;
  /**
   * `sound`: opens and passes the integrity check; `none`: no project was ever here;
   * `damaged`: the file fails the check or is not a database; `needs-decision`: the project must
   * be restored or accepted as it is first (`message` says why).
   */
  state: 'sound' | 'none' | 'damaged' | 'needs-decision';
  /** What is wrong, for the user; empty when sound. */
  message: string;
  /** What `integrity_check` reported, when it could run and found problems. */
  problems: string[];
  /** What the file holds, when it could be read. */
  contents?: { annotations: number; tags: number; format: number };
  restorable: RestorableCopy[];
}

/** Inspects the project database `file` without changing anything. */
export function inspectProject(file: string): ProjectReport {
  const restorable = restorableCopies(file);
  let decision: StoreRecoveryError | undefined;
  try {
    checkBeforeOpening(file);
  } catch (error) {
    if (!(error instanceof StoreRecoveryError)) throw error;
    decision = error;
  }
  if (!existsSync(file)) {
    if (decision) return { file, state: 'needs-decision', message: decision.message, problems: [], restorable };
    const evidence = projectEvidence(file);
    const message = evidence ? `The project file is missing, although ${evidence}.` : 'There is no project here yet.';
    return { file, state: evidence ? 'needs-decision' : 'none', message, problems: [], restorable };
  }
  // With a decision pending the journal cannot be trusted: the file alone is checked.
  const read = readProjectFile(file, decision !== undefined, count);
  if (read.problems.length > 0) {
    const message = 'The project file is damaged: SQLite’s integrity check found problems.';
    return { file, state: 'damaged', message: decision?.message ?? message, problems: read.problems, restorable };
  }
  return {
    file,
    state: decision ? 'needs-decision' : 'sound',
    message: decision?.message ?? '',
    problems: [],
    ...(read.contents ? { contents: read.contents } : {}),
    restorable,
  };
}

/**
 * What the copy `file` (a backup, closed, never written) holds: its highlights and tags; undefined
 * when it cannot be read. It is opened as an unchanging file, so nothing is created beside it.
 */
export function copyContents(file: string): ProjectReport['contents'] {
  let db: DatabaseSync | undefined;
  try {
    db = frozen(file);
    return count(db);
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

function count(db: DatabaseSync): ProjectReport['contents'] {
  const number = (sql: string) => Number(Object.values(db.prepare(sql).get() ?? {})[0] ?? 0);
  const hasTables = number("SELECT count(*) FROM sqlite_schema WHERE name IN ('annotations', 'tags')") === 2;
  return {
    annotations: hasTables ? number('SELECT count(*) FROM annotations') : 0,
    tags: hasTables ? number('SELECT count(*) FROM tags') : 0,
    format: number('PRAGMA user_version'),
  };
}
