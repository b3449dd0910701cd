import { resolve } from 'node:path';
import { isStyleName, STYLE_NAMES } from '../../core/cite/style.ts';
import { DOCUMENT_FORMATS, parseFormat, REFERENCE_FORMATS } from '../../core/export/formats.ts';
import { parseOrder } from '../../core/export/order.ts';
import { parseScope } from '../../core/export/scope.ts';
import { describeUnreadable } from '../../core/corpus/problem.ts';
import { AtomicWriteError } from '../services/atomic-write.ts';
import { CliUsageError, parseCommandArgs, type CliCommand } from './command.ts';
import { withServices } from './services.ts';

/** `apparatus export`: annotated citations or reference-manager metadata, written to a file. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: `annotated citations (${DOCUMENT_FORMATS.join(', ')}) or references (${REFERENCE_FORMATS.join(', ')})`,
  usage: `Usage: apparatus export --format FORMAT --out FILE [--scope SCOPE] [--order ORDER]
                        [--style STYLE] [--force] [--corpus DIR] [--project DIR]

Writes the highlights with their quotations, notes, tags and Chicago footnotes, or the metadata
of the sources for a reference manager. Corpus files that cannot be read are named on stderr; an
export that needs one of them is refused.
  --format FORMAT  ${DOCUMENT_FORMATS.join(', ')} (annotated citations)
                   ${REFERENCE_FORMATS.join(', ')} (source metadata)
  --out FILE       the file to write; an existing file is kept unless --force
  --scope SCOPE    all (default), source:ID or tag:NAME
  --order ORDER    reading (default: sources in the order you first highlighted them,
                   each in text order), source (grouped by source) or tag (grouped by tag)
  --style STYLE    ${STYLE_NAMES.join(', ')} (default cmos18)
  --force          replace FILE if it exists`,
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      format: { type: 'string' },
      out: { type: 'string' },
      scope: { type: 'string' },
      order: { type: 'string' },
      style: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.format === undefined) throw new CliUsageError('--format is required');
    if (values.out === undefined) throw new CliUsageError('--out is required');
    const style = values.style ?? 'cmos18';
    if (!isStyleName(style)) {
      throw new CliUsageError(`unknown style "${style}": use ${STYLE_NAMES.join(', ')}`);
    }
    const job = {
      format: parseFormat(values.format),
      scope: parseScope(values.scope ?? 'all'),
      order: parseOrder(values.order ?? 'reading'),
      style,
      out: resolve(context.cwd, values.out),
      overwrite: values.force ?? false,
    };
    const report = await withServices(values, context, 'read', async ({ exports }) => {
      try {
        return await exports.export(job);
      } catch (error) {
        if (!(error instanceof AtomicWriteError) || error.code !== 'file-exists') throw error;
        throw new AtomicWriteError('file-exists', error.path, `${error.message} Choose another file name, or replace it on purpose (--force).`);
      }
    });
    const what =
      report.annotations > 0
        ? `${report.annotations} highlight${report.annotations === 1 ? '' : 's'} from ${plural(report.sources)}`
        : plural(report.sources);
    const note = describeUnreadable(report.unreadable);
    return { code: 0, stdout: `Wrote ${report.file} (${what}).\n`, stderr: note === undefined ? '' : `apparatus export: ${note}\n` };
  },
};

function plural(sources: number): string {
  return `${sources} source${sources === 1 ? '' : 's'}`;
}
