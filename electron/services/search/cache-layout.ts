/**
 * Where shards live on disk: `<cache>/search/<pipeline version>/<sourceId>.<sha256>.json`.
 * The file name carries everything a shard's validity depends on, so checking the cache is a
 * matter of looking for one file name; see README.md for the invalidation rules.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder holding the shards of one pipeline version. */
export function versionFolder(cacheFolder: string, pipelineVersion: string): string {
  return join(cacheFolder, 'search', folderName(pipelineVersion));
}

/** A pipeline version as a portable folder name (anything unusual becomes `_`). */
function folderName(pipelineVersion: string): string {
  return pipelineVersion.replace(/[^A-Za-z0-9._+-]/g, '_');
}

/** The cache file of one source's shard for one content hash. */
export function shardFile(folder: string, sourceId: string, hash: string): string {
  return join(folder, `${sourceId}.${hash}.json`);
}

/** SHA-256 of a cleaned file's bytes, in hex: the content part of a shard's cache key. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One shard file found in a version folder. */
export interface CachedShardFile {
  sourceId: string;
  hash: string;
  file: string;
}

const SHARD_NAME = /^(.+)\.([0-9a-f]{64})\.json$/;

/** Every shard file in `folder` (none when it does not exist); other files are ignored. */
export function listShardFiles(folder: string): CachedShardFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const files: CachedShardFile[] = [];
  for (const name of names.sort()) {
    const match = SHARD_NAME.exec(name);
    if (match) files.push({ sourceId: match[1] as string, hash: match[2] as string, file: join(folder, name) });
  }
  return files;
}

/**
 * Removes the folders of every other pipeline version under `<cache>/search/`: their shards can
 * never be loaded again (a shard made by another version is rejected).
 */
export function removeOtherVersions(cacheFolder: string, keep: string): string[] {
  const root = join(cacheFolder, 'search');
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const removed = names.filter((name) => join(root, name) !== keep);
  for (const name of removed) rmSync(join(root, name), { recursive: true, force: true });
  return removed;
}

/**
 * Writes `text` to `file` through a temporary file and a rename, so a crash never leaves a
 * half-written shard under a valid name.
 */
export function writeFileAtomically(file: string, text: string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
