import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCite } from '../../core/cite/cite-json.ts';
import { STYLE_NAMES } from '../../core/cite/style.ts';
import { ourCslType } from '../../core/export/csl-types.ts';
import { translationOriginals } from '../../core/export/translations.ts';
import { isRecord } from '../../core/interop/json-values.ts';
import { DomainError } from '../../core/errors.ts';
import { CliUsageError, noMoreArgs, ok, parseCommandArgs, type CliCommand } from './command.ts';
import { withServices } from './services.ts';
import { sourceById } from './source-id.ts';

/** `apparatus cite`: Chicago notes and bibliography as JSON, from CSL-JSON or one corpus source. */
export const citeCommand: CliCommand = {
  name: 'cite',
  summary: 'Chicago notes and bibliography as JSON',
  usage: `Usage: apparatus cite --items ITEMS.json --clusters CLUSTERS.json [--style STYLE]
       apparatus cite --source ID [--locator L] [--label LABEL] [--style STYLE] [--corpus DIR]

Prints {"notes":[{"noteIndex","text","html"}],"bibliography":{"entries":[{"id","text","html"}]}}.
  --items FILE     a CSL-JSON array of sources
  --clusters FILE  one entry per footnote: {"items":[{"id","locator","label","prefix","suffix"}],
                   "noteIndex"}; noteIndex defaults to position + 1, a gap is a note without citation
  --source ID      cite one corpus source in one note instead; a translation whose original
                   is in the corpus ends with "originally published as" and the original
  --locator L      the page (or other locator) for --source
  --label LABEL    the locator's label for --source (page by default; section, under, folio, …)
  --style STYLE    ${STYLE_NAMES.join(', ')} (default cmos18)`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {
      items: { type: 'string' },
      clusters: { type: 'string' },
      source: { type: 'string' },
      locator: { type: 'string' },
      label: { type: 'string' },
      style: { type: 'string' },
    });
    noMoreArgs(positionals, 0, 'cite takes only options (a source goes after --source)');
    const style = values.style ?? 'cmos18';
    if (values.source !== undefined) {
      if (values.items !== undefined || values.clusters !== undefined) {
        throw new CliUsageError('give either --source or --items with --clusters, not both');
      }
      const sourceId = values.source;
      const { source, reference, sources } = await withServices(values, context, 'read', ({ corpus }) => {
        const all = corpus.contents().sources;
        const found = all.find((s) => s.id === sourceId);
        // A reference without text is cited from its metadata alone.
        const kept = found ? undefined : corpus.references().find((r) => r.id === sourceId);
        // Neither: the corpus service says why (no such source, or a file that cannot be read).
        if (!found && !kept) sourceById(corpus, sourceId);
        return { source: found, reference: kept, sources: all };
      });
      const item = {
        id: values.source,
        ...(values.locator !== undefined ? { locator: values.locator } : {}),
        ...(values.label !== undefined ? { label: values.label } : {}),
      };
      // A corpus translation points at its original; --items JSON carries no such relation.
      const originals = translationOriginals(sources);
      return json(runCite([source ? source.meta.csl : (reference as NonNullable<typeof reference>)], [{ items: [item] }], style, originals));
    }
    if (values.locator !== undefined || values.label !== undefined) {
      throw new CliUsageError('--locator and --label go with --source');
    }
    if (values.items === undefined || values.clusters === undefined) {
      throw new CliUsageError('give --items and --clusters, or --source');
    }
    const items = withOurTypes(readJson(resolve(context.cwd, values.items), 'items'));
    const clusters = readJson(resolve(context.cwd, values.clusters), 'clusters');
    return json(runCite(items, clusters, style));
  },
};

// CSL-JSON from Zotero (or any other CSL program) names a letter `personal_communication`; the
// formatter files a letter under our type `letter`, and refused the other as a type it cannot cite.
function withOurTypes(items: unknown): unknown {
  if (!Array.isArray(items)) return items;
  return items.map((item: unknown) => (isRecord(item) && typeof item.type === 'string' ? { ...item, type: ourCslType(item.type) } : item));
}

function json(value: unknown) {
  return ok(`${JSON.stringify(value, null, 2)}\n`);
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DomainError('not-found', `The ${what} file cannot be read: ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DomainError(
      'invalid-input',
      `The ${what} file is not valid JSON (${(error as Error).message}): ${file}`,
    );
  }
}
