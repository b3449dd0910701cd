import type { CliCommand } from './command.ts';
import { listCommand } from './list.ts';

/** Every `apparatus` command, in the order `apparatus --help` lists them. */
export const commands: CliCommand[] = [listCommand];
