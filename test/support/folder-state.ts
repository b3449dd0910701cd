/**
 * What "the folder is unchanged" means, as plain data to compare: every entry under a folder
 * (hidden ones and folders too), with each file's bytes (SHA-256) and modification time.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One entry: a folder, or a file with its size, hash and modification time (ns). */
export type EntryState =
  | { kind: 'folder'; mtimeNs: bigint }
  | { kind: 'file'; size: number; sha256: string; mtimeNs: bigint }
  | { kind: 'other' };

/** Relative path (with `/`; folders end in `/`, the folder itself is `./`) → state of every entry. */
export type FolderState = Record<string, EntryState>;

/**
 * The state of `folder` and every entry under it, recursively; nothing is followed through a
 * link. A folder's modification time changes when a name in it comes or goes, so a temporary
 * file that was made and removed again still shows.
 */
export function folderState(folder: string): FolderState {
  const state: FolderState = { './': { kind: 'folder', mtimeNs: lstatSync(folder, { bigint: true }).mtimeNs } };
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = relative(folder, path).split('\\').join('/');
      const stat = lstatSync(path, { bigint: true });
      if (stat.isDirectory()) {
        state[`${key}/`] = { kind: 'folder', mtimeNs: stat.mtimeNs };
        walk(path);
      } else if (stat.isFile()) {
        const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
        state[key] = { kind: 'file', size: Number(stat.size), sha256, mtimeNs: stat.mtimeNs };
      } else {
        state[key] = { kind: 'other' };
      }
    }
  };
  walk(folder);
  return state;
}

/** `state` with the modification times left out: what "byte-identical" compares. */
export function contentOf(state: FolderState): Record<string, string> {
  const content: Record<string, string> = {};
  for (const [key, entry] of Object.entries(state)) content[key] = entry.kind === 'file' ? entry.sha256 : entry.kind;
  return content;
}

/** What differs between two states of a folder, as sorted lists of paths. */
export interface FolderChanges {
  added: string[];
  removed: string[];
  /** Entries whose bytes or modification time differ (a folder: a name in it came or went). */
  changed: string[];
}

/** The paths added, removed or changed from `before` to `after`. */
export function folderChanges(before: FolderState, after: FolderState): FolderChanges {
  const added = Object.keys(after).filter((key) => !(key in before));
  const removed = Object.keys(before).filter((key) => !(key in after));
  const changed = Object.keys(after).filter((key) => key in before && !sameEntry(before[key]!, after[key]!));
  return { added, removed, changed };
}

function sameEntry(a: EntryState, b: EntryState): boolean {
  if (a.kind === 'file' && b.kind === 'file') {
    return a.sha256 === b.sha256 && a.size === b.size && a.mtimeNs === b.mtimeNs;
  }
  if (a.kind === 'folder' && b.kind === 'folder') return a.mtimeNs === b.mtimeNs;
  return a.kind === b.kind;
}

/**
 * Sets the access and modification times of `folder` and everything under it to `when` (default
 * 1 January 2001), so that any later write shows as a new time even on a clock that ticks
 * coarsely (a file system stamps times in steps of a few milliseconds).
 */
export function backdate(folder: string, when = new Date('2001-01-01T00:00:00Z')): void {
  for (const name of readdirSync(folder, { recursive: true })) utimesSync(join(folder, String(name)), when, when);
  utimesSync(folder, when, when);
}
