import type { Context } from '../../context.ts';
import { writeRefusal } from '../share/share-reducer.ts';
import { tagCommands } from './tag-commands.ts';
import { TagManager } from './tag-manager.ts';

/** The tags feature: the tag list every view uses, and the tag manager tab. */
export interface Tags {
  /** Loads the tags (and their usage) again. */
  reload(): Promise<void>;
}

/** Mounts the tags tab of the side panel. */
export function mountTags(ctx: Context, deps: { refreshAnnotations(): Promise<void> }): Tags {
  const { store, calls } = ctx;
  const reload = async () => {
    const tags = await calls.call('tags.list');
    if (tags) store.dispatch({ type: 'tags/loaded', tags });
  };
  const manager = new TagManager(tagCommands(ctx, { reloadTags: reload, refreshAnnotations: deps.refreshAnnotations }));
  ctx.part('[data-pane="tags"]').append(manager.element);
  store.watch(
    (state) => state.tags,
    (tags) => manager.render(tags),
  );
  // A group's reader reads the tags; renaming, moving, merging and deleting are off, saying why.
  store.watch(
    (state) => writeRefusal(state, 'tags'),
    (reason) => manager.setReadOnly(reason),
  );
  return { reload };
}
