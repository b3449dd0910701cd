import { COLORS, isColor } from '../../core/annotate/palette.ts';
import { findTagByName } from '../../core/annotate/tag-names.ts';
import type { Annotation, Tag } from '../../core/annotate/model.ts';
import { findQuote } from '../../core/annotate/find-quote.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { DomainError } from '../../core/errors.ts';
import type { AppServices } from '../services/app-services.ts';
import { CliUsageError, noMoreArgs, ok, onlyOptions, parseCommandArgs, unknownAction, type CliCommand } from './command.ts';
import { sourceById, unknownSource } from './source-id.ts';
import { withServices } from './services.ts';
import { JSON_FAILURE_HELP } from './json-error.ts';

const USAGE = `Usage:
  apparatus annotate add SOURCE --quote TEXT [--occurrence N] [--tag T]… [--note TEXT] [--color C]
  apparatus annotate list [--source S] [--tag T] [--json]
  apparatus annotate delete ID

add      highlights the Nth occurrence (default 1) of TEXT in the source's reading text (any run
         of spaces and line breaks in TEXT matches any other); tags that do not exist yet are created
list     the annotations, all or of one source or tag (with the tags below it)
delete   deletes one annotation
Colours: ${COLORS.join(', ')}. Every command accepts --corpus DIR and --project DIR.
${JSON_FAILURE_HELP}`;

// The options each action takes; the others are refused rather than ignored.
const ANNOTATE_OPTIONS = {
  add: ['quote', 'occurrence', 'tag', 'note', 'color'],
  list: ['source', 'tag', 'json'],
  delete: [],
} as const;

/** `apparatus annotate`: add, list and delete annotations over the same store as the app. */
export const annotateCommand: CliCommand = {
  name: 'annotate',
  summary: 'add, list or delete annotations',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {
      quote: { type: 'string' },
      occurrence: { type: 'string' },
      tag: { type: 'string', multiple: true },
      note: { type: 'string' },
      color: { type: 'string' },
      source: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [action, target] = positionals;
    if (action === 'add' || action === 'list' || action === 'delete') onlyOptions(values, ANNOTATE_OPTIONS[action], `annotate ${action}`);
    if (action === 'list') noMoreArgs(positionals, 1, 'annotate list takes its source with --source ID');
    else noMoreArgs(positionals, 2, `annotate ${action ?? ''} takes one ${action === 'delete' ? 'annotation id' : 'source id'}`);
    return withServices(values, context, action === 'list' ? 'read' : 'write', (services) => {
      switch (action) {
        case 'add':
          return ok(describe(add(services, target, values), services.tags.list()));
        case 'list': {
          // Two tags would have to mean both or either; listing by the first alone answers another question.
          if ((values.tag?.length ?? 0) > 1) throw new CliUsageError('annotate list takes one --tag (the tags below it are included)');
          // `--tag "$T"` with T unset: listing every highlight would answer another question.
          if (values.tag?.[0]?.trim() === '') throw new CliUsageError('--tag needs the name of a tag, not an empty value');
          // A mistyped --corpus is said as such, not as every highlight's source having left the corpus.
          services.corpus.assertReadable();
          const found = list(services, values.source, values.tag?.[0]);
          // A highlight kept in the project whose source has left the corpus: its place is no one's.
          const gone = (annotation: Annotation) => services.corpus.source(annotation.sourceId) === undefined;
          if (values.json) return ok(`${JSON.stringify(found.map((a) => (gone(a) ? { ...a, sourceMissing: true } : a)), null, 2)}\n`);
          const tags = services.tags.list();
          return ok(found.map((a) => describe(a, tags, gone(a))).join(''));
        }
        case 'delete': {
          if (!target) throw new CliUsageError('annotate delete needs the id of an annotation');
          const deleted = services.annotations.delete(target);
          return ok(`deleted ${deleted.id} (“${excerpt(deleted.quote.exact)}” in ${deleted.sourceId})\n`);
        }
        default:
          throw action ? unknownAction(action, ['add', 'list', 'delete']) : new CliUsageError('say what to do: add, list or delete');
      }
    });
  },
};

