import { basename, extname, join, relative, resolve } from 'node:path';
import { RELIABILITIES, type Reliability } from '../../core/corpus/model.ts';
import { CONVERTIBLE_ENCODINGS, encodingName, isConvertibleEncoding } from '../../core/clean/encodings.ts';
import { ImportError } from '../services/import/import-error.ts';
import { ConversionNeeded } from '../services/import/read-import-file.ts';
import type { ImportMetadata } from '../services/import/import-metadata.ts';
import type { PreparedImport } from '../services/import/import-service.ts';
import { CliUsageError, interruptedCode, ok, parseCommandArgs, type CliCommand } from './command.ts';
import { withServices } from './services.ts';

/** `apparatus import FILE`: adds a new source to the corpus. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'add a .txt, .md, .html or .pdf file to the corpus as a new source',
  usage: `Usage: apparatus import FILE [--title T] [--author "Family, Given"]… [--year Y]
                        [--type T] [--container C] [--url U] [--reliability R] [--id ID]
                        [--text-pages-only] [--encoding E] [--corpus DIR]

Cleans FILE (plain text, Markdown or a saved web page, at most 10 MB; or a PDF, at most
100 MB; at most 2 million characters of text once cleaned) and adds it to the corpus: the raw
copy in raw/, a recipe in recipes/ and the cleaned source. Metadata comes from the file where it
states it (front matter, <meta> tags, a PDF's properties, DOI and journal line); the options
below override it. A text file that is not UTF-8 is refused, naming its encoding, until you
confirm the encoding with --encoding; it is then converted to UTF-8. Ctrl-C while the file is
read stops the import and adds nothing (exit code 130); once its files are being written, the
import finishes first.
  --title T           the title (required if the file states none)
  --author NAME       an author, "Family, Given" or an institution; repeat for several
  --year Y            the year or date of publication (1961 or 1961-12-03)
  --type T            the CSL type (default webpage for .html, document otherwise)
  --container C       the journal, book or site the source appeared in
  --url U             where the source is found online
  --reliability R     ${RELIABILITIES.join(', ')} (default secondary)
  --id ID             the source id (default: first author and year)
  --text-pages-only   for a PDF with scanned pages that have no text layer: import the pages
                      that have text (the others become gaps); without it such a PDF is refused
  --encoding E        convert a text file from ${CONVERTIBLE_ENCODINGS.join(', ')}`,
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
      'text-pages-only': { type: 'boolean' },
      encoding: { type: 'string' },
    });
    if (positionals.length !== 1) throw new CliUsageError('give exactly one FILE to import');
    const encoding = values.encoding?.toLowerCase();
    if (encoding !== undefined && !isConvertibleEncoding(encoding)) {
      throw new CliUsageError(`--encoding must be one of ${CONVERTIBLE_ENCODINGS.join(', ')} (got "${values.encoding}")`);
    }
    const file = resolve(context.cwd, positionals[0] as string);
    // Ctrl-C stops the reading and says that nothing was imported; once the files are being
    // written, it waits for them, so the corpus holds the whole import or none of it.
    const signal = context.interruption?.();
    return withServices(values, context, 'read', ({ corpus, importer }) => {
      const finish = (prepared: PreparedImport) => {
        if (signal?.aborted) throw new ImportError('cancelled', `The import of “${basename(file)}” was cancelled; nothing was imported.`);
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
        const { id } = commitOrName(() => importer.commit(prepared, metadata, { textPagesOnly: values['text-pages-only'] === true }));
        const where = (path: string) => relative(context.cwd, path) || path;
        const converted = prepared.conversion ? [`Converted from ${encodingName(prepared.conversion.from)} to UTF-8.`] : [];
        return ok(
          `${id}\n` +
            `Imported “${oneLine(title)}” as ${prepared.form} (${prepared.blocks} blocks, ${prepared.notes} notes${pdfSummary(prepared)}):\n` +
            `  ${where(join(corpus.folder, `${id}.md`))}\n` +
            `  ${where(join(corpus.folder, 'recipes', `${id}.yml`))}\n` +
            `  ${where(join(corpus.folder, 'raw', `${id}.${extensionOf(positionals[0] as string)}`))}\n` +
            [...converted, ...prepared.notices].map((notice) => `Note: ${notice}\n`).join(''),
        );
      };
      // Every file is read and cleaned in a worker thread, once; a PDF's pages are counted as read.
      const report = context.progress;
      const onProgress =
        report && extname(file).toLowerCase() === '.pdf'
          ? ({ done, total }: { done: number; total: number }) => report(`Reading the PDF: page ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`)
          : undefined;
      return importer
        .prepareFile(file, { ...(encoding === undefined ? {} : { encoding }), ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) })
        .finally(() => report?.(''))
        .catch((error: unknown) => {
          if (error instanceof ConversionNeeded) {
            throw new ImportError(error.code, `${error.message} If it is, import it again with --encoding ${error.encoding}.`);
          }
          throw error;
        })
        .then(finish);
    }).catch((error: unknown) => {
      if (signal?.aborted && error instanceof ImportError && error.code === 'cancelled') {
        return { code: interruptedCode(signal), stdout: '', stderr: `apparatus import: ${error.message}\n` };
      }
      throw error;
    });
  },
};

// The choice to import only a PDF's pages with text is this command's option: the refusal names it.
function commitOrName<T>(commit: () => T): T {
  try {
    return commit();
  } catch (error) {
    if (error instanceof ImportError && error.code === 'no-text-layer') {
      throw new ImportError(error.code, `${error.message} To import the pages that have text, run the command again with --text-pages-only.`);
    }
    throw error;
  }
}

// How a PDF's pages were read, for the summary line.
function pdfSummary(prepared: PreparedImport): string {
  const pdf = prepared.pdf?.extraction;
  if (!pdf) return '';
  const numbers = { 'pdf-labels': 'page labels of the PDF', 'printed-numbers': 'printed page numbers', 'page-index': 'PDF page count: no printed page numbers found' };
  const textless = pdf.textless.length > 0 ? `, ${pdf.textless.length} without text left as gaps` : '';
  return `, ${pdf.pages} pages, ${numbers[pdf.labelSource]}${textless}`;
}

// A title on one line of the summary, however the file wrote it.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function extensionOf(file: string): string {
  return /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
}
