import { basename, resolve } from 'node:path';
import { readAnnotationsFile } from '../services/interop/annotation-file.ts';
import { requireSource, type AnnotationImportSummary } from '../services/interop/annotation-import.ts';
import { CliUsageError, interruptedCode, ok, parseCommandArgs, unknownAction, type CliCommand } from './command.ts';
import { withServices } from './services.ts';

/** `apparatus annotations import FILE`: highlights made in Hypothesis or any W3C Web Annotation tool. */
export const annotationsCommand: CliCommand = {
  name: 'annotations',
  summary: 'import Hypothesis or W3C Web Annotation (JSON-LD) annotations',
  usage: `Usage: apparatus annotations import FILE [--source ID] [--corpus DIR] [--project DIR]

Imports the annotations of FILE: a Hypothesis export, or W3C Web Annotations (JSON-LD, as
apparatus export --format jsonld writes them). Each is put on the source its document's DOI or
web address names (or on --source ID), found in the source's text by its quoted words and the
text around them (its position and printed page only help), with its note and tags. What is
found only approximately is marked moved; what is not found is kept as an orphan, to re-attach.
  --source ID   put every annotation of the file on this source`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { source: { type: 'string' } });
    const [action, file, ...rest] = positionals;
    if (action !== 'import') throw action ? unknownAction(action, ['import']) : new CliUsageError('say what to do: import');
    if (file === undefined || rest.length > 0) throw new CliUsageError('give exactly one FILE to import');
    const path = resolve(context.cwd, file);
    const read = readAnnotationsFile(path);
    const signal = context.interruption?.();
    const report = context.progress;
    return withServices(values, context, 'write', async (services) => {
      requireSource(services.corpus, values.source);
      const options = values.source === undefined ? { unmatched: 'name the source with --source ID' } : { sourceId: values.source };
      const onProgress = report ? (done: number, total: number) => report(`Importing annotations: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`) : undefined;
      const { summary, unread } = await services.annotationImports
        .importStoppable(read.annotations, options, read.skipped, { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) })
        .finally(() => report?.(''));
      const total = read.annotations.length + read.skipped.length;
      const stdout = `Read ${total} annotation${total === 1 ? '' : 's'} from ${basename(path)} (${read.format}).\n${describeSummary(summary, '')}`;
      if (signal?.aborted && unread > 0) {
        // What was saved stays saved; a second run skips it (already in the project) and imports the rest.
        const saved = summary.imported.length;
        const stderr = `apparatus annotations: stopped before the end: ${saved} annotation${saved === 1 ? ' was' : 's were'} saved, ${unread} of the file's ${read.annotations.length} were not read. Run the same import again to complete it: the annotations already in the project are skipped.\n`;
        return { code: interruptedCode(signal), stdout, stderr };
      }
      return ok(stdout);
    });
  },
};

/** An import's summary as lines for the terminal: each annotation saved, each skipped, the counts. */
export function describeSummary(summary: AnnotationImportSummary, indent: string): string {
  const lines: string[] = [];
  for (const { annotation, status } of summary.imported) {
    lines.push(`${status.padEnd(8)}  ${annotation.id}  ${annotation.sourceId} ${annotation.position.start}–${annotation.position.end}  “${excerpt(annotation.quote.exact)}”`);
  }
  if (summary.skipped.length > 0) {
    lines.push(`Skipped ${summary.skipped.length}:`);
    for (const skip of summary.skipped) lines.push(`  ${skip.label}: ${skip.reason}`);
  }
  if (summary.tagsLeftOut.length > 0) {
    lines.push(`Tags left out ${summary.tagsLeftOut.length} (their annotations were imported without them):`);
    for (const left of summary.tagsLeftOut) lines.push(`  ${left.label}: the tag “${excerpt(left.tag)}”: ${left.reason}`);
  }
  const { anchored, moved, orphaned } = summary.counts;
  const tags = summary.newTags.length > 0 ? ` New tags: ${summary.newTags.join(', ')}.` : '';
  const leftOut = summary.tagsLeftOut.length > 0 ? ` (${summary.tagsLeftOut.length} tag${summary.tagsLeftOut.length === 1 ? '' : 's'} left out.)` : '';
  lines.push(`Imported ${summary.imported.length}: ${anchored} anchored, ${moved} moved, ${orphaned} orphaned.${leftOut}${tags}`);
  return lines.map((line) => `${indent}${line}\n`).join('');
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
