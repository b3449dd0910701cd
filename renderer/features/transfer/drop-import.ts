import type { Context } from '../../context.ts';
import { notify } from '../../ui/dialogs.ts';
import { writeRefusal } from '../share/share-reducer.ts';

// A drag that carries files from the desktop (not text dragged within the page).
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Lets the user drop files on the library to import them, one after the other. The page hands
 * each `File` to `importFile`, which gets it to main through the preload: the page never learns
 * where the file is. A file dropped anywhere else in the window is not opened in its place.
 */
export function mountDropImport(ctx: Context, importFile: (file: File) => Promise<void>): void {
  const library = ctx.part('.library');
  let depth = 0;
  const highlight = (on: boolean) => library.classList.toggle('drop-target', on);
  library.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    depth += 1;
    highlight(true);
  });
  library.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) highlight(false);
  });
  library.addEventListener('dragover', (event) => {
    if (!carriesFiles(event) || !event.dataTransfer) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = ctx.store.state.dialogs.modal || writeRefusal(ctx.store.state, 'sources') ? 'none' : 'copy';
  });
  library.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth = 0;
    highlight(false);
    if (ctx.store.state.dialogs.modal) return;
    const refusal = writeRefusal(ctx.store.state, 'sources');
    if (refusal) return notify(refusal, 'error');
    const files = Array.from(event.dataTransfer?.files ?? []);
    void (async () => {
      for (const file of files) await importFile(file);
    })();
  });
  // Elsewhere a dropped file would replace the page; it does nothing there.
  for (const type of ['dragover', 'drop'] as const) {
    document.addEventListener(type, (event) => {
      if (carriesFiles(event) && !library.contains(event.target as Node)) event.preventDefault();
    });
  }
}
