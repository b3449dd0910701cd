/**
 * How the store knows that a project existed where its file is now missing, so that it never
 * silently starts an empty project in its place: a marker file written beside the database once
 * the project holds something, and, for projects older than the marker, their backups and the
 * copies set aside when a file was damaged or replaced.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { listBackups } from './backups.ts';
import { syncFolder } from '../atomic-write.ts';

const MARKER_TEXT = (name: string) =>
  `This file tells Apparatus that a project database lives beside it (${name}).\n` +
  'If that file goes missing, Apparatus says so and offers to restore a backup instead of\n' +
  'starting an empty project. Keep this file together with the project.\n';

/** The marker file of the project database `file`. */
export function markerFile(file: string): string {
  return `${file}.marker`;
}

/** Writes the marker of `file` if it is missing; false if it could not be written. */
export function markProject(file: string): boolean {
  const marker = markerFile(file);
  if (existsSync(marker)) return true;
  const partial = `${marker}.partial`;
  try {
    const fd = openSync(partial, 'w');
    try {
      writeSync(fd, MARKER_TEXT(basename(file)));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, marker);
    syncFolder(dirname(file));
    return true;
  } catch {
    // Only a hint for a later open; a disk that refuses it refuses the project's writes too.
    return false;
  }
}

/**
 * Why the store believes a project existed at `file` (to say so in a message), or undefined when
 * nothing suggests one did.
 */
export function projectEvidence(file: string): string | undefined {
  if (existsSync(markerFile(file))) return 'this folder held a project';
  if (listBackups(file).length > 0) return 'backups of a project exist in this folder';
  const name = basename(file);
  const siblings = readFolder(dirname(file));
  if (siblings.some((entry) => entry.startsWith(`${name}.damaged-`))) {
    return 'the damaged project file was set aside in this folder';
  }
  if (siblings.some((entry) => entry.startsWith(`${name}.replaced-`))) {
    return 'an earlier project file was set aside in this folder';
  }
  return undefined;
}

function readFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
