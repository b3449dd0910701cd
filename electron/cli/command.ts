import { constants, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveProjectFile } from '../services/store/index.ts';
import { didYouMean } from './suggest.ts';

/** What a command printed and the exit code it asks for; commands never exit the process. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where a command runs: its environment and the folders it works on. */
export interface CliContext {
  env: Record<string, string | undefined>;
  cwd: string;
  platform: NodeJS.Platform;
  /** Asks the user a yes/no question on the terminal; absent when no one can answer (not a terminal). */
  confirm?: (question: string) => Promise<boolean>;
  /** Shows how far long work has come on one line of the terminal ('' clears it); absent when no terminal shows it. */
  progress?: (line: string) => void;
  /**
   * Lets the command stop cleanly on Ctrl-C or SIGTERM (see `interruptSignal`), from the call to
   * the end of the process; absent when the command does not run in a process of its own.
   */
  interruption?: () => AbortSignal;
}

/** One `apparatus <name>` command. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full usage text of the command. */
  usage: string;
  run(args: string[], context: CliContext): CliOutcome | Promise<CliOutcome>;
}

/** A usage error: exit code 2 with the message and the command's usage. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** The options every command accepts, for `parseArgs`. */
export const COMMON_OPTIONS = {
  corpus: { type: 'string' },
  project: { type: 'string' },
  help: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Parses a command's arguments strictly; every mistake becomes a CliUsageError in plain words. An
 * option's value may start with one "-" (`--quote -text`, `--limit -3`, to be refused by the
 * command as a number), but not with "--": `--note --json` is a note forgotten, not the note
 * "--json". An option that takes one value, given twice with different values, is refused
 * rather than one of them silently winning.
 */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  const all = { ...COMMON_OPTIONS, ...options };
  const checked = checkedArgs(args, all);
  try {
    return parseArgs({ args: checked, options: all, allowPositionals: true, strict: true });
  } catch (error) {
    // The check above names every mistake it knows of; one it missed is still no stack trace.
    throw new CliUsageError((error as Error).message);
  }
}

// Reads `args` leniently, refuses what is wrong with them in plain words, and returns them with
// every option's value attached (`--name=value`), which the strict reading then takes as given.
function checkedArgs(args: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const given = new Map<string, string>();
  const out: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') out.push(token.value);
    else if (token.kind === 'option-terminator') out.push('--');
    else {
      const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
      if (option === undefined || !token.rawName.startsWith('--')) throw new CliUsageError(unknownOption(args[token.index] as string, token.rawName, options));
      if (option.type === 'boolean') {
        if (token.inlineValue) throw new CliUsageError(`${token.rawName} takes no value (give ${token.rawName} alone)`);
        out.push(token.rawName);
        continue;
      }
      const value = token.value;
      if (value === undefined || (!token.inlineValue && value.startsWith('--'))) {
        throw new CliUsageError(`${token.rawName} needs a value (${token.rawName} VALUE, or ${token.rawName}=VALUE for a value that starts with "--")`);
      }
      const earlier = given.get(token.name);
      if (!option.multiple && earlier !== undefined && earlier !== value) {
        throw new CliUsageError(`${token.rawName} was given twice, as "${earlier}" and as "${value}": give it once`);
      }
      given.set(token.name, value);
      out.push(`${token.rawName}=${value}`);
    }
  }
  return out;
}

/** The usage error for an action `action` that is not one of `actions`, naming the nearest if one is close. */
export function unknownAction(action: string, actions: readonly string[]): CliUsageError {
  return new CliUsageError(`unknown action "${action}".${didYouMean(action, actions)}`);
}

/**
 * Refuses words beyond the `expected` first positionals: a word too many is a mistake (a source id
 * given to `annotate list` without `--source` would otherwise list every annotation).
 */