function add(project: AppServices, sourceId: string | undefined, values: { quote?: string; occurrence?: string; tag?: string[]; note?: string; color?: string }): Annotation {
  if (!sourceId) throw new CliUsageError('annotate add needs a source id (see apparatus list)');
  if (!values.quote) throw new CliUsageError('annotate add needs --quote TEXT');
  // A highlight of spaces quotes nothing; the annotation import refuses such quotes too.
  if (values.quote.trim() === '') throw new CliUsageError('--quote holds only spaces: give the words to highlight');
  // Digits only: Number() would also take " 2", "0x2" and "1e0", which no one means as a count.
  if (values.occurrence !== undefined && !/^\d+$/.test(values.occurrence)) {
    throw new CliUsageError(`--occurrence must be a whole number from 1 (got "${values.occurrence}")`);
  }
  const occurrence = values.occurrence === undefined ? 1 : Number(values.occurrence);
  if (occurrence < 1) throw new CliUsageError(`--occurrence must be a whole number from 1 (got "${values.occurrence}")`);
  if (values.color !== undefined && !isColor(values.color)) throw new CliUsageError(`--color must be one of ${COLORS.join(', ')}`);
  const text = readingText(sourceById(project.corpus, sourceId)).text;
  const found = findQuote(text, values.quote, occurrence);
  if ('count' in found) {
    throw new DomainError(
      'not-found',
      found.count === 0
        ? `The text “${excerpt(values.quote)}” is not in ${sourceId}.`
        : `The text “${excerpt(values.quote)}” occurs ${found.count} time${found.count === 1 ? '' : 's'} in ${sourceId}, not ${occurrence}.`,
    );
  }
  const tags = (values.tag ?? []).map((name) => tagFor(project, name).id);
  return project.annotations.create({ sourceId, start: found.start, end: found.end, color: values.color, tags, note: values.note });
}

function list(project: AppServices, sourceId: string | undefined, tagName: string | undefined): Annotation[] {
  const found = listed(project, sourceId, tagName);
  // Nothing for a source the corpus does not hold is a mistyped id, not a source without
  // highlights; a source that left the corpus still lists the highlights kept for it.
  if (found.length === 0 && sourceId !== undefined && project.corpus.source(sourceId) === undefined) throw unknownSource(project.corpus, sourceId);
  return found;
}

function listed(project: AppServices, sourceId: string | undefined, tagName: string | undefined): Annotation[] {
  if (!tagName) return project.annotations.list({ sourceId });
  const tag = findTagByName(project.tags.list(), tagName);
  if (!tag) throw new DomainError('not-found', `There is no tag “${tagName}”.`);
  return project.annotations.list({ sourceId, tagId: tag.id, includeChildTags: true });
}

// Another command may create the same tag at the same moment: the store hands both the one tag.
function tagFor(project: AppServices, name: string): Tag {
  return project.tags.ensure(name);
}

function describe(annotation: Annotation, tags: readonly Tag[], sourceMissing = false): string {
  const names = annotation.tags.map((id) => tags.find((t) => t.id === id)?.name ?? id);
  const status = sourceMissing ? ' [its source is no longer in the corpus]' : annotation.anchor === 'anchored' ? '' : ` [${annotation.anchor}]`;
  const tagText = names.length ? ` #${names.join(' #')}` : '';
  const note = annotation.note ? `\n    ${annotation.note.replace(/\n/g, '\n    ')}` : '';
  return `${annotation.id}\t${annotation.sourceId}\t${annotation.position.start}–${annotation.position.end}\t${annotation.color}${status}\n    “${excerpt(annotation.quote.exact)}”${tagText}${note}\n`;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
