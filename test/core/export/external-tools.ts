/**
 * Independent tools that check our exports (pandoc, LibreOffice, pdftotext, biber), run as real
 * processes. A test of a tool that is not installed is skipped with a message saying what to
 * install; CI installs them all (Debian: pandoc, libreoffice-writer-nogui, poppler-utils, biber).
 */
import { spawnSync } from 'node:child_process';

/** True when `command` runs on this machine. */
export function installed(command: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const ok = found.status === 0 && found.stdout.trim() !== '';
  if (!ok) console.warn(`${command} is not installed: its checks of the exports are skipped.`);
  return ok;
}

/** Runs `command` and returns its output; throws with its stderr when it fails. */
export function runTool(command: string, args: string[], options: { cwd?: string; input?: string } = {}): { stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${String(result.status ?? result.signal)}): ${result.stderr}`);
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

/** Markdown read by pandoc as CommonMark with footnotes, written as HTML. */
export function pandocHtml(markdown: string): string {
  return runTool('pandoc', ['-f', 'commonmark_x', '-t', 'html', '--wrap=none'], { input: markdown }).stdout;
}
