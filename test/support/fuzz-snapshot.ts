/**
 * What a rejected IPC payload must leave untouched: the project store (annotations, tags, every
 * setting) and every file of the corpus folder, captured as comparable plain data.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ProjectStore } from '../../electron/services/store/index.ts';

/** The observable state of a project and its corpus at one moment. */
export interface WorldSnapshot {
  annotations: unknown[];
  tags: unknown[];
  settings: Record<string, string>;
  /** Relative path → sha256 of every file under the corpus folder. */
  corpus: Record<string, string>;
}

/** Takes snapshots of one store and corpus folder; `close` releases the settings reader. */
export interface Snapshotter {
  take(): WorldSnapshot;
  close(): void;
}

/** sha256 of every file under `folder`, keyed by its path relative to the folder. */
export function hashFolder(folder: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return hashes;
}

/**
 * Snapshots `store` through its own reads and its settings table through a second, read-only
 * connection (the store has no call that lists every setting), plus the corpus folder's files.
 */
export function snapshotter(store: ProjectStore, databaseFile: string, corpusDir: string): Snapshotter {
  const reader = new DatabaseSync(databaseFile, { readOnly: true });
  const settingsQuery = reader.prepare('SELECT key, value FROM settings ORDER BY key');
  return {
    take: () => ({
      annotations: store.list(),
      tags: store.listTags(),
      settings: Object.fromEntries(settingsQuery.all().map((row) => [String(row.key), String(row.value)])),
      corpus: hashFolder(corpusDir),
    }),
    close: () => reader.close(),
  };
}
