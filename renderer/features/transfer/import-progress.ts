import type { Context } from '../../context.ts';
import { button, el } from '../../dom.ts';

/**
 * The progress of a file main is reading to import (the pages of a long PDF), at the top of the
 * library, with a button that stops the reading. `cancel` is called when the user presses it.
 */
export function mountImportProgress(ctx: Context, cancel: () => void): void {
  const bar = el('progress', 'import-bar', undefined, { max: '1', value: '0' });
  const label = el('span', 'import-progress-label');
  const stop = button('Cancel', cancel, { title: 'Stop reading the file; nothing is imported' });
  const box = el('div', 'import-progress', undefined, { role: 'group', 'aria-label': 'Reading the file to import' });
  const text = el('label', 'import-progress-text');
  text.append(label, bar);
  box.append(text, stop);
  box.hidden = true;
  ctx.part('.status').before(box);
  ctx.store.watch(
    (state) => state.importing,
    (progress) => {
      box.hidden = progress === null;
      if (!progress) return;
      bar.max = Math.max(1, progress.total);
      bar.value = progress.done;
      label.textContent = `Reading the PDF: page ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}`;
    },
  );
}
