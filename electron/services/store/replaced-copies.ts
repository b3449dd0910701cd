/**
 * The project files a restore replaced: each restore keeps the project as it was beside it, as
 * `<file>.replaced-<stamp>` (see `replaceProjectFile`). Listed and restored like the backups, they
 * let a restore be undone, from the command line and from the window alike.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { escapeRegExp, fromStamp, isHealthy } from './backups.ts';
import { frozen } from './read-project-file.ts';

/** A project file a restore replaced, as a copy it can be restored from. */
export interface ReplacedCopy {
  /** The file name beside the project file. */
  name: string;
  kind: 'replaced';
  /** When the restore that replaced it was made (ISO 8601, UTC). */
  created: string;
  bytes: number;
  path: string;
}

/** The project files restores replaced beside `file` that open and pass SQLite's quick check, newest first. */
export function replacedCopies(file: string): ReplacedCopy[] {
  const folder = dirname(file);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const pattern = new RegExp(String.raw`^${escapeRegExp(basename(file))}\.replaced-(\d{8}T\d{6}\.\d{3}Z)(?:-(\d+))?$`);
  const found: { copy: ReplacedCopy; order: string }[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const path = join(folder, name);
    if (!opensSound(path)) continue;
    const [, stamp, counter] = match as unknown as [string, string, string?];
    const order = `${stamp}-${(counter ?? '1').padStart(6, '0')}`;
    found.push({ copy: { name, kind: 'replaced', created: fromStamp(stamp), bytes: statSync(path).size, path }, order });
  }
  found.sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0));
  return found.map((entry) => entry.copy);
}

// The file alone is checked (the store writes every commit into it), opened as unchanging, so
// that listing leaves no working files beside it.
function opensSound(path: string): boolean {
  return isHealthy(path, frozen);
}
