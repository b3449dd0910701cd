import type { Context } from '../../context.ts';
import { chooseAction, notify } from '../../ui/dialogs.ts';
import { exportDialog } from './export-dialog.ts';
import { importDialog } from './import-dialog.ts';
import { fieldLabel, metadataDialog } from './metadata-dialog.ts';

/** Import, export and a source's details: what moves between the corpus, the project and files. */
export interface Transfer {
  /** Asks what to export, then where, and writes the file. */
  exportAnnotations(): Promise<void>;
  /** Lets the user choose a file, confirm its metadata, and adds it to the corpus. */
  importSource(): Promise<void>;
  /** Opens the metadata editor of a source and saves what the user changes. */
  editDetails(id: string): Promise<void>;
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
    notify(`Exported ${highlights}${written.sources} source${written.sources === 1 ? '' : 's'} to ${written.file}.`);
  };

  const importSource = async () => {
    const preview = await calls.call('corpus.importChoose');
    if (!preview) return;
    let imported: string | null = null;
    const done = await ctx.modal('import', () =>
      importDialog(preview, async (metadata) => {
        const result = await calls.result('corpus.importCommit', { token: preview.token, metadata });
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

  ctx.part('[data-action="import"]').addEventListener('click', () => void importSource());
  return { exportAnnotations, importSource, editDetails };
}
