import { resolve } from 'node:path';
import type { KeptField, ReferencePlan } from '../../core/interop/references/plan-import.ts';
import { describeReference as describe, planChanges as hasChanges, planRecords } from '../../core/interop/references/plan-summary.ts';
import type { ReferenceImportService } from '../services/interop/reference-import.ts';
import { CliUsageError, noMoreArgs, ok, parseCommandArgs, unknownAction, type CliCommand, type CliContext, type CliOutcome } from './command.ts';
import { withServices } from './services.ts';
import { JSON_FAILURE_HELP } from './json-error.ts';

const FORMATS = { 'csl-json': 'CSL-JSON', bibtex: 'BibTeX', ris: 'RIS' } as const;

/** `apparatus refs`: reference files in, and the references without text kept in the corpus. */
export const refsCommand: CliCommand = {
  name: 'refs',
  summary: 'import CSL-JSON, BibTeX or RIS references; list the references without text',
  usage: `Usage:
  apparatus refs import FILE [--dry-run] [--yes] [--corpus DIR]
  apparatus refs list [--json] [--corpus DIR]

import   reads a CSL-JSON (.json), BibTeX or BibLaTeX (.bib) or RIS (.ris) file. A record that
         matches a source of the corpus (same DOI, else same title and year) fills the gaps in
         its metadata (what the source already says is kept); any other record is kept as a
         reference without text in references.json of the corpus folder, which can be cited
         (apparatus cite --source ID), exported and sent to Zotero. Shows what it will change
         and asks before changing anything.
  --dry-run  only show what would change
  --yes      change without asking
list     the references without text
${JSON_FAILURE_HELP}`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' }, json: { type: 'boolean' } });
    const [action, file, ...rest] = positionals;
    if (action !== 'list' && action !== 'import') throw action ? unknownAction(action, ['import', 'list']) : new CliUsageError('say what to do: import or list');
    if (action === 'list') noMoreArgs(positionals, 1, 'refs list takes only options');
    return withServices(values, context, 'read', ({ corpus, referenceImports }) => {
      // The references are kept in the corpus folder: a mistyped --corpus is not a corpus without any.
      corpus.assertReadable();
      return refs(referenceImports, action, file, rest, values, context);
    });
  },
};

/** Lists the references without text, or plans, confirms and applies the import of FILE. */
async function refs(
  service: ReferenceImportService,
  action: string,
  file: string | undefined,
  rest: string[],
  values: { 'dry-run'?: boolean; yes?: boolean; json?: boolean },
  context: CliContext,
): Promise<CliOutcome> {
  if (action === 'list') {
    const items = service.references();
    return ok(values.json ? `${JSON.stringify(items, null, 2)}\n` : items.map((item) => `${item.id}\t${describe(item)}\n`).join(''));
  }
  if (file === undefined || rest.length > 0) throw new CliUsageError('give exactly one FILE to import');
  if (values['dry-run'] && values.yes) throw new CliUsageError('give --dry-run or --yes, not both');
  const { fileName, format, plan } = service.plan(resolve(context.cwd, file));
  const report = `Read ${count(plan, 'records')} from ${fileName} (${FORMATS[format]}).\n${describePlan(plan)}`;
  if (!hasChanges(plan)) return ok(`${report}Nothing to change.\n`);
  if (values['dry-run']) return ok(`${report}Nothing was changed (--dry-run).\n`);
  if (!values.yes) {
    // Without a terminal no one can answer: say so rather than change the corpus unasked.
    if (!context.confirm) {
      return { code: 1, stdout: report, stderr: 'apparatus refs: nothing was changed: run again with --yes to make these changes (or --dry-run to only list them).\n' };
    }
    if (!(await context.confirm(`${report}Make these changes?`))) return ok('Nothing was changed.\n');
  }
  const result = service.apply(plan);
  const done = [
    result.sourcesFilled.length > 0 ? `filled the metadata of ${plural(result.sourcesFilled.length, 'source')}` : '',
    result.referencesAdded.length > 0 ? `added ${plural(result.referencesAdded.length, 'reference')} without text` : '',
    result.referencesFilled.length > 0 ? `filled ${plural(result.referencesFilled.length, 'reference')} without text` : '',
  ].filter((part) => part !== '');
  return ok(`${values.yes ? report : ''}Done: ${done.join(', ')}.\n`);
}

/** The plan as lines for the terminal. */
export function describePlan(plan: ReferencePlan): string {
  const lines: string[] = [];
  const filling = plan.sources.filter((fill) => fill.filled.length > 0);
  if (filling.length > 0) {
    lines.push(`Fills the metadata of ${plural(filling.length, 'source')}:`);
    for (const fill of filling) lines.push(`  ${fill.sourceId} ← ${fill.label} (same ${fill.by}): ${fill.filled.join(', ')}`, ...kept(fill.kept));
  }
  const unchanged = plan.sources.filter((fill) => fill.filled.length === 0);
  if (unchanged.length > 0) {
    lines.push(`Matches ${plural(unchanged.length, 'source')} that already ${unchanged.length === 1 ? 'has' : 'have'} everything the file gives:`);
    for (const fill of unchanged) lines.push(`  ${fill.sourceId} ← ${fill.label} (same ${fill.by})`, ...kept(fill.kept));
  }
  if (plan.added.length > 0) {
    lines.push(`Adds ${plural(plan.added.length, 'reference')} without text:`);
    for (const added of plan.added) lines.push(`  ${added.item.id} ← ${added.label}: ${describe(added.item)}`);
  }
  const references = plan.references.filter((fill) => fill.filled.length > 0);
  if (references.length > 0) {
    lines.push(`Fills ${plural(references.length, 'reference')} without text:`);
    for (const fill of references) lines.push(`  ${fill.referenceId} ← ${fill.label} (same ${fill.by}): ${fill.filled.join(', ')}`, ...kept(fill.kept));
  }
  const knownReferences = plan.references.filter((fill) => fill.filled.length === 0);
  if (knownReferences.length > 0) {
    lines.push(`Matches ${plural(knownReferences.length, 'reference')} without text that already ${knownReferences.length === 1 ? 'has' : 'have'} everything the file gives:`);
    for (const fill of knownReferences) lines.push(`  ${fill.referenceId} ← ${fill.label} (same ${fill.by})`, ...kept(fill.kept));
  }
  if (plan.skipped.length > 0) {
    lines.push(`Skipped ${plural(plan.skipped.length, 'record')}:`);
    for (const skip of plan.skipped) lines.push(`  ${skip.label}: ${skip.reason}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

function kept(fields: readonly KeptField[]): string[] {
  return fields.map((field) => `      keeps ${field.field} “${field.ours}” (the file says “${field.theirs}”)`);
}

function count(plan: ReferencePlan, what: string): string {
  const total = planRecords(plan);
  return `${total} ${total === 1 ? what.replace(/s$/, '') : what}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
