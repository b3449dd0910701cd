import type { ImportPreview, ImportProgress } from '../../../core/api.ts';
import { dropFile } from '../../bridge.ts';
import type { Context } from '../../context.ts';
import { chooseAction, notify } from '../../ui/dialogs.ts';
import { writeRefusal } from '../share/share-reducer.ts';
import { mountDropImport } from './drop-import.ts';
import { exportDialog } from './export-dialog.ts';
import { importDialog } from './import-dialog.ts';
import { mountImportProgress } from './import-progress.ts';
import { fieldLabel, metadataDialog } from './metadata-dialog.ts';

/** Import, export and a source's details: what moves between the corpus, the project and files. */
export interface Transfer {
  /** Asks what to export, then where, and writes the file. */
  exportAnnotations(): Promise<void>;
  /** Lets the user choose a file, confirm its metadata, and adds it to the corpus. */
  importSource(): Promise<void>;
  /** Opens the metadata editor of a source and saves what the user changes. */
  editDetails(id: string): Promise<void>;
  /** Main reports how far it has read the file being imported. */
  progress(progress: ImportProgress): void;
}

/** What transfer needs from its neighbours. */
export interface TransferDeps {
  reloadLibrary(): Promise<boolean>;
  open(id: string): Promise<boolean>;
}

/** Mounts the Import button and returns the transfer commands (the menu calls them too). */
export function mountTransfer(ctx: Context, deps: TransferDeps): Transfer {
  const { store, calls } = ctx;

  const exportAnnotations = async () => {
    calls.flush();
    const { open, tags, library } = store.state;
    const current = open ? { id: open.source.id, title: open.source.meta.csl['title-short'] ?? open.source.meta.csl.title ?? open.source.id } : null;
    const request = await ctx.modal('export', () => exportDialog(current, tags));
    if (!request) return;
    // Warn before writing citations that will come out incomplete.
    const scope = request.scope;
    const scoped = scope.kind === 'source' ? library.sources.filter((s) => s.id === scope.sourceId) : library.sources;
    const incomplete = scoped.filter((s) => s.missing.length > 0);
    if (incomplete.length > 0) {
      const list = incomplete.map((s) => `“${s.shortTitle}” (${s.missing.map(fieldLabel).join(', ')})`).join('; ');
      const detail = `${list}. Their citations will be incomplete; you can fill them in with Details… in the library.`;
      const go = await ctx.modal('confirm', () => chooseAction('Some sources lack details Chicago needs.', detail, [{ label: 'Export anyway', value: true }]));
      if (!go) return;
    }
    const written = await calls.call('export.run', request);
    if (!written) return;
    const highlights = written.annotations ? `${written.annotations} highlight${written.annotations === 1 ? '' : 's'} from ` : '';
    const notes = request.format === 'obsidian' ? ` as ${written.sources} note${written.sources === 1 ? '' : 's'} in the folder` : '';
    notify(`Exported ${highlights}${written.sources} source${written.sources === 1 ? '' : 's'}${notes} to ${written.file}.`);
  };

  // Main reads the file (a long PDF page by page, with progress the user can cancel); then the
  // user confirms its details. One import at a time: a second waits for the first.
  let cancelled = false;
  let reading = false;
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>) => (queue = queue.then(job, job));
  const readThenConfirm = async (read: () => Promise<ImportPreview | null>) => {
    cancelled = false;
    reading = true;
    let preview: ImportPreview | null;
    try {
      preview = await read();
    } finally {
      reading = false;
      store.dispatch({ type: 'import/progress', progress: null });
    }
    if (!preview) {
      if (cancelled) notify('The import was cancelled; nothing was added to the corpus.');
      return;
    }
    await confirm(preview);
  };
  mountImportProgress(ctx, () => {
    cancelled = true;
    void calls.call('corpus.importCancel');
  });
  mountDropImport(ctx, (file) =>
    enqueue(async () => {
      const token = await dropFile(file);
      if (!token.ok) notify(token.error.message, 'error');
      else await readThenConfirm(() => calls.call('corpus.importDropped', { token: token.value }));
    }),
  );

  const importSource = () => {
    const refusal = writeRefusal(store.state, 'sources');
    if (refusal) return Promise.resolve(notify(refusal, 'error'));
    return enqueue(() => readThenConfirm(() => calls.call('corpus.importChoose')));
  };

  const confirm = async (preview: ImportPreview) => {
    let imported: string | null = null;
    const done = await ctx.modal('import', () =>
      importDialog(preview, async (metadata, choices) => {
        const result = await calls.result('corpus.importCommit', { token: preview.token, metadata, ...choices });
        if (!result.ok) return result.error.issues?.length ? `${result.error.message} ${result.error.issues.join('; ')}` : result.error.message;
        imported = result.value.id;
        return null;
      }),
    );
    if (!done || !imported) return;
    await deps.reloadLibrary();
    notify(`“${preview.fileName}” was added to the corpus.`);
    await deps.open(imported);
  };

  const editDetails = async (id: string) => {
    const refusal = writeRefusal(store.state, 'details');
    if (refusal) return notify(refusal, 'error');
    const [item, provenance] = await Promise.all([calls.call('corpus.metadata', { id }), calls.call('corpus.provenance', { id })]);
    if (!item) return;
    const missing = store.state.library.sources.find((s) => s.id === id)?.missing ?? [];
    const saved = await ctx.modal('metadata', () =>
      metadataDialog(item, missing, provenance, async (patch) => {
        const result = await calls.result('corpus.updateMetadata', { id, patch });
        return result.ok ? null : result.error.message;
      }),
    );
    if (!saved) return;
    await deps.reloadLibrary();
    notify('The details were saved.');
  };

  const importButton = ctx.part<HTMLButtonElement>('[data-action="import"]');
  importButton.addEventListener('click', () => void importSource());
  // A group's reader adds no source: the button is off and says why.
  const importTitle = importButton.title;
  store.watch(
    (state) => writeRefusal(state, 'sources'),
    (refusal) => {
      importButton.disabled = refusal !== null;
      importButton.title = refusal ?? importTitle;
    },
  );
  // A report that arrives after the reading ended (events and answers travel apart) is dropped.
  const progress = (report: ImportProgress) => {
    if (reading) store.dispatch({ type: 'import/progress', progress: report });
  };
  return { exportAnnotations, importSource, editDetails, progress };
}
