import type { AnnotationImportProgress, ZoteroProgress } from '../../../core/api.ts';
import type { Context } from '../../context.ts';
import { notify } from '../../ui/dialogs.ts';
import { plural } from '../../ui/panel-dialog.ts';
import { readOnlyReason, writeRefusal } from '../share/share-reducer.ts';
import { annotationsImportDialog, type AnnotationsImportDialog } from './annotations-import-dialog.ts';
import { describeCounts } from './annotation-report.ts';
import { describeDone, referencesDialog } from './references-dialog.ts';
import { mountReferencesSection } from './references-section.ts';
import { openZoteroBrowser, type ZoteroBrowser } from './zotero-browser.ts';
import { zoteroSendDialog } from './zotero-send-dialog.ts';

/** Reference files, annotation files and Zotero: what comes in from a historian's other tools, and goes out to Zotero. */
export interface Interop {
  /** Lets the user choose a reference file, shows what it would change, and applies it once confirmed. */
  importReferences(): Promise<void>;
  /** Lets the user choose an annotation file, asks where its annotations go, imports them and shows what became of each. */
  importAnnotations(): Promise<void>;
  /** Opens the Zotero browser. */
  zoteroImport(): Promise<void>;
  /** Asks which sources to send to Zotero, and sends them. */
  zoteroSend(): Promise<void>;
  /** How far a Zotero import has come (main's event). */
  zoteroProgress(progress: ZoteroProgress): void;
  /** How far an annotation import has come (main's event). */
  annotationImportProgress(progress: AnnotationImportProgress): void;
}

/** What the feature needs from its neighbours, to show what an import changed. */
export interface InteropDeps {
  reloadLibrary(): Promise<boolean>;
  reloadTags(): Promise<void>;
  refreshAnnotations(): Promise<void>;
  open(id: string): Promise<boolean>;
}

/** Mounts the library's references without text; its other commands come from the File menu. */
export function mountInterop(ctx: Context, deps: InteropDeps): Interop {
  const { store, calls } = ctx;
  mountReferencesSection(ctx);
  let browser: ZoteroBrowser | null = null;
  let annotationImport: AnnotationsImportDialog | null = null;
  // A menu command while a dialog is open waits for the user to finish with that one.
  const busy = () => store.state.dialogs.modal !== null;
  const titleOf = (sourceId: string) => store.state.library.sources.find((s) => s.id === sourceId)?.shortTitle ?? sourceId;

  // Imported annotations show in the list: the open source's when they are all on it, else the corpus's.
  const showAnnotations = async (sourceIds: readonly string[]) => {
    await deps.reloadTags();
    const open = store.state.open?.source.id;
    const elsewhere = sourceIds.some((id) => id !== open);
    if (elsewhere && store.state.filters.scope !== 'corpus') store.dispatch({ type: 'filters/changed', filters: { ...store.state.filters, scope: 'corpus' } });
    else await deps.refreshAnnotations();
  };

  const refused = (write: 'sources' | 'references') => {
    const refusal = writeRefusal(store.state, write);
    if (refusal) notify(refusal, 'error');
    return refusal !== null;
  };

  const importReferences = async () => {
    if (busy() || refused('references')) return;
    const preview = await calls.call('references.choose');
    if (!preview) return;
    const done = await ctx.modal('references', () =>
      referencesDialog(preview, titleOf, async () => {
        const result = await calls.result('references.apply', { token: preview.token });
        return result.ok ? result.value : result.error.message;
      }),
    );
    if (!done) return;
    await deps.reloadLibrary();
    notify(describeDone(done));
  };

  const importAnnotations = async () => {
    if (busy()) return;
    const reason = readOnlyReason(store.state);
    if (reason) return notify(reason, 'error');
    calls.flush();
    const preview = await calls.call('annotations.importChoose');
    if (!preview) return;
    const sources = store.state.library.sources.filter((s) => !s.problem).map((s) => ({ id: s.id, title: s.shortTitle }));
    const report = await ctx.modal('annotations-import', () => {
      annotationImport = annotationsImportDialog(preview, sources, titleOf, {
        commit: async (sourceId) => {
          const result = await calls.result('annotations.importCommit', sourceId === undefined ? { token: preview.token } : { token: preview.token, sourceId });
          return result.ok ? result.value : result.error.message;
        },
        cancel: () => void calls.call('annotations.importCancel', { token: preview.token }),
      });
      return annotationImport.done;
    });
    annotationImport = null;
    if (!report) return;
    await showAnnotations(report.imported.map((entry) => entry.annotation.sourceId));
    notify(describeCounts(report));
  };

  const zoteroImport = async () => {
    if (busy() || refused('sources')) return;
    calls.flush();
    // The source the user chose to open from the browser's report, once it has closed.
    const chosen: { id: string | null } = { id: null };
    const report = await ctx.modal('zotero', () => {
      browser = openZoteroBrowser({
        collections: () => calls.result('zotero.collections'),
        items: (collection) => calls.result('zotero.items', collection === undefined ? {} : { collection }),
        import: (keys) => calls.result('zotero.import', { keys }),
        cancel: () => void calls.call('zotero.cancel'),
        open: (id) => (chosen.id = id),
      });
      return browser.done;
    });
    browser = null;
    if (!report) return;
    await deps.reloadLibrary();
    const sourceIds = report.items.flatMap((item) => (item.annotations?.imported ?? []).map((entry) => entry.annotation.sourceId));
    if (chosen.id !== null) await deps.open(chosen.id);
    await showAnnotations(sourceIds);
  };

  const zoteroSend = async () => {
    if (busy()) return;
    const references = (await calls.call('references.list')) ?? [];
    const current = store.state.open?.source.id ?? null;
    const sent = await ctx.modal('zotero-send', () => zoteroSendDialog(store.state.library.sources, references, current, (ids) => calls.result('zotero.send', { ids })));
    if (sent) notify(`Sent ${plural(sent.sent, 'reference')} to Zotero; it saved ${sent.saved} in the library or collection selected in Zotero.`);
  };

  return {
    importReferences,
    importAnnotations,
    zoteroImport,
    zoteroSend,
    zoteroProgress: (progress) => browser?.progress(progress),
    annotationImportProgress: (progress) => annotationImport?.progress(progress),
  };
}
