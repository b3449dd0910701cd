import { annotateCommand } from './annotate.ts';
import { citeCommand } from './cite.ts';
import type { CliCommand } from './command.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { listCommand } from './list.ts';
import { projectCommand } from './project-command.ts';
import { searchCommand } from './search.ts';
import { tagCommand } from './tag.ts';

/** Every `apparatus` command, in the order `apparatus --help` lists them. */
export const commands: CliCommand[] = [listCommand, importCommand, annotateCommand, tagCommand, searchCommand, exportCommand, citeCommand, projectCommand];
