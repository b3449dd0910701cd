import type { ImportProgress } from '../../../core/api.ts';
import type { Context } from '../../context.ts';
import { button, el, isTyping } from '../../dom.ts';

/**
 * The progress of a file main is reading to import (the pages of a long PDF, the stages of a
 * large web page or text file), at the top of the library, with a button that stops the reading.
 * `cancel` is called when the user presses it, or Escape while no dialog is open.
 */
export function mountImportProgress(ctx: Context, cancel: () => void): void {
  const bar = el('progress', 'import-bar', undefined, { max: '1', value: '0' });
  const label = el('span', 'import-progress-label');
  const stop = button('Cancel', cancel, { title: 'Stop reading the file (Escape); nothing is imported' });
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
      label.textContent = progressLabel(progress);
    },
  );
  // Escape stops the reading as it closes a dialog; a dialog open meanwhile keeps its own Escape.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || box.hidden || event.defaultPrevented || isTyping(event.target) || ctx.store.state.dialogs.modal !== null) return;
    event.preventDefault();
    cancel();
  });
}

/** What the bar counts, in words: a PDF's pages, or a text file's stage. */
export function progressLabel(progress: ImportProgress): string {
  if (progress.stage === 'reading') return 'Reading the file: step 1 of 2';
  if (progress.stage === 'cleaning') {
    const percent = progress.fraction === undefined ? '' : ` (${Math.floor(progress.fraction * 100)}%)`;
    return `Cleaning the text: step 2 of 2${percent}`;
  }
  return `Reading the PDF: page ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}`;
}
