/**
 * A corpus file that cannot be read or parsed, as the historian sees it: what is wrong (with the
 * line when it is known) and how to repair it. Such a file is listed everywhere, never skipped.
 */
import type { SourceProblem, SourceSummary, UnreadableSource } from '../api.ts';
import { SourceFormatError } from './source-format-error.ts';

/** How far a source that cannot be read is to be relied on until it is repaired: not blindly. */
export const UNREADABLE_RELIABILITY = 'secondary';

/** Why `fileName` could not be read or parsed (`error` as reading or `parseSource` threw it), and what to do. */
export function sourceProblem(fileName: string, error: unknown): SourceProblem {
  const remove = 'or remove the file from the corpus folder';
  if (error instanceof SourceFormatError) {
    const at = error.line === undefined ? '' : ` at line ${error.line}`;
    const part = error.code === 'front-matter' || error.code === 'metadata' ? 'front matter' : 'text';
    const detail = error.message.replace(/^line \d+: /, '').replace(/^front matter: /, '').replace(/\.$/, '');
    const yaml = /^the front matter is not valid YAML: /.exec(detail);
    const what = yaml ? `its front matter is not valid YAML${at} (${detail.slice(yaml[0].length)})` : `its ${part} has a problem${at}: ${detail}`;
    return {
      reason: `${fileName} cannot be read: ${what}.`,
      repair: `Open ${fileName} in a text editor and correct the ${part}${at}, ${remove}.`,
    };
  }
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'EACCES' || code === 'EPERM') {
    return { reason: `${fileName} cannot be opened: Apparatus is not allowed to read it.`, repair: `Give yourself permission to read ${fileName}, ${remove}.` };
  }
  if (code === 'EISDIR') {
    return { reason: `${fileName} is a folder, not a source file.`, repair: `Rename or move the folder ${fileName} out of the corpus folder.` };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { reason: `${fileName} cannot be read: ${reason}`, repair: `Check ${fileName} in a text editor, ${remove}.` };
}

/** The problem of a file whose front matter names another id than its file name does. */
export function misnamedProblem(fileName: string, id: string): SourceProblem {
  return {
    reason: `${fileName} says its id is “${id}”, but a source's file must be named after its id.`,
    repair: `Rename the file to ${id}.md, or correct the id in its front matter, or remove the file from the corpus folder.`,
  };
}

/** How the library lists a source that cannot be read: by its file name, with the problem, nothing else known. */
export function unreadableSummary(id: string, fileName: string, problem: SourceProblem): SourceSummary {
  return {
    id,
    title: fileName,
    shortTitle: fileName,
    authors: null,
    year: null,
    reliability: UNREADABLE_RELIABILITY,
    derivativeOf: null,
    missing: [],
    problem,
  };
}

/** One sentence naming every unreadable file and why, for a report ("2 sources could not be read: …"). */
export function describeUnreadable(problems: readonly UnreadableSource[], verb = 'read'): string | undefined {
  if (problems.length === 0) return undefined;
  const count = problems.length === 1 ? '1 source' : `${problems.length} sources`;
  return `${count} could not be ${verb}: ${problems.map(({ problem }) => `${problem.reason} ${problem.repair}`).join(' ')}`;
}
