import { join, relative, resolve } from 'node:path';
import { RELIABILITIES, type Reliability } from '../../core/corpus/model.ts';
import { ImportError } from '../services/import/import-error.ts';
import type { ImportMetadata } from '../services/import/import-metadata.ts';
import { CliUsageError, ok, parseCommandArgs, type CliCommand } from './command.ts';
import { withServices } from './services.ts';

/** `apparatus import FILE`: adds a new source to the corpus. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'add a .txt, .md or .html file to the corpus as a new source',
  usage: `Usage: apparatus import FILE [--title T] [--author "Family, Given"]… [--year Y]
                        [--type T] [--container C] [--url U] [--reliability R] [--id ID] [--corpus DIR]

Cleans FILE (plain text, Markdown or a saved web page, UTF-8, at most 10 MB and 2 million
characters of text once cleaned) and adds it to the corpus: the raw copy in raw/, a recipe in recipes/ and the cleaned source. Metadata comes from the
file where it states it (front matter, <meta> tags); the options below override it.
  --title T           the title (required if the file states none)
  --author NAME       an author, "Family, Given" or an institution; repeat for several
  --year Y            the year or date of publication (1961 or 1961-12-03)
  --type T            the CSL type (default webpage for .html, document otherwise)
  --container C       the journal, book or site the source appeared in
  --url U             where the source is found online
  --reliability R     ${RELIABILITIES.join(', ')} (default secondary)
  --id ID             the source id (default: first author and year)`,
  run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {
      title: { type: 'string' },
      author: { type: 'string', multiple: true },
      year: { type: 'string' },
      type: { type: 'string' },
      container: { type: 'string' },
      url: { type: 'string' },
      reliability: { type: 'string' },
      id: { type: 'string' },
    });
    if (positionals.length !== 1) throw new CliUsageError('give exactly one FILE to import');
    return withServices(values, context, 'read', ({ corpus, importer }) => {
      const prepared = importer.prepare(resolve(context.cwd, positionals[0] as string));
      const title = values.title ?? prepared.found.title;
      if (title === undefined) {
        throw new ImportError(
          'invalid-metadata',
          'The file states no title: pass one with --title "…". Nothing was imported.',
        );
      }
      const metadata: ImportMetadata = {
        title,
        reliability: (values.reliability ?? 'secondary') as Reliability,
      };
      if (values.author) metadata.authors = values.author;
      if (values.year !== undefined) metadata.issued = values.year;
      if (values.type !== undefined) metadata.type = values.type;
      if (values.container !== undefined) metadata.containerTitle = values.container;
      if (values.url !== undefined) metadata.url = values.url;
      if (values.id !== undefined) metadata.id = values.id;
      const { id } = importer.commit(prepared, metadata);
      const where = (path: string) => relative(context.cwd, path) || path;
      return ok(
        `${id}\n` +
          `Imported “${title}” as ${prepared.form} (${prepared.blocks} blocks, ${prepared.notes} notes):\n` +
          `  ${where(join(corpus.folder, `${id}.md`))}\n` +
          `  ${where(join(corpus.folder, 'recipes', `${id}.yml`))}\n` +
          `  ${where(join(corpus.folder, 'raw', `${id}.${extensionOf(positionals[0] as string)}`))}\n`,
      );
    });
  },
};

function extensionOf(file: string): string {
  return /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
}
