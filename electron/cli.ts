// The `apparatus` command line: the same services as the app, without Electron.
// Run it with `npm run apparatus -- <command>` (or `node electron/cli.ts <command>` on Node 24).
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { CliUsageError, interruptSignal, type CliContext, type CliOutcome } from './cli/command.ts';
import { commands } from './cli/commands.ts';
import { DomainError } from '../core/errors.ts';
import { recoveryHint } from './cli/project-command.ts';
import { didYouMean } from './cli/suggest.ts';
import { jsonFailure, wantsJson } from './cli/json-error.ts';

function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: apparatus <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nEvery command accepts --corpus DIR (default ./corpus or $APPARATUS_CORPUS),\n--project DIR (default the app's data folder or $APPARATUS_PROJECT) and --help.\nWith --json, a failure prints one JSON object on stderr instead of words, stdout empty:\n  {"error": {"kind": "usage" (exit 2) or another kind (exit 1), "code"?, "message", "next"?: [lines]}}\n`;
}

/** Runs one command line (without `node` and the script name) and returns what it printed. */
export async function run(argv: string[], context: CliContext): Promise<CliOutcome> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    return { code: name === undefined ? 2 : 0, stdout: name === undefined ? '' : usage(), stderr: name === undefined ? usage() : '' };
  }
  const json = wantsJson(args);
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const near = didYouMean(name, commands.map((candidate) => candidate.name));
    if (json) return jsonFailure(2, { kind: 'usage', message: `unknown command "${name}".${near}` });
    return { code: 2, stdout: '', stderr: `apparatus: unknown command "${name}".${near}\n\n${usage()}` };
  }
  // After "--" every word is the command's own: `apparatus search -- --help` searches for it.
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (options.includes('--help') || options.includes('-h')) return { code: 0, stdout: `${command.usage}\n`, stderr: '' };
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof CliUsageError) {
      if (json) return jsonFailure(2, { kind: 'usage', message: error.message });
      return { code: 2, stdout: '', stderr: `apparatus ${name}: ${error.message}\n\n${command.usage}\n` };
    }
    // Errors raised on purpose carry a message written for the user (and, for a damaged project,
    // the command that restores it); anything else is a bug and keeps its stack trace.
    if (error instanceof DomainError) {
      const hint = recoveryHint(error);
      if (json) return jsonFailure(1, { kind: error.kind, code: error.code, message: error.message, next: hint.split('\n').filter((line) => line !== '') });
      return { code: 1, stdout: '', stderr: `apparatus ${name}: ${error.message}\n${hint}` };
    }
    throw error;
  }
}

// The question carries what it asks about (a command prints nothing before it returns).
async function confirm(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await terminal.question(`${question} [y/N] `)).trim());
  } finally {
    terminal.close();
  }
}

// One line that each report overwrites, on a terminal only: a log or a pipe gets the outcome alone.
function progress(line: string): void {
  process.stderr.write(line === '' ? '\r\x1b[K' : `\r${line}\x1b[K`);
}

// A reader that has seen enough (`apparatus annotate list | head`) closes the pipe: what is left
// is not wanted, and the command ends quietly instead of with Node's EPIPE stack trace. Output
// that cannot be written otherwise (`> file` on a full disk) is said in words, exit 1.
function endQuietlyWhenTheReaderLeaves(stream: NodeJS.WriteStream, name: 'output' | 'messages'): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    const why = error.code === 'ENOSPC' ? 'the disk it goes to is full' : `the system refused it (${error.code ?? error.message})`;
    try {
      if (stream !== process.stderr) writeSync(2, `apparatus: the command's ${name} could not be written: ${why}.\n`);
    } catch {
      // Nowhere left to say it: the exit code does.
    }
    process.exit(typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : 1);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  endQuietlyWhenTheReaderLeaves(process.stdout, 'output');
  endQuietlyWhenTheReaderLeaves(process.stderr, 'messages');
  const outcome = await run(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    ...(process.stdin.isTTY ? { confirm } : {}),
    ...(process.stderr.isTTY ? { progress } : {}),
    interruption: interruptSignal,
  });
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}
