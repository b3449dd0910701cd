/**
 * How a command line that asked for `--json` is told of a failure: instead of words and the
 * usage, one JSON object on stderr (`{"error": {"kind", "code"?, "message", "next"?}}`), stdout
 * empty and the exit code unchanged, so that a script reads the failure as it reads the result.
 */
import type { CliOutcome } from './command.ts';

/** What a failure is, for a program: `usage` for a command line to correct, else a DomainError's kind. */
export interface JsonError {
  kind: string;
  /** The error's stable code, where it has one beside its kind (`corrupt`, `project-missing` …). */
  code?: string;
  /** The same words a person reads without `--json`. */
  message: string;
  /** What to run next, one line each (a damaged project's `apparatus project restore …`). */
  next?: string[];
}

/**
 * True when `args` (a command line without the script) give `--json` as an option: before any
 * `--`, after which every word is the command's own (`apparatus search -- --json`).
 */
export function wantsJson(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--json' || arg.startsWith('--json=')) return true;
  }
  return false;
}

/** The outcome of a failure with exit code `code`, as `--json` prints it. */
export function jsonFailure(code: number, error: JsonError): CliOutcome {
  const { next, code: errorCode, ...rest } = error;
  const body = { kind: rest.kind, ...(errorCode === undefined || errorCode === rest.kind ? {} : { code: errorCode }), message: rest.message, ...(next && next.length > 0 ? { next } : {}) };
  return { code, stdout: '', stderr: `${JSON.stringify({ error: body })}\n` };
}

/** The line of a command's usage that says what `--json` does to a failure. */
export const JSON_FAILURE_HELP =
  'With --json a failure is one JSON object on stderr, stdout empty, the exit code unchanged:\n' +
  '  {"error": {"kind": "usage" (exit 2) or another (exit 1), "code"?, "message", "next"?: [lines]}}';
