/**
 * Running `apparatus` as a user runs it: a separate Node process (Node 24 runs the TypeScript
 * entry point directly), with its exit status and what it printed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../electron/cli.ts', import.meta.url));

/** What one run printed and how it ended. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `apparatus ARGS` in `cwd` and waits for it; `APPARATUS_CORPUS` and `APPARATUS_PROJECT` are unset unless `env` sets them. */
export function apparatus(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const { APPARATUS_CORPUS: _corpus, APPARATUS_PROJECT: _project, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...inherited, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