export function noMoreArgs(positionals: readonly string[], expected: number, what: string): void {
  const extra = positionals.slice(expected);
  if (extra.length > 0) throw new CliUsageError(`unexpected ${extra.map((word) => `"${word}"`).join(' ')}: ${what}`);
}

/**
 * Refuses an option given to an action it does not go with (`annotate list --quote`,
 * `project accept --json`): taken silently, it would let the historian believe it was obeyed.
 */
export function onlyOptions(values: Record<string, unknown>, allowed: readonly string[], action: string): void {
  const common = Object.keys(COMMON_OPTIONS);
  const stray = Object.keys(values).filter((name) => values[name] !== undefined && !common.includes(name) && !allowed.includes(name));
  if (stray.length > 0) {
    const given = stray.map((name) => `--${name}`).join(', ');
    const takes = allowed.length === 0 ? 'no options' : allowed.map((name) => `--${name}`).join(', ');
    throw new CliUsageError(`${given} does not go with ${action}, which takes ${takes}`);
  }
}

function unknownOption(arg: string, rawName: string, options: NonNullable<ParseArgsConfig['options']>): string {
  if (!rawName.startsWith('--')) {
    return `unknown option "${arg}": options start with "--"; to give a word that starts with "-", put "--" before it (-- ${arg})`;
  }
  return `Unknown option '${rawName}'.${didYouMean(rawName.slice(2), Object.keys(options), (name) => `--${name}`)}`;
}

/** The corpus folder: `--corpus`, else `$APPARATUS_CORPUS` (when not empty), else `./corpus`. */
export function corpusFolder(flag: string | undefined, context: CliContext): string {
  const env = context.env.APPARATUS_CORPUS;
  return resolve(context.cwd, folderFlag('corpus', flag) ?? (env === undefined || env.trim() === '' ? 'corpus' : env));
}

/** The project database: `--project DIR`, else `$APPARATUS_PROJECT`, else the app's data folder. */
export function projectFile(flag: string | undefined, context: CliContext): string {
  const folder = folderFlag('project', flag);
  return resolveProjectFile({
    projectDir: folder === undefined ? undefined : resolve(context.cwd, folder),
    env: context.env,
    appDataDir: appDataFolder(context),
  });
}

/**
 * The folder given with `--<name>`, refused when empty (`--project "$DIR"` with DIR unset): taken
 * as the current folder, it made a project or a cache there; taken as absent, it would work in
 * the app's own project.
 */
export function folderFlag(name: string, flag: string | undefined): string | undefined {
  if (flag !== undefined && flag.trim() === '') throw new CliUsageError(`--${name} needs a folder, not an empty value`);
  return flag;
}

/** The folder Electron's `app.getPath('appData')` names on each platform, so the CLI and the app share a project. */
export function appDataFolder(context: CliContext): string {
  const home = context.env.HOME ?? homedir();
  if (context.platform === 'win32') return context.env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (context.platform === 'darwin') return join(home, 'Library', 'Application Support');
  return context.env.XDG_CONFIG_HOME ?? join(home, '.config');
}

/** A successful outcome printing `stdout`. */
export function ok(stdout: string): CliOutcome {
  return { code: 0, stdout, stderr: '' };
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM): how a command that runs until stopped waits. */
export function untilStopped(): Promise<void> {
  return new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * Takes over Ctrl-C (SIGINT) and SIGTERM for the rest of the process: the first aborts the signal
 * returned instead of stopping the process at once, so that work in progress ends cleanly (never
 * half-way through writing a file); a second stops the process as usual. The signal's reason is
 * the name of the signal received.
 */
export function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = (name: NodeJS.Signals) => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    controller.abort(name);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}

/** The exit code of a command stopped by `signal` (from `interruptSignal`): 128 and the signal's number, as shells report it (130 for Ctrl-C). */
export function interruptedCode(signal: AbortSignal): number {
  const name = signal.reason as NodeJS.Signals;
  return 128 + (constants.signals[name] ?? constants.signals.SIGINT);
}
