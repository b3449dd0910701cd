import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { AppServices } from '../services/app-services.ts';
import { zoteroBaseUrl } from '../services/interop/zotero-client.ts';
import { projectEvidence, whyReadOnly } from '../services/store/index.ts';
import { corpusFolder, folderFlag, projectFile, type CliContext, type CliOutcome } from './command.ts';

/** The folders a command names with `--corpus`, `--project` and `--cache` (each has a default). */
export interface ServiceOptions {
  corpus?: string;
  project?: string;
  cache?: string;
}

/**
 * Builds the process's services for a command (the project opened on first use, for reading or
 * writing), runs `work` and always closes them; a synchronous `work` stays synchronous, so its
 * errors are thrown, not returned as a rejection. A command that only reads still works on a
 * read-only project or a full disk, and its outcome's stderr then starts with a note that changes
 * cannot be saved; where the project's file is missing although a project was there, it is refused
 * as a command that writes would be. The search cache defaults to `cache/` beside the project database, or to the
 * system's temporary folder when nothing can be saved there.
 */
export function withServices<T>(values: ServiceOptions, context: CliContext, projectAccess: 'read' | 'write', work: (services: AppServices) => T): T {
  const project = projectFile(values.project, context);
  const note = projectAccess === 'read' ? readOnlyNote(project) : '';
  const services = new AppServices({
    corpusFolder: corpusFolder(values.corpus, context),
    projectFile: project,
    cacheFolder: cacheFolder(values.cache, project, context, note !== ''),
    projectAccess,
    zoteroUrl: zoteroBaseUrl(context.env),
    env: context.env,
  });
  let result: T;
  try {
    // A project whose file is gone is refused here as every command refuses it (with the restore
    // or accept to run): reading on, search took it for a folder where no project was ever made
    // and answered without the project's highlights, as if it had none.
    if (projectAccess === 'read' && !existsSync(project) && projectEvidence(project) !== undefined) void services.store;
    result = work(services);
  } catch (error) {
    void services.close();
    throw error;
  }
  if (result instanceof Promise) return result.then((value: unknown) => withNote(value, note)).finally(() => services.close()) as T;
  void services.close();
  return withNote(result, note);
}

/**
 * The note a reading command prints when the project `file` exists but cannot be changed now
 * (read-only folder or file, full disk), or '' when it can.
 */
export function readOnlyNote(file: string): string {
  const why = existsSync(file) ? whyReadOnly(file) : undefined;
  if (why === undefined) return '';
  const reason = why === 'disk-full' ? 'the disk holding the project is full' : 'the project is read-only';
  return `Note: ${reason}, so changes cannot be saved (${file}).\n`;
}

// A command's outcome gets the note first on stderr; any other result is returned as it is.
function withNote<T>(result: T, note: string): T {
  if (note === '' || !isOutcome(result)) return result;
  return { ...result, stderr: note + result.stderr };
}

function isOutcome(value: unknown): value is CliOutcome {
  return typeof value === 'object' && value !== null && typeof (value as Partial<CliOutcome>).stderr === 'string';
}

// `--cache DIR`, else `cache/` beside the project database, or, when nothing can be saved there
// (read-only media, a full disk), a folder of its own in the system's temporary folder.
function cacheFolder(flag: string | undefined, project: string, context: CliContext, readOnly: boolean): string {
  const folder = folderFlag('cache', flag);
  if (folder !== undefined) return resolve(context.cwd, folder);
  if (!readOnly) return join(dirname(project), 'cache');
  const key = createHash('sha256').update(project).digest('hex').slice(0, 16);
  return join(tmpdir(), `apparatus-search-cache-${key}`);
}
