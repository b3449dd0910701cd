import { dirname, join, resolve } from 'node:path';
import { AppServices } from '../services/app-services.ts';
import { zoteroBaseUrl } from '../services/interop/zotero-client.ts';
import { corpusFolder, projectFile, type CliContext } from './command.ts';

/** The folders a command names with `--corpus`, `--project` and `--cache` (each has a default). */
export interface ServiceOptions {
  corpus?: string;
  project?: string;
  cache?: string;
}

/**
 * Builds the process's services for a command (the project opened on first use, for reading or
 * writing), runs `work` and always closes them; a synchronous `work` stays synchronous, so its
 * errors are thrown, not returned as a rejection. The search cache defaults to `cache/` beside
 * the project database.
 */
export function withServices<T>(values: ServiceOptions, context: CliContext, projectAccess: 'read' | 'write', work: (services: AppServices) => T): T {
  const project = projectFile(values.project, context);
  const services = new AppServices({
    corpusFolder: corpusFolder(values.corpus, context),
    projectFile: project,
    cacheFolder: values.cache === undefined ? join(dirname(project), 'cache') : resolve(context.cwd, values.cache),
    projectAccess,
    zoteroUrl: zoteroBaseUrl(context.env),
  });
  let result: T;
  try {
    result = work(services);
  } catch (error) {
    void services.close();
    throw error;
  }
  if (result instanceof Promise) return result.finally(() => services.close()) as T;
  void services.close();
  return result;
}
