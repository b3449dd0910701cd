import { annotateCommand } from './annotate.ts';
import { annotationsCommand } from './annotations-import.ts';
import { citeCommand } from './cite.ts';
import type { CliCommand } from './command.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { listCommand } from './list.ts';
import { refsCommand } from './refs.ts';
import { projectCommand } from './project-command.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';
import { tagCommand } from './tag.ts';
import { zoteroCommand } from './zotero.ts';

/** Every `apparatus` command, in the order `apparatus --help` lists them. */
export const commands: CliCommand[] = [
  listCommand,
  importCommand,
  annotateCommand,
  tagCommand,
  searchCommand,
  exportCommand,
  citeCommand,
  refsCommand,
  annotationsCommand,
  zoteroCommand,
  serveCommand,
  projectCommand,
];
