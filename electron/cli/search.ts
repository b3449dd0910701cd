import { searchNotes } from '../services/search/app-search.ts';
import type { SearchHitView } from '../services/search/display-hit.ts';
import { CliUsageError, parseCommandArgs, type CliCommand } from './command.ts';
import { withServices } from './services.ts';
import { JSON_FAILURE_HELP } from './json-error.ts';

/** One hit as `apparatus search --json` prints it, in the service's order. */
export interface SearchHitJson {
  sourceId: string;
  blockId: string | null;
  annotationId?: string;
  score: number;
  snippet: string;
  /** "p. 380" / "pp. 385–86", or null for an unpaginated source (see `section`). */
  page: string | null;
  /** The enclosing section heading when there is no page label. */
  section?: string;
  /** For a highlight whose quotation is no longer the source's wording: `moved` or `orphaned`. */
  anchor?: 'moved' | 'orphaned';
  /** For a highlight whose source is no longer in the corpus. */
  sourceMissing?: true;
}

const SEARCH_OPTIONS = {
  json: { type: 'boolean' },
  limit: { type: 'string' },
  cache: { type: 'string' },
} as const;

const VALUE_OPTIONS = new Set(['--limit', '--cache', '--corpus', '--project']);

/**
 * Separates options from the query's words (in their order) before options are parsed, so that
 * a word to leave out (`-Tito`) is not taken for an option: anything after `--`, and anything not
 * starting with `--`, is part of the query. Unknown `--options` stay options, to be refused as
 * usage errors.
 */
export function splitQueryArgs(args: readonly string[]): { options: string[]; words: string[] } {
  const options: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      options.push(arg);
      const name = arg.split('=')[0] as string;
      if (VALUE_OPTIONS.has(name) && !arg.includes('=') && i + 1 < args.length) options.push(args[++i] as string);
    } else words.push(arg);
  }
  return { options, words };
}

/** `apparatus search`: the app's search engine and result order on the command line. */
export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'search the corpus and the project’s annotations',
  usage: `Usage: apparatus search QUERY [--json] [--limit N] [--cache DIR] [--corpus DIR] [--project DIR]

Searches every source and the project's annotations with the app's engine and ranking.
Words are all required; "exact phrases", prefix*, fuzzy~1, -exclude (or NOT exclude), source:,
author:, tag: and in: work too. Words starting with "-" are part of the query (apparatus search Hoxha -Tito);
after "--" everything is.
  --json          print a JSON array of { sourceId, blockId, annotationId?, score, snippet, page,
                  anchor? } (anchor: "moved" or "orphaned" for a highlight no longer read as quoted)
  --limit N       at most N hits (default 20)
  --cache DIR     where the search index is cached (default: cache/ in the project folder)
${JSON_FAILURE_HELP}`,
  async run(args, context) {
    const { options, words } = splitQueryArgs(args);
    const { values } = parseCommandArgs(options, SEARCH_OPTIONS);
    const query = words.join(' ').trim();
    if (query === '') throw new CliUsageError('give the words to search for');
    const limit = parseLimit(values.limit);
    return withServices(values, context, 'read', async ({ searchIndex }) => {
      const report = await searchIndex.ready();
      const result = searchIndex.search(query, { limit });
      // Merges left to do would otherwise be redone by every later search.
      await searchIndex.idle();
      const warning = result.warning ?? report.warning;
      const suggestions = result.suggestions ?? [];
      const note = searchNotes(result.message, report.unreadable ?? [], report.failed.map((failure) => failure.message));
      const notes = [
        ...(note === undefined ? [] : [`apparatus search: ${note}\n`]),
        ...(values.json && suggestions.length > 0 ? [`apparatus search: ${didYouMean(suggestions)}\n`] : []),
        ...(warning === undefined ? [] : [`apparatus search: warning: ${warning}\n`]),
      ];
      const stdout = values.json
        ? `${JSON.stringify(result.hits.map(toJson), null, 2)}\n`
        : formatText(query, result.hits, result.total, suggestions);
      return { code: 0, stdout, stderr: notes.join('') };
    });
  },
};

/** "Did you mean …?" with the suggested queries. */
function didYouMean(suggestions: readonly string[]): string {
  return `Did you mean ${suggestions.map(quoted).join(' or ')}?`;
}

// A query in quotation marks; one holding a phrase's double quotes goes in single quotes, as it
// would be typed at the shell ('"Enver Hoxha"'), not in doubled ones (""Enver Hoxha"").
function quoted(query: string): string {
  return query.includes('"') && !query.includes("'") ? `'${query}'` : `"${query}"`;
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new CliUsageError(`--limit needs a whole number of hits, 1 or more (got "${value}")`);
  }
  return Number(value);
}

/** The JSON form of a hit. */
export function toJson(hit: SearchHitView): SearchHitJson {
  return {
    sourceId: hit.sourceId,
    blockId: hit.blockId ?? null,
    ...(hit.annotationId === undefined ? {} : { annotationId: hit.annotationId }),
    score: hit.score,
    snippet: hit.snippet.text,
    page: hit.page,
    ...(hit.page === null && hit.section !== null ? { section: hit.section } : {}),
    ...(hit.anchor === undefined ? {} : { anchor: hit.anchor }),
    ...(hit.sourceMissing ? { sourceMissing: true } : {}),
  };
}

// What a highlight's quotation is, when the source's text has changed since it was made.
const ANCHOR_NOTES = {
  moved: 'wording changed: the source no longer reads as quoted',
  orphaned: 'no longer found in the source',
} as const;

/** The excerpt with each matched range between `**`. */
function marked(hit: SearchHitView): string {
  const { text, marks } = hit.snippet;
  let out = '';
  let at = 0;
  for (const mark of marks) {
    out += `${text.slice(at, mark.start)}**${text.slice(mark.start, mark.end)}**`;
    at = mark.end;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ');
}

/** The query as the answer repeats it: on one line, and cut with an ellipsis past 80 characters. */
export function echo(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/**
 * Hits grouped by source, the groups in the order of their best hit and the hits inside a group
 * in the service's order.
 */
function formatText(query: string, hits: readonly SearchHitView[], total: number, suggestions: readonly string[]): string {
  if (hits.length === 0) {
    return `No passages match ${quoted(echo(query))}.\n${suggestions.length > 0 ? `${didYouMean(suggestions)}\n` : ''}`;
  }
  const groups = new Map<string, SearchHitView[]>();
  for (const hit of hits) {
    const group = groups.get(hit.sourceId);
    if (group) group.push(hit);
    else groups.set(hit.sourceId, [hit]);
  }
  const lines: string[] = [];
  for (const [sourceId, group] of groups) {
    lines.push(`${group[0]?.sourceTitle ?? sourceId} (${sourceId})${group[0]?.sourceMissing ? ' — no longer in the corpus' : ''}`);
    for (const hit of group) {
      const where = hit.page ?? (hit.section === null ? '' : `§ ${hit.section}`);
      const tags = hit.tags && hit.tags.length > 0 ? ` · tags: ${hit.tags.join('; ')}` : '';
      const what = hit.annotationId === undefined ? hit.blockId ?? '' : `annotation ${hit.annotationId}${tags}${hit.anchor ? ` · ${ANCHOR_NOTES[hit.anchor]}` : ''}`;
      lines.push(`  ${[where, what].filter((part) => part !== '').join(' · ')}`);
      lines.push(`    ${marked(hit)}`);
    }
    lines.push('');
  }
  lines.push(`${hits.length} of ${total} matching passages.`);
  return `${lines.join('\n')}\n`;
}
