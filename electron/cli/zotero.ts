import { isRegularItem } from '../../core/interop/zotero/zotero-item.ts';
import { DomainError } from '../../core/errors.ts';
import { ZoteroClient, ZoteroError, zoteroBaseUrl, type ZoteroCollection, type ZoteroItem } from '../services/interop/zotero-client.ts';
import type { ZoteroImportOutcome } from '../services/interop/zotero-import.ts';
import { describeSummary } from './annotations-import.ts';
import { CliUsageError, ok, parseCommandArgs, unknownAction, type CliCommand } from './command.ts';
import { withServices } from './services.ts';
import { JSON_FAILURE_HELP } from './json-error.ts';

/** `apparatus zotero`: browse the Zotero library, import items from it, send references to it. */
export const zoteroCommand: CliCommand = {
  name: 'zotero',
  summary: 'list or import items of your Zotero library, or send sources to Zotero',
  usage: `Usage:
  apparatus zotero list [--collection KEY] [--json]
  apparatus zotero import KEY… [--corpus DIR] [--project DIR]
  apparatus zotero send SOURCE… [--corpus DIR]

Talks to Zotero 7 running on this computer (at ${zoteroBaseUrl({})}, or $APPARATUS_ZOTERO_URL).
list     the collections, then the items of the library or of one collection (key, creators,
         year, title); reading needs Zotero's local API: Zotero ▸ Settings ▸ Advanced ▸ “Allow
         other applications on this computer to communicate with Zotero”
import   each item by its key: its PDF becomes a new source (as apparatus import does) with its
         Zotero annotations placed by their words and page, orphans kept; an item the corpus has
         already fills that source's gaps; an item without PDF is kept as a reference without text;
         an item that cannot be imported is named on stderr (exit 1) and the others go on
send     the references of these sources (or references without text) to the library or
         collection selected in Zotero
${JSON_FAILURE_HELP}`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { collection: { type: 'string' }, json: { type: 'boolean' } });
    const [action, ...keys] = positionals;
    if (action === 'list') {
      if (keys.length > 0) throw new CliUsageError('zotero list takes no keys (use --collection KEY)');
      const client = new ZoteroClient(zoteroBaseUrl(context.env));
      const collections = values.collection === undefined ? await client.collections() : [];
      // Works only, in both forms: a standalone note or a PDF filed alone cannot be imported.
      const items = (await client.items(values.collection)).filter((item) => isRegularItem(item.data));
      if (values.json) return ok(`${JSON.stringify({ collections, items }, null, 2)}\n`);
      return ok(listing(collections, items));
    }
    if (action === 'import') {
      if (keys.length === 0) throw new CliUsageError('zotero import needs the keys of the items (see apparatus zotero list)');
      return withServices(values, context, 'write', async ({ zotero }) => {
        // Each item is imported on its own: one that fails leaves the others to go on, and what
        // was imported before it is reported, for it is in the corpus already.
        const outcomes: ZoteroImportOutcome[] = [];
        const failures: { key: string; error: DomainError }[] = [];
        let stopped: string | null = null;
        for (const [i, key] of keys.entries()) {
          try {
            outcomes.push(await zotero.importItem(key));
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            failures.push({ key, error });
            if (error instanceof ZoteroError && (error.code === 'zotero-not-running' || error.code === 'zotero-api-disabled')) {
              const left = keys.slice(i + 1);
              if (left.length > 0) stopped = `not imported: ${left.join(', ')}`;
              break;
            }
          }
        }
        const only = failures[0];
        if (outcomes.length === 0 && failures.length === 1 && stopped === null && only) throw only.error;
        const stderr = [...failures.map(({ key, error }) => `${key}: ${error.message}`), ...(stopped === null ? [] : [stopped])].map((line) => `apparatus zotero: ${line}\n`).join('');
        return { code: failures.length > 0 ? 1 : 0, stdout: outcomes.map(describeOutcome).join(''), stderr };
      });
    }
    if (action === 'send') {
      if (keys.length === 0) throw new CliUsageError('zotero send needs the ids of the sources to send (see apparatus list)');
      const { sent, saved } = await withServices(values, context, 'read', async ({ zotero }) => {
        try {
          return await zotero.send(keys);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'not-found') throw new DomainError('not-found', `${error.message.replace(/\.$/, '')} (see apparatus list and apparatus refs list).`);
          throw error;
        }
      });
      return ok(`Sent ${sent} reference${sent === 1 ? '' : 's'} to Zotero; it saved ${saved} in the library or collection selected in Zotero.\n`);
    }
    throw action ? unknownAction(action, ['list', 'import', 'send']) : new CliUsageError('say what to do: list, import or send');
  },
};

function listing(collections: readonly ZoteroCollection[], items: readonly ZoteroItem[]): string {
  const lines: string[] = [];
  if (collections.length > 0) {
    lines.push('Collections:');
    const children = (parent: string | null, depth: number): void => {
      for (const c of collections.filter((col) => col.parent === parent).sort((a, b) => a.name.localeCompare(b.name))) {
        lines.push(`  ${c.key}\t${'  '.repeat(depth)}${c.name}${c.items === null ? '' : ` (${c.items})`}`);
        children(c.key, depth + 1);
      }
    };
    children(null, 0);
    lines.push('Items:');
  }
  for (const item of items) {
    const year = item.meta?.parsedDate?.slice(0, 4) ?? '';
    lines.push(`${item.key}\t${item.meta?.creatorSummary ?? '—'}\t${year || 'n.d.'}\t${String(item.data.title ?? '')}\t${String(item.data.itemType)}`);
  }
  if (items.length === 0) lines.push('(no items)');
  return lines.map((line) => `${line}\n`).join('');
}

function describeOutcome(outcome: ZoteroImportOutcome): string {
  const what = {
    'pdf-imported': `imported its PDF as the source ${outcome.sourceId}`,
    'matched-source': `the corpus has it already: ${outcome.sourceId}${outcome.filled.length > 0 ? ` (filled ${outcome.filled.join(', ')})` : ''}`,
    'reference-added': `added as the reference without text ${outcome.referenceId}`,
    'reference-filled': `the reference without text ${outcome.referenceId} has it${outcome.filled.length > 0 ? ` (filled ${outcome.filled.join(', ')})` : ''}`,
  }[outcome.how];
  const lines = [`${outcome.key} “${outcome.title}”: ${what}.`, ...outcome.notes.map((note) => `  Note: ${note}.`)];
  const text = lines.map((line) => `${line}\n`).join('');
  return outcome.annotations ? text + describeSummary(outcome.annotations, '  ') : text;
}
