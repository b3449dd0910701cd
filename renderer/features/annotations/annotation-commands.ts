import type { CallInput } from '../../../core/api.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import type { Color } from '../../../core/annotate/palette.ts';
import type { Context } from '../../context.ts';
import type { TextRange } from '../../state/app-state.ts';
import { notify } from '../../ui/dialogs.ts';
import type { Reader } from '../reader/reader-feature.ts';
import { readOnlyReason } from '../share/share-reducer.ts';
import { copyCitation } from './copy-citation.ts';
import { trimDialog } from './trim-dialog.ts';

type Patch = Omit<CallInput<'annotations.update'>, 'id'>;

/** The user's actions on highlights; each one that changes a highlight can be undone. */
export interface AnnotationCommands {
  /** Highlights the reader's selection. */
  highlight(color: Color): Promise<void>;
  /** Changes a highlight, as one undoable action named `label` ("Recolour Highlight"). */
  update(id: string, patch: Patch, label: string): Promise<void>;
  addTag(id: string, tagId: string): Promise<void>;
  removeTag(id: string, tagId: string): Promise<void>;
  /** Creates a tag and puts it on the highlight: one action to undo. */
  createTag(id: string, name: string): Promise<void>;
  delete(id: string): Promise<void>;
  /** Moves a highlight (usually an orphan) to the reader's selection. */
  reattach(id: string): Promise<void>;
  /** Gives a highlight another extent (an end dragged or moved by a word), re-quoting it: one undoable action. */
  adjust(id: string, range: TextRange): Promise<void>;
  trim(id: string): Promise<void>;
  copyCitation(id: string): Promise<void>;
}

/** What the commands need besides the context. */
export interface CommandDeps {
  reader: Reader;
  reloadTags(): Promise<void>;
  activate(id: string | null): void;
}

