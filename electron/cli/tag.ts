import type { TagSummary } from '../../core/api.ts';
import { findTagByName } from '../../core/annotate/tag-names.ts';
import { DomainError } from '../../core/errors.ts';
import { CliUsageError, noMoreArgs, ok, onlyOptions, parseCommandArgs, unknownAction, type CliCommand } from './command.ts';
import { withServices } from './services.ts';
import { JSON_FAILURE_HELP } from './json-error.ts';

const USAGE = `Usage:
  apparatus tag list [--json]
  apparatus tag rename NAME NEW-NAME
  apparatus tag merge NAME INTO-NAME
  apparatus tag delete NAME

Tags are named ignoring case. Renaming and merging change every annotation at once; deleting
removes the tag from its annotations and keeps the annotations. Every command accepts
--corpus DIR and --project DIR.
${JSON_FAILURE_HELP}`;

/** `apparatus tag`: list, rename, merge and delete tags, globally and atomically. */
export const tagCommand: CliCommand = {
  name: 'tag',
  summary: 'list, rename, merge or delete tags',
  usage: USAGE,
  run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const [action, first, second] = positionals;
    if (action !== undefined && action !== 'list') onlyOptions(values, [], `tag ${action}`);
    const names = action === 'list' ? 0 : action === 'delete' ? 1 : 2;
    // A tag name of several words is one argument: quoted, as in tag rename "Cold War" "Cold war".
    noMoreArgs(positionals, names + 1, `tag ${action ?? ''} takes ${['no name', 'one tag name', 'two tag names'][names]} (quote a name of several words)`);
    return withServices(values, context, action === 'list' ? 'read' : 'write', ({ tags: service }) => {
      const tags = service.list();
      const named = (name: string | undefined, role: string) => {
        if (!name) throw new CliUsageError(`tag ${action} needs ${role}`);
        const tag = findTagByName(tags, name) as TagSummary | undefined;
        if (!tag) throw new DomainError('not-found', `There is no tag “${name}”.`);
        return tag;
      };
      switch (action) {
        case 'list':
          return ok(values.json ? `${JSON.stringify(tags, null, 2)}\n` : tree(tags));
        case 'rename': {
          const tag = named(first, 'the name of a tag');
          if (!second) throw new CliUsageError('tag rename needs the new name');
          const renamed = service.rename(tag.id, second);
          return ok(`renamed “${tag.name}” to “${renamed.name}” (${tag.usage} annotation${tag.usage === 1 ? '' : 's'})\n`);
        }
        case 'merge': {
          const from = named(first, 'the tag to merge');
          const into = named(second, 'the tag to merge into');
          const merged = service.merge(from.id, into.id);
          return ok(`merged “${from.name}” into “${merged.tag.name}” (${merged.annotations} annotation${merged.annotations === 1 ? '' : 's'} changed)\n`);
        }
        case 'delete': {
          const tag = named(first, 'the name of a tag');
          const deleted = service.delete(tag.id);
          return ok(`deleted “${tag.name}” (removed from ${deleted.annotations} annotation${deleted.annotations === 1 ? '' : 's'})\n`);
        }
        default:
          throw action ? unknownAction(action, ['list', 'rename', 'merge', 'delete']) : new CliUsageError('say what to do: list, rename, merge or delete');
      }
    });
  },
};

function tree(tags: readonly TagSummary[]): string {
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const tag of tags.filter((t) => t.parent === parent).sort((a, b) => a.name.localeCompare(b.name))) {
      lines.push(`${'  '.repeat(depth)}${tag.name}\t${tag.usage}\t${tag.color}\n`);
      walk(tag.id, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join('');
}
