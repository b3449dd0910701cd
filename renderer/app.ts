import { Calls } from './calls.ts';
import { on } from './bridge.ts';
import { createContext } from './context.ts';
import { mountAnnotations } from './features/annotations/annotations-feature.ts';
import { mountInterop } from './features/interop/interop-feature.ts';
import { mountPanels } from './features/layout/panels-feature.ts';
import { mountLibrary } from './features/library/library-feature.ts';
import { mountPages } from './features/pages/pages-feature.ts';
import { mountProject } from './features/project/project-feature.ts';
import { mountReader } from './features/reader/reader-feature.ts';
import { mountSearch } from './features/search/search-feature.ts';
import { mountShare } from './features/share/share-feature.ts';
import { mountTags } from './features/tags/tags-feature.ts';
import { mountTransfer } from './features/transfer/transfer-feature.ts';
import { mountUndo } from './features/undo-feature.ts';
import { initialState } from './state/app-state.ts';
import { History } from './state/history.ts';
import { appReducer } from './state/reducer.ts';
import { Store } from './state/store.ts';
import { notify } from './ui/dialogs.ts';
import { mountSideTabs } from './ui/side-tabs.ts';

/**
 * Starts the application in the page skeleton under `root`: one store holds the state, each
 * feature mounts its views on it, and main's events are routed to the feature they concern.
 */
export async function startApp(root: HTMLElement): Promise<void> {
  const store = new Store(appReducer, initialState);
  const calls = new Calls();
  const history = new History((labels) => {
    store.dispatch({ type: 'history/changed', labels });
    void calls.call('app.historyChanged', labels);
  });
  const ctx = createContext(root, store, calls, history);

  mountSideTabs(ctx);
  const panels = mountPanels(ctx);
  const reader = mountReader(ctx, {
    selection: () => annotations.selectionChanged(),
    activateHighlight: (id) => annotations.activate(id),
    adjustHighlight: (id, range) => annotations.commands.adjust(id, range),
  });
  const tags = mountTags(ctx, { refreshAnnotations: () => annotations.refresh() });
  const transfer = mountTransfer(ctx, { reloadLibrary: () => library.load(), open: (id) => reader.open(id) });
  const annotations = mountAnnotations(ctx, { reader, reloadTags: tags.reload, exportAnnotations: () => void transfer.exportAnnotations() });
  const library = mountLibrary(ctx, { open: (id) => void reader.open(id), edit: (id) => void transfer.editDetails(id) });
  mountSearch(ctx, { open: reader.open, activate: annotations.activate });
  mountPages(ctx);
  const undo = mountUndo(ctx);
  const share = mountShare(ctx, { refreshAnnotations: () => annotations.refresh(), reloadTags: tags.reload, reloadLibrary: () => library.load() });
  const interop = mountInterop(ctx, { reloadLibrary: () => library.load(), reloadTags: tags.reload, refreshAnnotations: () => annotations.refresh(), open: (id) => reader.open(id) });

  // A backup replaced the project: every highlight, tag and the open source's marks are read again.
  const project = mountProject(ctx, {
    reloadProject: async () => {
      store.dispatch({ type: 'annotation/activated', id: null });
      await library.load();
      await tags.reload();
      await reader.reopen();
      await annotations.refresh();
    },
  });

  // A source's file changed on disk (or anything did, when no source is named).
  const corpusChanged = async (sourceIds: readonly string[]) => {
    if (!(await library.load())) return;
    const openId = store.state.open?.source.id;
    if (!openId || (sourceIds.length > 0 && !sourceIds.includes(openId))) return;
    const summary = store.state.library.sources.find((s) => s.id === openId);
    if (summary && !summary.problem) await reader.reopen();
    else {
      store.dispatch({ type: 'source/closed' });
      notify(summary?.problem ? `“${summary.title}” cannot be read any more. ${summary.problem.reason}` : 'The source you were reading was removed from the corpus folder.', 'error');
    }
    if (store.state.filters.scope === 'corpus') await annotations.refresh();
  };

  on('menu.undo', () => void undo.undo());
  on('menu.redo', () => void undo.redo());
  on('menu.import', () => void transfer.importSource());
  on('menu.export', () => void transfer.exportAnnotations());
  on('menu.importReferences', () => void interop.importReferences());
  on('menu.importAnnotations', () => void interop.importAnnotations());
  on('menu.zoteroImport', () => void interop.zoteroImport());
  on('menu.zoteroSend', () => void interop.zoteroSend());
  on('menu.projectCheck', () => void project.check());
  on('menu.projectBackups', () => void project.backups());
  on('zotero.progress', (progress) => interop.zoteroProgress(progress));
  on('annotations.importProgress', (progress) => interop.annotationImportProgress(progress));
  on('menu.shareCorpus', () => void share.join(true));
  on('menu.joinGroup', () => void share.join(false));
  on('share.status', (view) => share.status(view));
  on('share.notice', ({ message }) => share.notice(message));
  on('share.changed', ({ tags: tagsChanged }) => void share.changed(tagsChanged));
  on('app.flush', () => void calls.settle().then(() => calls.call('app.flushed')));
  let progressHeard = false;
  on('search.progress', (progress) => {
    progressHeard = true;
    store.dispatch({ type: 'search/progress', progress });
  });
  on('import.progress', (progress) => transfer.progress(progress));
  on('corpus.changed', (change) => void corpusChanged(change.sourceIds));
  window.addEventListener('beforeunload', () => calls.flush());

  void share.load();
  // Progress sent before this window listened is gone: ask where the index stands.
  void calls.call('search.status').then((progress) => {
    if (progress && !progressHeard) store.dispatch({ type: 'search/progress', progress });
  });
  // The window opens as it was left: the same panels, the same source at the same place.
  const session = calls.call('reader.session').then((value) => {
    if (value) panels.restore(value.collapsed);
    return value;
  });
  if (!(await library.load())) return;
  await tags.reload();
  const lastId = (await session)?.lastSourceId;
  const last = store.state.library.sources.find((s) => s.id === lastId);
  if (last && !last.problem) await reader.restore(last.id);
}
