/**
 * Where segments live on disk and how they are written:
 *
 *   <cache>/search/<pipeline version>/<sourceId>.<sha256 of the cleaned file>.json   one source
 *   <cache>/search/<pipeline version>/segment.<sha256 of the segment>.seg            merged
 *
 * A file never changes once written: its name carries its content's identity, so two processes
 * writing the same segment write the same bytes, and a rename makes it appear whole or not at
 * all. Temporary files carry the writer's process id and are removed on any failure (or, after a
 * crash, by the next process that finds their writer gone). See README.md for the rules.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder holding the segments of one pipeline version. */
export function versionFolder(cacheFolder: string, pipelineVersion: string): string {
  return join(cacheFolder, 'search', folderName(pipelineVersion));
}

/** A pipeline version as a portable folder name (anything unusual becomes `_`). */
function folderName(pipelineVersion: string): string {
  return pipelineVersion.replace(/[^A-Za-z0-9._+-]/g, '_');
}

/** The file of the segment of one source at one content hash. */
export function sourceSegmentFile(folder: string, sourceId: string, hash: string): string {
  return join(folder, `${sourceId}.${hash}.json`);
}

/** The file of a merged segment, named by the hash of its bytes. */
export function mergedSegmentFile(folder: string, hash: string): string {
  return join(folder, `segment.${hash}.seg`);
}

/** SHA-256 in hex: of a cleaned file's bytes, or of a merged segment's. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file found in a version folder. */
export type CacheEntry =
  | { kind: 'source'; name: string; file: string; sourceId: string; hash: string }
  | { kind: 'merged'; name: string; file: string; hash: string }
  | { kind: 'temporary'; name: string; file: string; pid: number };

const SOURCE_NAME = /^(.+)\.([0-9a-f]{64})\.json$/;
const MERGED_NAME = /^segment\.([0-9a-f]{64})\.seg$/;
const TEMPORARY_NAME = /\.(\d+)\.[0-9a-z]+\.tmp$/;

/** Every segment and temporary file in `folder`, by name (none when it does not exist). */
export function listCache(folder: string): CacheEntry[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const entries: CacheEntry[] = [];
  for (const name of names.sort()) {
    const file = join(folder, name);
    const temporary = TEMPORARY_NAME.exec(name);
    if (temporary) {
      entries.push({ kind: 'temporary', name, file, pid: Number(temporary[1]) });
      continue;
    }
    const merged = MERGED_NAME.exec(name);
    if (merged) {
      entries.push({ kind: 'merged', name, file, hash: merged[1] as string });
      continue;
    }
    const source = SOURCE_NAME.exec(name);
    if (source) entries.push({ kind: 'source', name, file, sourceId: source[1] as string, hash: source[2] as string });
  }
  return entries;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** Deletes temporary files left by a writer that is gone (a crash), or older than an hour. */
export function removeAbandonedTemporaries(folder: string): void {
  for (const entry of listCache(folder)) {
    if (entry.kind !== 'temporary') continue;
    try {
      if (!alive(entry.pid) || Date.now() - statSync(entry.file).mtimeMs > STALE_TEMPORARY_MS) rmSync(entry.file, { force: true });
    } catch {
      // Already gone, or not ours to delete: either way nothing to do.
    }
  }
}

/**
 * Removes the folders of every other pipeline version under `<cache>/search/`: their segments
 * can never be loaded again. Failures are ignored (another process may be using them).
 */
export function removeOtherVersions(cacheFolder: string, keep: string): void {
  const root = join(cacheFolder, 'search');
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (join(root, name) === keep) continue;
    try {
      rmSync(join(root, name), { recursive: true, force: true });
    } catch {
      // Left for a later start.
    }
  }
}

/**
 * Writes `bytes` to `file` through a temporary file and a rename, so a crash never leaves a
 * half-written segment under a valid name. On failure the temporary file is removed and the
 * error rethrown.
 */
export function writeFileAtomically(file: string, bytes: Uint8Array | string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Why a cache write failed, in words a historian can act on. */
export function cacheWriteProblem(folder: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the folder cannot be written to'
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? 'a file stands where the folder should be'
          : `the system said: ${(error as Error | undefined)?.message ?? String(error)}`;
  return `The search index could not be saved in ${folder} (${reason}). Searching works from memory, but the library will be indexed again next time.`;
}
