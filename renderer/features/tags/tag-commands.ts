import type { CallInput, TagSummary } from '../../../core/api.ts';
import type { Context } from '../../context.ts';
import { confirmAction, notify } from '../../ui/dialogs.ts';
import { readOnlyReason } from '../share/share-reducer.ts';
import type { TagManagerActions } from './tag-manager.ts';

type TagCall = 'tags.rename' | 'tags.recolor' | 'tags.setParent' | 'tags.merge' | 'tags.delete' | 'tags.restore';

/** What tag commands need besides the context. */
export interface TagCommandDeps {
  reloadTags(): Promise<void>;
  /** Loads the shown annotations again: a merge or deletion changed their tags. */
  refreshAnnotations(): Promise<void>;
}

function plural(count: number): string {
  return `${count} annotation${count === 1 ? '' : 's'}`;
}

/**
 * The tag manager's actions, each one undoable from the Edit menu: rename, recolour and move
 * are undone by the same call with the earlier value; a merge or deletion by restoring the tag
 * main kept, on exactly the annotations that carried it.
 */
export function tagCommands(ctx: Context, deps: TagCommandDeps): TagManagerActions {
  const { calls, history } = ctx;
  const run = async <N extends TagCall>(name: N, input: CallInput<N>, retagged: boolean): Promise<boolean> => {
    const done = await calls.call(name, input);
    if (!done) return false;
    await deps.reloadTags();
    if (retagged) await deps.refreshAnnotations();
    return true;
  };
  // Performs a change and, once it succeeded, records how to take it back.
  const perform = async (label: string, redo: () => Promise<boolean>, undo: () => Promise<boolean>) => {
    // A group's reader changes no tag.
    const reason = readOnlyReason(ctx.store.state);
    if (reason) return notify(reason);
    if (await redo()) history.record({ label, undo, redo });
  };
  const confirm = (message: string, detail: string, label: string) => ctx.modal('confirm', () => confirmAction(message, detail, label));

  return {
    rename: (tag: TagSummary, name: string) =>
      void perform(
        'Rename Tag',
        () => run('tags.rename', { id: tag.id, name }, false),
        () => run('tags.rename', { id: tag.id, name: tag.name }, false),
      ),
    recolor: (tag, color) =>
      void perform(
        'Recolour Tag',
        () => run('tags.recolor', { id: tag.id, color }, false),
        () => run('tags.recolor', { id: tag.id, color: tag.color }, false),
      ),
    setParent: (tag, parent) =>
      void perform(
        'Move Tag',
        () => run('tags.setParent', { id: tag.id, parent }, false),
        () => run('tags.setParent', { id: tag.id, parent: tag.parent ?? null }, false),
      ),
    merge: async (tag, into) => {
      const detail = `${plural(tag.usage)} will carry “${into.name}” instead, and “${tag.name}” will be gone.`;
      if (!(await confirm(`Merge “${tag.name}” into “${into.name}”?`, detail, 'Merge'))) return;
      await perform(
        'Merge Tags',
        () => run('tags.merge', { from: tag.id, into: into.id }, true),
        () => run('tags.restore', { id: tag.id }, true),
      );
    },
    delete: async (tag) => {
      const detail = `It is on ${plural(tag.usage)}; they keep their highlights and notes.`;
      if (!(await confirm(`Delete the tag “${tag.name}”?`, detail, 'Delete tag'))) return;
      await perform(
        'Delete Tag',
        () => run('tags.delete', { id: tag.id }, true),
        () => run('tags.restore', { id: tag.id }, true),
      );
    },
  };
}
