import { resolve } from 'node:path';
import { isStyleName, STYLE_NAMES } from '../../core/cite/style.ts';
import { DOCUMENT_FORMATS, extensionWarning, FOLDER_FORMATS, isFolderFormat, isReferenceFormat, parseFormat, REFERENCE_FORMATS, type ExportFormat } from '../../core/export/formats.ts';
import { parseOrder } from '../../core/export/order.ts';
import { ExportError } from '../../core/export/errors.ts';
import { parseScope } from '../../core/export/scope.ts';
import { describeUnreadable } from '../../core/corpus/problem.ts';
import { AtomicWriteError } from '../services/atomic-write.ts';
import type { ExportReport } from '../services/export-service.ts';
import { CliUsageError, noMoreArgs, parseCommandArgs, type CliCommand, type CliOutcome } from './command.ts';
import { withServices } from './services.ts';
import { unknownSource } from './source-id.ts';

/** `apparatus export`: annotated citations or reference-manager metadata, written to a file. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: `annotated citations (${DOCUMENT_FORMATS.join(', ')}), notes (${FOLDER_FORMATS.join(', ')}) or references (${REFERENCE_FORMATS.join(', ')})`,
  usage: `Usage: apparatus export --format FORMAT --out FILE [--scope SCOPE] [--order ORDER]
                        [--style STYLE] [--zotero-fields] [--force] [--corpus DIR] [--project DIR]

Writes the highlights with their quotations, notes, tags and Chicago footnotes, or the metadata
of the sources for a reference manager. Corpus files that cannot be read are named on stderr; an
export that needs one of them is refused.
  --format FORMAT  ${DOCUMENT_FORMATS.join(', ')} (annotated citations)
                   ${FOLDER_FORMATS.join(', ')} (a folder of notes: one Markdown file per source, --out DIR)
                   ${REFERENCE_FORMATS.join(', ')} (source metadata, with the references without text)
  --out FILE       the file to write (a warning if its extension does not fit the format);
                   an existing file is kept unless --force
  --scope SCOPE    all (default), source:ID or tag:NAME
  --order ORDER    reading (default: sources in the order you first highlighted them,
                   each in text order), source (grouped by source) or tag (under every
                   tag a highlight carries, child tags nested); citations only
  --style STYLE    ${STYLE_NAMES.join(', ')} (default cmos18); citations only
  --zotero-fields  docx only: footnotes and bibliography as Zotero citation fields, which
                   Zotero's Word and LibreOffice plugins can refresh and restyle
  --force          replace FILE if it exists (obsidian: the notes already in DIR)`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      out: { type: 'string' },
      scope: { type: 'string' },
      order: { type: 'string' },
      style: { type: 'string' },
      force: { type: 'boolean' },
      'zotero-fields': { type: 'boolean' },
    });
    noMoreArgs(positionals, 0, 'export takes only options (the file goes after --out)');
    if (values.format === undefined) throw new CliUsageError('--format is required');
    if (values.out === undefined) throw new CliUsageError('--out is required');
    const format = parseFormat(values.format);
    if (isReferenceFormat(format)) {
      // Taking these silently would let a user believe the file is ordered or styled as asked.
      for (const option of ['style', 'order'] as const) {
        if (values[option] !== undefined) {
          throw new CliUsageError(
            `--${option} does not apply to ${format}: a reference-manager file holds the sources' ` +
              'metadata, not citations in order; leave it out',
          );
        }
      }
    }
    if (values['zotero-fields'] && format !== 'docx') {
      throw new CliUsageError('--zotero-fields goes with --format docx: only a Word document holds Zotero citation fields');
    }
    const style = values.style ?? 'cmos18';
    if (!isStyleName(style)) {
      throw new CliUsageError(`unknown style "${style}": use ${STYLE_NAMES.join(', ')}`);
    }
    const out = resolve(context.cwd, values.out);
    const job = {
      format,
      scope: parseScope(values.scope ?? 'all'),
      order: parseOrder(values.order ?? 'reading'),
      style,
      out,
      overwrite: values.force ?? false,
      zoteroFields: values['zotero-fields'] ?? false,
    };
    return withServices(values, context, 'read', async ({ exports, corpus }) => {
      try {
        return describeReport(await exportOrExplain(() => exports.export(job)), format, out);
      } catch (error) {
        // A mistyped id in --scope source:ID: name the ids nearest to it.
        if (error instanceof ExportError && error.code === 'unknown-source' && job.scope.kind === 'source') throw unknownSource(corpus, job.scope.sourceId);
        throw error;
      }
    });
  },
};

/** What an export wrote, for the terminal: the file (or the notes in a folder), what it holds, and warnings on stderr. */
function describeReport(report: ExportReport, format: ExportFormat, out: string): CliOutcome {
  const what =
    report.annotations > 0
      ? `${report.annotations} highlight${report.annotations === 1 ? '' : 's'} from ${plural(report.sources)}`
      : plural(report.sources);
  const warning = extensionWarning(format, out);
  const note = describeUnreadable(report.unreadable);
  const written = isFolderFormat(format) ? `${report.sources} note${report.sources === 1 ? '' : 's'} in ${report.file}` : report.file;
  const stderr = [warning && `apparatus export: warning: ${warning}`, note && `apparatus export: ${note}`].filter(Boolean).map((line) => `${line}\n`).join('');
  return { code: 0, stdout: `Wrote ${written} (${what}).\n`, stderr };
}

// A file in the way: say how to go on.
async function exportOrExplain(run: () => Promise<ExportReport>): Promise<ExportReport> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AtomicWriteError) || error.code !== 'file-exists') throw error;
    throw new AtomicWriteError('file-exists', error.path, `${error.message} Choose another file name, or replace it on purpose (--force).`);
  }
}

function plural(sources: number): string {
  return `${sources} source${sources === 1 ? '' : 's'}`;
}
