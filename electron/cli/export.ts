import { resolve } from 'node:path';
import { isStyleName, STYLE_NAMES } from '../../core/export/cite-style.ts';
import { parseFormat } from '../../core/export/formats.ts';
import { parseOrder } from '../../core/export/order.ts';
import { parseScope } from '../../core/export/scope.ts';
import { ExportService } from '../services/export-service.ts';
import { CliUsageError, corpusFolder, ok, parseCommandArgs, projectFile, type CliCommand } from './command.ts';
import { readOnlyNote } from './project.ts';

/** `apparatus export`: annotated citations or reference-manager metadata, written to a file. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'annotated citations (docx, md, html, txt, csv, jsonld) or references (csl-json, ris, bibtex)',
  usage: `Usage: apparatus export --format FORMAT --out FILE [--scope SCOPE] [--order ORDER]
                        [--style STYLE] [--force] [--corpus DIR] [--project DIR]

Writes the highlights with their quotations, notes, tags and Chicago footnotes, or the metadata
of the sources for a reference manager.
  --format FORMAT  docx, md, html, txt, csv, jsonld (annotated citations)
                   csl-json, ris, bibtex (source metadata)
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
    const project = projectFile(values.project, context);
    const service = new ExportService({ corpusFolder: corpusFolder(values.corpus, context), projectFile: project });
    const report = await service.export({
      format: parseFormat(values.format),
      scope: parseScope(values.scope ?? 'all'),
      order: parseOrder(values.order ?? 'reading'),
      style,
      out: resolve(context.cwd, values.out),
      overwrite: values.force ?? false,
    });
    const what =
      report.annotations > 0
        ? `${report.annotations} highlight${report.annotations === 1 ? '' : 's'} from ${plural(report.sources)}`
        : plural(report.sources);
    return { ...ok(`Wrote ${report.file} (${what}).\n`), stderr: readOnlyNote(project) };
  },
};

function plural(sources: number): string {
  return `${sources} source${sources === 1 ? '' : 's'}`;
}
