/**
 * Real processes for the store's concurrency and lost-journal tests: the `apparatus` command
 * line, and long-lived helpers (a holder of the project, a reader) that answer line by line.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../electron/cli.ts', import.meta.url));
const NODE_FLAGS = ['--disable-warning=ExperimentalWarning'];

/** What a finished process printed and how it ended. */
export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <script> …args` to the end. */
export function runNode(script: string, args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `apparatus …args` as its own process, as a user's shell would. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return runNode(CLI, args, env);
}

/** A running helper process, spoken to line by line. */
export interface Helper {
  child: ChildProcessWithoutNullStreams;
  /** Every complete line printed so far. */
  lines: string[];
  /** Sends one command line. */
  send(line: string): void;
  /** Resolves with the lines printed from now on, once `done` accepts one of them. */
  until(done: (line: string) => boolean, timeoutMs?: number): Promise<string[]>;
  /** SIGKILLs the process and waits until it is gone. */
  kill(): Promise<void>;
}

/** Starts `node <script> …args`. */
export function startHelper(script: string, args: string[]): Helper {
  const child = spawn(process.execPath, [...NODE_FLAGS, script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    child,
    lines,
    send: (line) => child.stdin.write(`${line}\n`),
    until(done, timeoutMs = 30_000) {
      const from = lines.length;
      return new Promise((resolve, reject) => {
        const check = () => {
          if (lines.slice(from).some(done)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(lines.slice(from));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no answer from ${script} within ${timeoutMs} ms; it printed ${JSON.stringify(lines.slice(from))}, stderr ${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The ids in `ack <id>` lines. */
export function acknowledged(lines: readonly string[]): string[] {
  return lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4));
}