/** The annotation commands over the store, main and the undo history. */
export function annotationCommands(ctx: Context, deps: CommandDeps): AnnotationCommands {
  const { store, calls, history } = ctx;
  // One change at a time, each reading the highlight as the previous one left it.
  let queue: Promise<unknown> = Promise.resolve();
  // A group's reader changes nothing (a way in that is not turned off, such as a drag, says why).
  const refused = (): boolean => {
    const reason = readOnlyReason(store.state);
    if (reason) notify(reason);
    return reason !== null;
  };
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = calls.track(queue.then(run));
    queue = next.catch(() => undefined);
    return next;
  };
  const current = (id: string) => store.state.annotations.get(id);

  const saved = (annotation: Annotation) => store.dispatch({ type: 'annotation/saved', annotation });
  const apply = async (id: string, values: Patch): Promise<boolean> => {
    const annotation = await calls.call('annotations.update', { id, ...values });
    if (!annotation) return false;
    saved(annotation);
    if (values.tags) await deps.reloadTags();
    return true;
  };
  const remove = async (id: string): Promise<Annotation | null> => {
    const deleted = await calls.call('annotations.delete', { id });
    if (!deleted) return null;
    store.dispatch({ type: 'annotation/removed', id });
    await deps.reloadTags();
    return deleted;
  };
  // Main keeps what a deletion or re-attachment took away: restoring by id brings it back.
  const restore = async (id: string): Promise<boolean> => {
    const restored = await calls.call('annotations.restore', { id });
    if (!restored) return false;
    saved(restored);
    await deps.reloadTags();
    return true;
  };

  const reloadTagsAfter = async (done: unknown): Promise<boolean> => {
    if (done) await deps.reloadTags();
    return !!done;
  };
  // Changes a highlight as the previous change left it; `make` returns null for no change.
  const change = (id: string, make: (annotation: Annotation) => Patch | null, label: string) =>
    serial(async () => {
      if (refused()) return;
      const before = current(id);
      const patch = before && make(before);
      if (!before || !patch || !(await apply(id, patch))) return;
      const undoPatch: Patch = Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof Patch]]));
      history.record({ label, undo: () => apply(id, undoPatch), redo: () => apply(id, patch) });
    });

  return {
    highlight: (color) =>
      serial(async () => {
        const range = deps.reader.selectionRange();
        const sourceId = store.state.open?.source.id;
        if (!range || !sourceId || refused()) return;
        const created = await calls.call('annotations.create', { sourceId, ...range, color });
        if (!created) return;
        deps.reader.clearSelection();
        saved(created);
        history.record({ label: 'Highlight', undo: async () => !!(await remove(created.id)), redo: () => restore(created.id) });
        deps.activate(created.id);
      }),
    update: (id, patch, label) => change(id, () => patch, label),
    addTag: (id, tagId) => change(id, (a) => (a.tags.includes(tagId) ? null : { tags: [...a.tags, tagId] }), 'Tag Highlight'),
    removeTag: (id, tagId) => change(id, (a) => (a.tags.includes(tagId) ? { tags: a.tags.filter((t) => t !== tagId) } : null), 'Untag Highlight'),
    createTag: (id, name) =>
      serial(async () => {
        const annotation = current(id);
        if (!annotation || refused()) return;
        const tag = await calls.call('tags.create', { name, color: annotation.color });
        if (!tag) return;
        const before = annotation.tags;
        const after = [...before, tag.id];
        if (!(await apply(id, { tags: after }))) return;
        history.record({
          label: 'Tag Highlight',
          undo: async () => (await apply(id, { tags: before })) && (await reloadTagsAfter(await calls.call('tags.delete', { id: tag.id }))),
          redo: async () => (await reloadTagsAfter(await calls.call('tags.restore', { id: tag.id }))) && (await apply(id, { tags: after })),
        });
      }),
    delete: (id) =>
      serial(async () => {
        if (refused()) return;
        const deleted = await remove(id);
        if (!deleted) return;
        history.record({ label: 'Delete Highlight', undo: () => restore(id), redo: async () => !!(await remove(deleted.id)) });
        notify('Highlight deleted. Undo with Ctrl+Z (⌘Z).');
      }),
    reattach: (id) =>
      serial(async () => {
        if (refused()) return;
        const annotation = current(id);
        const range = deps.reader.selectionRange();
        if (!annotation || store.state.open?.source.id !== annotation.sourceId || !range) {
          notify('First select, in this source, the passage the highlight belongs to.', 'error');
          return;
        }
        const moved = await calls.call('annotations.reattach', { id, ...range });
        if (!moved) return;
        deps.reader.clearSelection();
        saved(moved);
        const again = async () => {
          const placed = await calls.call('annotations.reattach', { id, ...moved.position });
          if (placed) saved(placed);
          return !!placed;
        };
        history.record({ label: 'Re-attach Highlight', undo: () => restore(id), redo: again });
        deps.activate(moved.id);
      }),
    adjust: (id, range) =>
      serial(async () => {
        const before = current(id);
        if (refused() || !before || (before.position.start === range.start && before.position.end === range.end)) return;
        const place = async (position: TextRange, omissions?: Annotation['omissions']): Promise<Annotation | null> => {
          const placed = await calls.call('annotations.adjust', { id, ...position });
          // Undoing puts back the cuts the change dropped.
          const restored = placed && omissions && JSON.stringify(omissions) !== JSON.stringify(placed.omissions) ? await calls.call('annotations.update', { id, omissions }) : placed;
          if (restored) saved(restored);
          return restored;
        };
        const moved = await place(range);
        if (!moved) return;
        history.record({ label: 'Adjust Highlight', undo: async () => !!(await place(before.position, before.omissions)), redo: async () => !!(await place(moved.position)) });
        if (moved.omissions.length < before.omissions.length) notify('Words you had left out of the quotation are no longer all in the highlight: those cuts were dropped.');
      }),
    trim: async (id) => {
      const annotation = current(id);
      if (!annotation || refused()) return;
      const omissions = await ctx.modal('trim', () => trimDialog(annotation.quote.exact, annotation.omissions));
      if (omissions === null) return;
      await change(id, (a) => (JSON.stringify(omissions) === JSON.stringify(a.omissions) ? null : { omissions }), 'Trim Quotation');
    },
    copyCitation: async (id) => {
      const annotation = current(id);
      if (annotation) await copyCitation(ctx, annotation);
    },
  };
}
