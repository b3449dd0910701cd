/**
 * Creating a folder and its missing parents one level at a time. Node's recursive `mkdirSync`
 * never returns for a path the system refuses with "no such file" although the parent exists
 * (any path under /proc): it retries the same level forever. Here each level is made once, and a
 * refusal says, in words, which folder could not be made and why.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Why a folder could not be made, in words; the path of the level that failed is in `at`. */
export class FolderRefusal extends Error {
  override name = 'FolderRefusal';
  readonly at: string;

  constructor(at: string, message: string) {
    super(message);
    this.at = at;
  }
}

/** Makes `folder` (an absolute path) and its missing parents; throws `FolderRefusal` with the reason. */
export function createFolder(folder: string): void {
  const missing: string[] = [];
  let level = folder;
  for (;;) {
    const kind = kindOf(level);
    if (kind === 'folder') break;
    if (kind === 'other') throw new FolderRefusal(level, `${level} is a file, not a folder.`);
    const parent = dirname(level);
    if (parent === level) break;
    missing.unshift(level);
    level = parent;
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && kindOf(path) === 'folder') continue;
      throw new FolderRefusal(path, reasonFor(path, code));
    }
  }
}

function kindOf(path: string): 'folder' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

function reasonFor(path: string, code: string | undefined): string {
  const parent = dirname(path);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `this account may not create folders in ${parent}.`;
    case 'EROFS':
      return `${parent} is on a disk that cannot be written.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk holding ${parent} is full.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `the system does not allow folders in ${parent}.`;
    case 'EEXIST':
      return `${path} is a file, not a folder.`;
    default:
      return `the system refused to create ${path} (${code ?? 'unknown reason'}).`;
  }
}
