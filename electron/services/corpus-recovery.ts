/**
 * What a process killed while writing the corpus folder leaves behind, and its removal when a
 * process next starts: temporary files of `writeFileAtomic` (in the folder, `raw/` and
 * `recipes/`), and the raw copy and recipe of an import whose cleaned file was never written.
 * An import marks itself with a pending-import file before writing and removes it after; a
 * marker whose process is gone names what to remove. Files of a process still running are never
 * touched; every removal is said.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempFileOwner } from './atomic-write.ts';

const PENDING = /^\.import-([a-z0-9-]+)\.pending$/;
// A temporary named before it carried its writer's id is left alone while it may still be written.
const OLD_TEMPORARY_MS = 10 * 60 * 1000;

/** The marker an import of `id` writes before its files and removes after, relative to the corpus folder. */
export function pendingImportPath(id: string): string {
  return join('recipes', `.import-${id}.pending`);
}

/** The text of a pending-import marker: this process and the files the import writes (relative to the corpus folder). */
export function pendingImportText(files: readonly string[]): string {
  return `${JSON.stringify({ pid: process.pid, files })}\n`;
}

/** Removes what killed processes left in the corpus folder; returns one sentence per thing removed. */
export function sweepCorpusFolder(folder: string, now = Date.now()): string[] {
  const said: string[] = [];
  for (const name of names(join(folder, 'recipes'))) {
    const pending = PENDING.exec(name);
    if (pending) said.push(...finishPending(folder, join('recipes', name), pending[1] as string));
  }
  let temporaries = 0;
  for (const sub of ['', 'raw', 'recipes']) {
    const dir = join(folder, sub);
    for (const name of names(dir)) {
      const owner = tempFileOwner(name);
      if (!owner) continue;
      const path = join(dir, name);
      const dead = owner.pid === null ? olderThan(path, now, OLD_TEMPORARY_MS) : !running(owner.pid);
      if (dead && remove(path)) temporaries += 1;
    }
  }
  if (temporaries > 0) {
    said.push(`Removed ${temporaries} temporary file${temporaries === 1 ? '' : 's'} left in the corpus folder by an Apparatus that was stopped while writing; no source was changed.`);
  }
  return said;
}

function finishPending(folder: string, marker: string, id: string): string[] {
  const path = join(folder, marker);
  let record: { pid?: unknown; files?: unknown };
  try {
    record = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; files?: unknown };
  } catch {
    record = {};
  }
  if (typeof record.pid === 'number' && running(record.pid)) return [];
  const files = Array.isArray(record.files) ? record.files.filter((file): file is string => typeof file === 'string' && safe(file)) : [];
  const cleaned = `${id}.md`;
  const finished = files.includes(cleaned) && exists(join(folder, cleaned));
  const removed = finished ? [] : files.filter((file) => exists(join(folder, file)) && remove(join(folder, file)));
  remove(path);
  if (removed.length === 0) return [];
  return [
    `The import of “${id}” was interrupted before its cleaned source was written; its leftover ${removed.join(' and ')} ` +
      'were removed, and the corpus is as it was before. Import the file again.',
  ];
}

// A path inside the corpus folder, as an import writes them.
function safe(file: string): boolean {
  return !file.split(/[\\/]/).some((part) => part === '..' || part === '') && !file.startsWith('/');
}

function names(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function olderThan(path: string, now: number, ms: number): boolean {
  try {
    return now - statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function remove(path: string): boolean {
  try {
    rmSync(path);
    return true;
  } catch {
    return false;
  }
}
