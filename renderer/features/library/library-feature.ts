import type { Context } from '../../context.ts';
import { chooseAction } from '../../ui/dialogs.ts';
import { writeRefusal } from '../share/share-reducer.ts';
import { LibraryView, type LibraryActions } from './library-view.ts';

/** The library feature: loads the sources and shows them, marking the one open in the reader. */
export interface Library {
  /** Loads (or reloads) the list of sources; false when it could not be loaded. */
  load(): Promise<boolean>;
}

/** Mounts the library list and its status line. */
export function mountLibrary(ctx: Context, actions: LibraryActions): Library {
  const { store } = ctx;
  const list = ctx.part('.source-list');
  const status = ctx.part('.library .status');
  // A file that cannot be read is not opened: activating it says why, and how to repair it.
  const open = (id: string) => {
    const problem = store.state.library.sources.find((s) => s.id === id)?.problem;
    if (!problem) actions.open(id);
    else void ctx.modal('message', () => chooseAction('This source cannot be read.', `${problem.reason} ${problem.repair}`, [], 'OK'));
  };
  const view = new LibraryView(list, { open, edit: actions.edit });

  store.watch(
    (state) => state.library,
    (library) => {
      view.render(library.sources);
      status.classList.toggle('error', library.status === 'failed');
      status.textContent =
        library.status === 'loading' && library.sources.length === 0
          ? 'Loading sources…'
          : library.status === 'failed'
            ? 'The library could not be loaded.'
            : library.status === 'ready' && library.sources.length === 0
              ? 'The corpus folder holds no sources yet.'
              : '';
    },
  );
  // A group's reader changes no source's details.
  store.watch(
    (state) => writeRefusal(state, 'details'),
    (refusal) => view.setReadOnly(refusal),
  );
  store.watch(
    (state) => [state.open?.source.id ?? null, state.library.sources] as const,
    ([id], previous) => view.markCurrent(id, previous?.[0] ?? null),
  );
  // Search results take the list's place while the search box holds a query.
  store.watch(
    (state) => state.search.results !== null,
    (searching) => (list.hidden = searching),
  );

  return {
    async load() {
      store.dispatch({ type: 'library/loading' });
      const sources = await ctx.calls.call('corpus.list');
      store.dispatch(sources ? { type: 'library/loaded', sources } : { type: 'library/failed' });
      return sources !== null;
    },
  };
}
