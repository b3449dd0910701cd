import { join, resolve } from 'node:path';

/** The file name of the project database inside a project folder. */
export const PROJECT_FILE_NAME = 'project.sqlite';

/** Where to look for the project, as the CLI and the app know it. */
export interface ProjectLocation {
  /** The CLI's `--project DIR`, if given. */
  projectDir?: string | undefined;
  /** The environment; `APPARATUS_PROJECT` names a project folder (tests use it). */
  env: Readonly<Record<string, string | undefined>>;
  /** The per-user application data folder (Electron's `app.getPath('appData')`). */
  appDataDir: string;
}

/**
 * The absolute path of the project database: `<--project DIR>/project.sqlite` first, then
 * `<$APPARATUS_PROJECT>/project.sqlite`, else `<appDataDir>/Apparatus/project.sqlite`. Empty
 * values count as absent. Relative folders are resolved against the current directory.
 */
export function resolveProjectFile(location: ProjectLocation): string {
  const folder = nonEmpty(location.projectDir) ?? nonEmpty(location.env.APPARATUS_PROJECT);
  if (folder !== undefined) return resolve(folder, PROJECT_FILE_NAME);
  return resolve(join(location.appDataDir, 'Apparatus', PROJECT_FILE_NAME));
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
